"""Renderers: SARIF for code scanning, GitHub annotations, and the text renderer's underline."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

import pytest

from conftest import CORPUS, corpus_text, lint
from gxlint.document.model import Span
from gxlint.engine import load_pack
from gxlint.findings import Finding, Fix, Severity
from gxlint.records import fields, replace
from gxlint.render import Run, renderer


def test_sarif(seed_text) -> None:
    out = io.StringIO()
    findings = lint(seed_text, path="draft.txt")
    rules = {f.code: load_pack("gov-2021").rule(f.code) for f in findings}
    renderer("sarif")(Run(findings, rules=rules), out)
    log = json.loads(out.getvalue())
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["GX211", "GX509"]
    label = next(r for r in run["results"] if r["ruleId"] == "GX211")
    assert label["level"] == "warning"
    location = label["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft.txt"
    assert location["region"] == {
        "startLine": 32,
        "startColumn": 13,
        "endLine": 32,
        "endColumn": 19,
    }
    replacement = label["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "本年废止件数"
    assert run["tool"]["driver"]["rules"][label["ruleIndex"]]["id"] == "GX211"


def test_github_annotations_escape_their_properties() -> None:
    finding = Finding(
        code="GX401",
        name="fee-statement",
        severity=Severity.ERROR,
        span=Span(88, 1, 88, 12),
        message="没有说明信息处理费: 100%",
        path="reports/a,b.txt",
        hint="例如：本年度未收取信息处理费。",
    )
    out = io.StringIO()
    renderer("github")(Run([finding]), out)
    assert out.getvalue() == (
        "::error file=reports/a%2Cb.txt,line=88,col=1,endLine=88,endColumn=12,"
        "title=GX401 fee-statement::没有说明信息处理费: 100%25%0A例如：本年度未收取信息处理费。\n"
    )


def test_a_finding_given_its_path_keeps_every_other_field() -> None:
    """Finding.at writes the fields out by position: it must be records.replace."""
    finding = Finding(
        "GX211", "n", Severity.WARNING, Span(3, 3, 3, 5), "m", "", "h", Fix(Span(3, 3, 3, 5), "x")
    )
    assert finding.at("r.txt") == replace(finding, path="r.txt")
    assert [getattr(finding.at("r.txt"), f.name) for f in fields(Finding)] == [
        "GX211", "n", Severity.WARNING, Span(3, 3, 3, 5), "m", "r.txt", "h", finding.fix
    ]  # fmt: skip


def test_text_underlines_cjk_at_double_width() -> None:
    finding = Finding(
        code="GX211",
        name="table-label-typo",
        severity=Severity.WARNING,
        span=Span(3, 3, 3, 5),
        message="m",
        path="r.txt",
        fix=Fix(Span(3, 3, 3, 5), "废止"),
    )
    out = io.StringIO()
    renderer("text")(Run([finding], {"r.txt": {3: "本年度止\t件数"}}), out)
    lines = out.getvalue().splitlines()
    assert lines[2] == "3 │ 本年度止    件数"
    assert lines[3] == "  │     ^^^^"
    assert lines[4] == "fix: 改为「废止」"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", ["xuchang-justice-2023", "pingtan-2019", "huaian-2024"])
def test_text_on_a_terminal_is_the_plain_text_in_colour(name, monkeypatch) -> None:
    """To a pipe, text output is written without Rich; on a terminal Rich styles it. With its
    colour codes taken out, the terminal's text is the pipe's, character for character."""
    for variable in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(variable, raising=False)
    path = str(CORPUS / f"{name}.txt")
    findings = lint(corpus_text(name), path=path)
    odd = "制表\t符与控制符\x1b[2J"
    findings.append(Finding("GX999", "odd", Severity.INFO, Span(1, 1, 1, 2), odd, path, odd))
    lines = corpus_text(name).split("\n")
    sources = {path: {f.span.line: lines[f.span.line - 1] for f in findings}}
    run = Run(findings, sources, files=1, places={path: {1: "第 1 页"}})
    plain, styled = io.StringIO(), _Terminal()
    renderer("text")(run, plain)
    renderer("text")(run, styled)
    assert "\x1b[" in styled.getvalue() and "\x1b[" not in plain.getvalue()
    assert re.sub(r"\x1b\[[0-9;]*m", "", styled.getvalue()) == plain.getvalue()
    assert "制表    符与控制符\\x1b[2J" in plain.getvalue()


def test_text_to_a_pipe_does_not_import_rich_console(tmp_path) -> None:
    (tmp_path / "r.txt").write_text(corpus_text("pingtan-2019"), "utf-8")
    probe = (
        "import sys; from gxlint.app.cli import main; main(['--fail-on', 'never', 'r.txt']); "
        "print('rich.console' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.stderr == "False\n"
    findings = lint(corpus_text("pingtan-2019"), path="r.txt")
    heads = [ln for ln in run.stdout.splitlines() if ln.startswith("r.txt:")]
    assert heads == [
        f"r.txt:{f.span.line}:{f.span.column}: {f.code} {f.severity.label}[{f.severity.chinese}] "
        f"{f.message}"
        for f in findings
    ]
    assert "\x1b[" not in run.stdout


@pytest.mark.parametrize("count", [0, 1, 3, None])
def test_json_is_written_one_finding_at_a_time_as_json_dump_writes_the_list(count) -> None:
    """Streamed (a batch never holds every finding's dictionary), byte for byte what
    json.dump(indent=2) makes of the whole list: none, one, a few, every corpus finding (with
    fixes, places in a Word file, CJK, and a path with quotes, a backslash and a control
    character)."""
    from gxlint.records import replace
    from gxlint.render.json import finding_dict

    findings = [f for path in sorted(CORPUS.glob("*.txt")) for f in lint(path.read_text("utf-8"))]
    findings.insert(1, replace(findings[0], path='a "quoted" \\ path\x01'))
    assert any(f.fix for f in findings)
    chosen = findings[:count] if count is not None else findings
    places = {f.path: {f.span.line: "Word 第 3 段"} for f in findings[:2]}
    run = Run(chosen, places=places)
    out = io.StringIO()
    renderer("json")(run, out)
    items = [finding_dict(f, run.place(f)) for f in chosen]
    assert count == 0 or any("source" in item for item in items)
    expected = json.dumps(items, ensure_ascii=False, indent=2)
    assert out.getvalue() == expected + "\n"
