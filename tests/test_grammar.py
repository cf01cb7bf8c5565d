"""Tokenising: typed lines, heading numbers, cells, and numbers/units/years with spans."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import CORPUS_NAMES, corpus_text
from gxlint.document.build import build_document
from gxlint.document.model import LineKind, Span, TokenKind
from gxlint.document.numbers import parse_number


def doc(text: str):
    return build_document("t.txt", text if text.endswith("\n") else text + "\n")


def test_line_kinds() -> None:
    d = doc(
        "标题\n\n一、总体情况\n（一）主动公开\n(二) 依申请公开\n1.第一项\n2、第二项\n3．第三项\n"
        "规章\t0\t0\t1\n| 行政许可 | 5 |\n|---|---|\n一是加强学习。\n"
    )
    kinds = [ln.kind for ln in d.lines]
    assert kinds == [
        LineKind.PARAGRAPH,
        LineKind.BLANK,
        LineKind.HEADING1,
        LineKind.HEADING2,
        LineKind.HEADING2,
        LineKind.ITEM,
        LineKind.ITEM,
        LineKind.ITEM,
        LineKind.ROW,
        LineKind.ROW,
        LineKind.ROW,
        LineKind.PARAGRAPH,
    ]
    assert [d.lines[i].number for i in (2, 3, 4, 5, 6, 7)] == [
        "一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "3．",
    ]
    assert [c.text for c in d.lines[9].cells] == ["行政许可", "5"]
    assert d.lines[10].cells == []  # the Markdown separator row


def test_numbered_row_is_a_row_not_a_heading() -> None:
    d = doc("一、本年新收政府信息公开申请数量\t\t\t95\t0\n")
    line = d.lines[0]
    assert line.kind is LineKind.ROW
    assert [c.text for c in line.cells] == ["一、本年新收政府信息公开申请数量", "", "", "95", "0"]
    assert line.cells[3].span == Span(1, 20, 1, 22)
    assert parse_number(line.cells[3].text) == Decimal(95)  # a value is read from its text


def test_numbers_units_years_with_spans() -> None:
    d = doc("2023 年度，主动公开信息 3,585 条，收费 1.5万元，占 12％；２０２２年 ３ 件\n")
    tokens = [t for t in d.lines[0].tokens if t.kind is not TokenKind.TEXT]
    assert [(t.kind, t.value, t.unit.strip() if t.unit else "") for t in tokens][:1] == [
        (TokenKind.YEAR, Decimal(2023), "")
    ]
    numbers = [(t.text, t.value) for t in tokens if t.kind is TokenKind.NUMBER]
    assert numbers == [
        ("3,585 条", Decimal(3585)),
        ("1.5万元", Decimal("1.5")),
        ("12％", Decimal(12)),
        ("３ 件", Decimal(3)),
    ]
    years = [t.value for t in tokens if t.kind is TokenKind.YEAR]
    assert years == [Decimal(2023), Decimal(2022)]
    first_number = next(t for t in tokens if t.kind is TokenKind.NUMBER)
    assert first_number.span == Span(1, 16, 1, 23)


def test_negative_number_in_a_cell_but_not_a_phone_number() -> None:
    d = doc("行政事业性收费\t15\t-15\n电话：0591-23163387\n")
    assert [c.text for c in d.lines[0].cells] == ["行政事业性收费", "15", "-15"]
    assert parse_number(d.lines[0].cells[2].text) == Decimal(-15)
    values = [t.value for t in d.lines[1].tokens if t.kind is TokenKind.NUMBER]
    assert values == [Decimal(591), Decimal(23163387)]


def test_unparsable_line_is_kept_and_reported() -> None:
    d = doc("一、总体情况\n收到\t3 | 4\t件\n二、主动公开政府信息情况\n")
    assert [ln.lineno for ln in d.unparsed] == [2]
    assert d.lines[1].raw == "收到\t3 | 4\t件"
    assert [s.number for s in d.sections] == ["一", "二"]


def test_a_bar_in_prose_is_text() -> None:
    d = doc("（三）发布《我为群众办实事|食用农产品快速检测结果天天报》365 篇。\n")
    (line,) = d.lines
    assert (line.kind, d.unparsed) == (LineKind.HEADING2, [])
    assert "".join(t.text for t in line.tokens) == line.text
    assert [t.value for t in line.tokens if t.kind is TokenKind.NUMBER] == [365]


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_corpus_report_tokenises(name) -> None:
    text = corpus_text(name)
    d = doc(text)
    assert d.unparsed == []
    assert len(d.lines) == len(text.rstrip("\n").split("\n"))
    assert len(d.sections) >= 4
    for line in d.lines:
        if line.kind is LineKind.ROW:
            assert len(line.cells) >= 2


def test_the_grammars_units_are_the_one_unit_list() -> None:
    import re

    from conftest import ROOT
    from gxlint.document.numbers import UNIT_PATTERN

    grammar = (ROOT / "grammar" / "report.lark").read_text("utf-8")
    number = next(line for line in grammar.splitlines() if line.startswith("NUMBER.2"))
    (units,) = re.findall(r"\(\?:([^()]*%[^()]*)\)\)\?/$", number)
    assert units == UNIT_PATTERN
