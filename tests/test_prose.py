"""Prose: numbers in the text against the tables, stated totals, the report year, fees, agency."""

from __future__ import annotations

import re

import pytest

from conftest import FIRST_CORPUS, corpus_text, lint
from gxlint.analysis.agency import classify
from gxlint.document.build import build_document
from gxlint.document.prose import fold

PROSE_CODES = ("GX404", "GX405", "GX406", "GX407", "GX408", "GX409", "GX5")

# A prose count of applications, as written (spaces included), and the rule that checks it.
COUNTS = {
    "huaian-2024": ("受理政府信息公开申请 3119 件", "GX501"),
    "pingtan-2021": ("共收到70件申请", "GX501"),
    "pingtan-2023": ("申请共计81件", "GX501"),
    "pingtan-2024": ("办理政府信息公开申请218件", "GX502"),
    "pingtan-jinjing-2021": ("收到依申请公开事项0项", "GX501"),
    "pingtan-police-2022": ("收到政府信息公开申请1件", "GX501"),
    "shanghai-office-2025": ("受理政府信息公开申请 1295 件", "GX501"),
    "shuyang-2025": ("受理政府信息公开申请 749 件", "GX501"),
}


def _prose_findings(text: str):
    return [f for f in lint(text) if f.code.startswith(PROSE_CODES)]


def test_seed_gives_the_a10_warning_only(seed_text) -> None:
    (finding,) = _prose_findings(seed_text)
    assert (finding.code, finding.severity.label, finding.span.line) == ("GX509", "warning", 11)
    assert finding.message == "「3585条」所列分项之和只有 3385条，比总数少 200"
    assert finding.hint.startswith("应为 3385 = 750 + 1774 + 861")
    line = seed_text.split("\n")[10]
    assert line[finding.span.column - 1 : finding.span.end_column - 1] == "3585 条"


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_prose_count_changed(name) -> None:
    phrase, code = COUNTS[name]
    number = re.search(r"\d+", phrase).group(0)
    changed = phrase.replace(number, str(int(number) + 7))  # +1 may hit 新收 + 结转
    text = corpus_text(name)
    assert text.count(phrase) == 1
    findings = [f for f in lint(text.replace(phrase, changed)) if f.code == code]
    assert len(findings) == 1
    line_no = next(i for i, ln in enumerate(text.split("\n"), 1) if phrase in ln)
    assert findings[0].span.line == line_no
    assert findings[0].severity.label == "error"
    source = text.replace(phrase, changed).split("\n")[line_no - 1]
    span = findings[0].span
    assert source[span.column - 1 : span.end_column - 1] == str(int(number) + 7)


def test_hongze_count_made_right_clears_the_warning() -> None:
    text = corpus_text("hongze-2024").replace("信息公开申请 17 件", "信息公开申请 95 件")
    assert "GX501" not in {f.code for f in lint(text)}


def test_zero_claim_against_the_table(seed_text) -> None:
    # 「全年未收到…依申请公开事项」 while the table says one application came in.
    text = seed_text.replace(
        "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1",
    )
    (finding,) = [f for f in lint(text) if f.code == "GX501"]
    claim = next(i for i, ln in enumerate(text.split("\n"), 1) if "全年未收到" in ln)
    assert finding.span.line == claim and "总计为 1" in finding.message


@pytest.mark.parametrize("name", FIRST_CORPUS)
def test_title_year_changed(name) -> None:
    text = corpus_text(name)
    doc = build_document("r.txt", text)
    year = next(t for ln in doc.title for t in ln.tokens if t.kind.value == "year")
    wrong = str(int(year.value) - 1)
    lines = text.split("\n")
    line = lines[year.span.line - 1]
    lines[year.span.line - 1] = (
        line[: year.span.column - 1] + wrong + line[year.span.column - 1 + 4 :]
    )
    findings = [f for f in lint("\n".join(lines)) if f.code == "GX510"]
    # (pre-2019 reports too: the years are a format-independent prose rule; pingtan-county-2013's
    # 统计期限 is empty, its preamble's 「现公布2013年度政府信息公开年度报告」 names the year)
    assert [(f.span.line, f.span.column) for f in findings] == [(year.span.line, year.span.column)]
    assert f"年度 {wrong} 与报告其他部分的 {int(year.value)} 年不一致" in findings[0].message


def test_future_year() -> None:
    findings = lint("某某局2099年政府信息公开工作年度报告\n一、总体情况\n")
    assert [(f.code, f.span.line) for f in findings if f.code == "GX511"] == [("GX511", 1)]


@pytest.mark.parametrize(
    "name",
    ["pingtan-2021", "pingtan-2023", "pingtan-2024", "pingtan-police-2022", "xuchang-justice-2023"],
)
def test_fee_row_without_fee_notice_text(name) -> None:
    text = corpus_text(name)
    row = re.compile(r"(2\.申请人逾期未按收费通知要求缴纳费用[^\t]*\t+)0((?:\t0){5}\t)0")
    changed, count = row.subn(r"\g<1>1\g<2>1", text)
    assert count == 1
    (finding,) = [f for f in lint(changed) if f.code == "GX407"]
    heading = next(i for i, ln in enumerate(text.split("\n"), 1) if ln.startswith("六、"))
    assert finding.span.line == heading


def test_fee_collected_without_amount(seed_text) -> None:
    text = seed_text.replace("本年度未收取信息处理费。", "本年度按规定收取了信息处理费。")
    codes = {f.code for f in lint(text)}
    assert "GX408" in codes


def test_pdf_text_is_joined_and_folded() -> None:
    doc = build_document(
        "r.txt", "一、总体情况\n全年共受理政府信息公开申请 3\n119 件，答\n- 2 -\n复 3050 件。\n"
    )
    prose = fold(doc.sections[0].lines)
    assert prose.text == "全年共受理政府信息公开申请3 119件,答复3050件。"
    start = prose.text.index("119")
    assert prose.span(start, start + 3).line == 3  # still pointing at the source line


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("huaian-2024", "government"),
        ("shanghai-office-2025", "government"),
        ("pingtan-2021", "government"),
        ("xuchang-justice-2023", "department"),
        ("pingtan-police-2022", "department"),
        ("pingtan-jinjing-2021", "township"),
    ],
)
def test_agency_kind(name, kind) -> None:
    assert classify(build_document("r.txt", corpus_text(name))).kind.value == kind


def test_government_rules_skip_departments(seed_text) -> None:
    codes = {f.code for f in lint(seed_text)}
    assert not codes & {"GX404", "GX405", "GX406"}
    as_government = seed_text.replace("许昌市司法局 2023", "许昌市人民政府 2023", 1)
    assert {"GX405", "GX406"} <= {f.code for f in lint(as_government)}


def test_review_claims_name_the_unlabelled_review_row_by_its_column(seed_text) -> None:
    cells = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"
    text = seed_text.replace(cells, "1\t0\t0\t0\t1" + cells[9:], 1).replace(
        "年度内未发生因信息公开进行的责任追究情况。",
        "年度内未发生因信息公开进行的责任追究情况，全年未发生政府信息公开行政复议。",
    )
    (finding,) = [f for f in lint(text) if f.code == "GX505"]
    assert finding.message == "正文说「未发生政府信息公开行政复议」，而行政复议「总计」为 1"
    assert finding.hint == "核对正文与表四「行政复议 总计」列（1）"


def test_assessment_topic_partly_covered_is_a_warning_naming_what_is_missing(seed_text) -> None:
    government = seed_text.replace("许昌市司法局 2023", "许昌市人民政府 2023", 1)
    assert [f for f in lint(government) if f.code == "GX404"] == []  # all three covered
    partly = [f for f in lint(government.replace("评议", "")) if f.code == "GX404"]
    assert [(f.severity.label, f.message) for f in partly] == [
        ("warning", "「一、总体情况」没有写社会评议结果情况（人民政府应当报告）")
    ]
    bare = government.replace("考核", "").replace("评议", "").replace("追究", "")
    (none,) = [f for f in lint(bare) if f.code == "GX404"]
    assert none.severity.label == "error"
    assert "工作考核、社会评议、责任追究结果情况" in none.message


def _per_character(text: str) -> list[tuple[int, int]]:
    """Where each folded character comes from, worked out the long way: every source character
    NFKC-folded on its own, whitespace dropped, a space kept between ASCII letters or digits
    (placed where the character before it is)."""
    import unicodedata

    where: list[tuple[int, int]] = []
    last = prev = ""
    for lineno, raw in enumerate(text.split("\n"), start=1):
        for column, ch in enumerate(raw, start=1):
            for folded in unicodedata.normalize("NFKC", ch):
                if folded.isspace():
                    last = " "
                    continue
                if last == " " and where and _ascii_alnum(prev) and _ascii_alnum(folded):
                    where.append(where[-1])
                where.append((lineno, column))
                prev = last = folded
        last = " "
    return where


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@pytest.mark.parametrize(
    "text",
    [
        "一、总体情况\n本年度共收到申请 3 5 件，办结 12\n34 件。",  # PDF spaces, a number broken
        "㈠主动公开①项，面积 12㎡，ＡＢＣ 全角\n（二）第二段：１２３件",  # NFKC changes lengths
        "  缩进的段落  \n\n- 3 -\n第 2 页 共 9 页\n末行 2023 年",  # blanks and page marks
    ],
)
def test_fold_places_every_character_on_its_source(text) -> None:
    lines = build_document("t.txt", text).lines
    prose = fold(lines)
    kept = "\n".join(
        "" if ln.raw.strip() in ("- 3 -", "第 2 页 共 9 页") else ln.raw for ln in lines
    )
    expected = _per_character(kept)
    assert len(prose.text) == len(expected)
    assert [prose.position(i) for i in range(len(prose.text))] == expected
    assert [prose.line_of(i) for i in range(len(prose.text))] == [w[0] for w in expected]
