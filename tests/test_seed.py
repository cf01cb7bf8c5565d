"""The bundled example report (the seed): clean structure; injected defects found at their line."""

from __future__ import annotations

from conftest import lint
from gxlint.document.build import build_document
from gxlint.document.model import LineKind

STRUCTURE_AND_STATEMENTS = ("GX1", "GX4")


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_seed_has_six_sections(seed_text) -> None:
    doc = build_document("seed.txt", seed_text)
    assert [s.number for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]
    assert doc.sections[5].title == "其他需要报告的事项"
    assert [ln.raw for ln in doc.title] == ["许昌市司法局 2023 年政府信息公开工作年度报告"]


def test_seed_has_no_structure_or_statement_finding(seed_text) -> None:
    found = [f for f in lint(seed_text) if f.code.startswith(STRUCTURE_AND_STATEMENTS)]
    assert found == []


def test_section_five_heading_removed(seed_text) -> None:
    text = seed_text.replace("五、存在的主要问题及改进情况\n", "")
    findings = [f for f in lint(text) if f.code.startswith(STRUCTURE_AND_STATEMENTS)]
    assert [(f.code, f.span.line) for f in findings] == [
        ("GX101", _line_of(text, "六、其他需要报告的事项"))
    ]
    assert "五、存在的主要问题及改进情况" in findings[0].message
    assert "六、其他需要报告的事项" in findings[0].hint


def test_fee_sentence_removed(seed_text) -> None:
    text = seed_text.replace("本年度未收取信息处理费。", "")
    findings = [f for f in lint(text) if f.code.startswith(STRUCTURE_AND_STATEMENTS)]
    assert [(f.code, f.span.line) for f in findings] == [
        ("GX401", _line_of(text, "六、其他需要报告的事项"))
    ]
    assert "信息处理费" in findings[0].message
    assert "国办函〔2020〕109号" in findings[0].hint


def test_misspelt_section_title(seed_text) -> None:
    text = seed_text.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进请况")
    findings = [f for f in lint(text) if f.code.startswith(STRUCTURE_AND_STATEMENTS)]
    line = _line_of(text, "改进请况")
    assert [(f.code, f.span.line, f.severity.label) for f in findings] == [
        ("GX104", line, "warning")
    ]
    (finding,) = findings
    assert (finding.span.column, finding.span.end_column) == (3, 15)
    assert finding.fix is not None and finding.fix.replacement == "存在的主要问题及改进情况"
    assert finding.hint == "应为「五、存在的主要问题及改进情况」"


def test_seed_tables_in_the_model(seed_text) -> None:
    doc = build_document("seed.txt", seed_text)
    rows = {
        s.number: [ln for ln in s.lines if ln.kind is LineKind.ROW and ln.cells]
        for s in doc.sections
    }
    assert {k: len(v) for k, v in rows.items()} == {
        "一": 0,
        "二": 14,
        "三": 28,
        "四": 4,
        "五": 0,
        "六": 0,
    }
    review = rows["四"]
    assert [c.text for c in review[-1].cells][:5] == ["0", "0", "0", "0", "0"]
    assert review[0].lineno == 79 and review[-1].lineno == 82
