"""Tables in the real reports: recognised by their labels; injected defects found at their cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import CORPUS_2021, corpus_text, lint
from gxlint.analysis.tables.model import Problem, TableMatch
from gxlint.document.build import build_document
from gxlint.document.model import Span
from gxlint.engine import context_for

FLATTENED_二 = {"pingtan-2021", "pingtan-2023", "pingtan-2024"}
# Every report with the 2019/2021 tables (the two pre-2019 reports have none of them).
WITH_TABLES = [*CORPUS_2021, "pingtan-2019", "pingtan-transport-2020"]
GARBLED_二 = {"shanghai-office-2025"}


def tables(text: str) -> tuple[dict[str, TableMatch], list]:
    """The recognised tables, with the pack for the report's format version."""
    recognition = context_for(build_document("r.txt", text)).tables
    return recognition.tables, recognition.problems


@pytest.mark.parametrize("name", CORPUS_2021)
def test_tables_recognised_with_all_rows_and_columns(name) -> None:
    matches, problems = tables(corpus_text(name))
    shape = {p.problem for p in problems}
    assert Problem.MISSING_COLUMN not in shape and Problem.MISSING_ROW not in shape
    for key in ("applications", "review"):
        match = matches[key]
        assert match.found
        spec = match.spec
        required = [
            r for r in spec.rows if not spec.is_label_only(r) and r.parent != "other_handling"
        ]
        for row in required:
            assert match.rows[row.key].values is not None, (key, row.key)
    if name in FLATTENED_二:
        assert {p.problem for p in problems if p.table.section == "proactive"} == {
            Problem.FLATTENED
        }
        return
    for key in ("regulations", "licensing", "enforcement", "fees"):
        match = matches[key]
        assert match.found and set(match.rows) == {r.key for r in match.spec.rows}
        if name not in GARBLED_二:
            assert all(r.values is not None for r in match.rows.values())


def test_numbers_read_from_huaian() -> None:
    matches, _ = tables(corpus_text("huaian-2024"))
    app = matches["applications"]
    assert [v.value for v in app.rows["new"].values] == [
        Decimal(x) for x in (3001, 53, 0, 0, 61, 4, 3119)
    ]
    assert app.value("handled_total", 6).value == 3050
    assert app.value("carried_forward", 0).value == 103
    review = matches["review"].rows["cases"].values
    assert [review[i].value for i in (4, 9, 14)] == [351, 26, 20]
    assert matches["fees"].value("fees", 0).value == Decimal("96171.6")


# ── injected defects ─────────────────────────────────────────────────────────────────────


def _edit(text: str, span: Span, new: str) -> str:
    lines = text.split("\n")
    line = lines[span.line - 1]
    lines[span.line - 1] = line[: span.column - 1] + new + line[span.end_column - 1 :]
    return "\n".join(lines)


def _bump(text: str, span: Span) -> str:
    line = text.split("\n")[span.line - 1]
    old = line[span.column - 1 : span.end_column - 1]
    return _edit(text, span, str(int(old or "0") + 1))


def _at(findings, code: str) -> set[tuple[int, int]]:
    return {(f.span.line, f.span.column) for f in findings if f.code == code}


def _cell(name: str, table: str, row: str, column: int) -> Span:
    matches, _ = tables(corpus_text(name))
    return matches[table].rows[row].values[column].cell.span


@pytest.mark.parametrize("name", WITH_TABLES)
def test_sub_item_cell_changed(name) -> None:
    span = _cell(name, "applications", "withheld_secret", 0)
    findings = lint(_bump(corpus_text(name), span))
    assert _at(findings, "GX302") == {(span.line, span.column)}  # （七）总计 of that column
    assert _at(findings, "GX303") == {(span.line, span.column)}  # that row's 总计
    message = next(f.message for f in findings if f.code == "GX303")
    assert "行「1." in message and "相差 1" in message


@pytest.mark.parametrize("name", WITH_TABLES)
def test_total_cell_changed(name) -> None:
    span = _cell(name, "applications", "new", 6)
    findings = lint(_bump(corpus_text(name), span))
    assert _at(findings, "GX301") == {(span.line, span.column)}
    assert _at(findings, "GX303") == {(span.line, span.column)}
    hint = next(f.hint for f in findings if f.code == "GX301")
    assert "「总计」列应为" in hint


@pytest.mark.parametrize("name", WITH_TABLES)
def test_row_deleted(name) -> None:
    text = corpus_text(name)
    matches, _ = tables(text)
    line = matches["applications"].rows["not_processed_repeat"].line.lineno
    lines = text.split("\n")
    del lines[line - 1]
    findings = lint("\n".join(lines))
    missing = [f for f in findings if f.code == "GX203"]
    assert [(f.span.line, f.message) for f in missing] == [
        (line, "表格「收到和处理政府信息公开申请情况表」缺少「2.重复申请」行")
    ]


@pytest.mark.parametrize("name", WITH_TABLES)
def test_number_deleted(name) -> None:
    text = corpus_text(name)
    matches, _ = tables(text)
    row = matches["applications"].rows["disclosed"]
    cell = row.values[2].cell.span
    line = text.split("\n")[cell.line - 1]
    cut = line[: cell.column - 1] + line[cell.end_column :]  # the number and its tab
    lines = text.split("\n")
    lines[cell.line - 1] = cut
    before = {(f.code, f.span.line) for f in lint(text)}
    findings = [
        f
        for f in lint("\n".join(lines))
        if f.code == "GX206" and (f.code, f.span.line) not in before
    ]
    assert [f.span.line for f in findings] == [cell.line]
    assert "应有 7 个数字，实有 6 个：" in findings[0].message


@pytest.mark.parametrize("name", WITH_TABLES)
def test_row_label_misspelt(name) -> None:
    text = corpus_text(name)
    matches, _ = tables(text)
    label = matches["applications"].rows["withheld_secret"].label
    findings = lint(text.replace("属于国家秘密", "属于国家泌密"))
    typos = [f for f in findings if f.code == "GX211" and f.span.line == label.span.line]
    assert len(typos) == 1
    assert typos[0].fix.replacement == "1.属于国家秘密"
    assert (typos[0].span.column, typos[0].span.end_column) == (
        label.span.column,
        label.span.end_column,
    )
    assert not any(f.code.startswith("GX3") for f in findings)  # the row is still recognised


@pytest.mark.parametrize("name", WITH_TABLES)
def test_review_total_changed(name) -> None:
    span = _cell(name, "review", "cases", 4)
    findings = lint(_bump(corpus_text(name), span))
    assert _at(findings, "GX304") == {(span.line, span.column)}
    assert not _at(findings, "GX305") and not _at(findings, "GX306")


def test_subtotal_rows_are_accepted_and_checked(seed_text) -> None:
    subtotal = "\t（三）不予公开\t\t0\t0\t0\t0\t0\t0\t0\n"
    anchor = "\t(三) 不予公开\t1.属于国家秘密"
    text = seed_text.replace(anchor, subtotal + anchor, 1)
    assert not [f for f in lint(text) if f.code[2] in "3" or f.code == "GX205"]
    wrong = text.replace(
        subtotal, subtotal.replace("\t0\t0\t0\t0\t0\t0\t0", "\t1\t0\t0\t0\t0\t0\t1")
    )
    subtotals = [f for f in lint(wrong) if f.code == "GX307"]
    assert [f.message for f in subtotals] == [
        "收到和处理申请情况表的小计：（三）小计 = 1，（三） = 0，相差 1（列「自然人」）",
        "收到和处理申请情况表的小计：（三）小计 = 1，（三） = 0，相差 1（列「总计」）",
    ]


def test_labels_wrapped_across_lines(seed_text) -> None:
    # A header label and a long row label broken across two physical lines, as PDF text does.
    header = seed_text.replace("\t商业企业\t", "\t商业\n企业\t", 1)
    long_label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    row = header.replace(
        long_label, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理\n其政府信息公开申请", 1
    )
    before = {(f.code, f.message) for f in lint(seed_text)}
    after = {(f.code, f.message) for f in lint(row)}
    assert after == before
    matches, _ = tables(row)
    fee_row = matches["applications"].rows["other_fee_unpaid"]
    assert fee_row.values is not None and fee_row.name == long_label


def test_markdown_tables_read_like_tab_separated_ones(seed_text) -> None:
    markdown = "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line
        for line in seed_text.split("\n")
    )
    as_text = [(f.code, f.span.line, f.message) for f in lint(seed_text)]
    as_markdown = lint(markdown)
    assert [(f.code, f.span.line, f.message) for f in as_markdown] == as_text
    label = next(f for f in as_markdown if f.code == "GX211")
    line = markdown.split("\n")[label.span.line - 1]
    assert line[label.span.column - 1 : label.span.end_column - 1] == "本年度止件数"
