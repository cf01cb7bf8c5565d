"""Numbering slips in a section (warnings): a run of 一是/二是/三是 that skips or repeats a
number, sub-headings （一）（二）（五）, numbered items 1. 2. 4. A run restarts at its first
number; a number out of turn is reported, and the run goes on from the number it expected
(so 一是 1.… 4. 五是 二是 reports 五是 alone).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from gxlint.analysis.context import Context
from gxlint.document.model import Line, LineKind, Span
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule

_NUMERALS = "一二三四五六七八九十"
# 一是 where a sentence, a clause or a line starts (统一是… is no marker).
_IS = "是"
_BOUNDARY = "。;,:)：；，"
_HEADING = re.compile(rf"[（(]\s*([{_NUMERALS}]{{1,2}})\s*[)）]")
_ITEM = re.compile(r"([0-9０-９]{1,2})")


class Marker(NamedTuple):
    value: int
    text: str
    span: Span


def _value(numeral: str) -> int:
    """一 → 1 … 十 → 10, 十一 → 11, 二十 → 20; digits as they are."""
    if numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1:
        return _NUMERALS.index(numeral) + 1
    tens, ones = numeral[0], numeral[-1]
    if numeral[0] == "十":
        return 10 + _NUMERALS.index(ones) + 1
    return (_NUMERALS.index(tens) + 1) * 10 + (0 if ones == "十" else _NUMERALS.index(ones) + 1)


def _slips(markers: list[Marker]) -> Iterator[tuple[Marker, int]]:
    """Each marker out of turn, with the number expected there."""
    expected = 0  # 0: no run started yet
    told: set[int] = set()  # each wrong number once a run (一是 三是 三是: the first 三是)
    for marker in markers:
        if marker.value == 1:
            expected, told = 2, set()
        elif expected and marker.value == expected:
            expected += 1
        elif expected and marker.value not in told:
            told.add(marker.value)
            yield marker, expected


def _runs(ctx: Context) -> Iterator[list[Marker]]:
    """The 一是 markers of each block of a section's prose (a sub-heading or a numbered item
    starts a block: its 一是 may follow the heading's words directly), its sub-headings, its
    numbered items."""
    for spec in ctx.pack.sections:
        heads: list[int] = []  # in source order: the sections are
        for section in ctx.sections_for(spec.key):
            headings = [ln for ln in section.lines if ln.kind is LineKind.HEADING2]
            items = [ln for ln in section.lines if ln.kind is LineKind.ITEM]
            yield _numbered(headings, _HEADING)
            yield _numbered(items, _ITEM)
            heads += sorted(ln.lineno for ln in (*headings, *items))
        for prose in ctx.prose(spec.key):
            yield from _blocks(prose, heads)


def _numbered(lines: list[Line], pattern: re.Pattern[str]) -> list[Marker]:
    found = [(ln, pattern.search(ln.number)) for ln in lines if ln.number]
    return [Marker(_value(m.group(1)), ln.number, ln.span) for ln, m in found if m]


def _blocks(prose: Prose, heads: list[int]) -> Iterator[list[Marker]]:
    blocks: dict[int, list[Marker]] = {}
    for start, end in numbered_is(prose.text):
        if prose.starts(start, _BOUNDARY):
            before = bisect_right(heads, prose.line_of(start))
            block = heads[before - 1] if before else 0  # the last head at or above the line
            text = prose.text[start:end]
            marker = Marker(_value(text[:-1]), text, prose.span(start, end))
            blocks.setdefault(block, []).append(marker)
    yield from blocks.values()


def numbered_is(text: str) -> Iterator[tuple[int, int]]:
    """Where `text` has 一是 … 十二是: one or two numerals and 是 (the matches of the pattern
    `[一…十]{1,2}是`, found from each 是 back: a pattern that starts with a set of characters
    is tried at every character, and 是 is found at a fraction of that cost)."""
    at = text.find(_IS)
    while at != -1:
        start = at
        while start > max(at - 2, 0) and text[start - 1] in _NUMERALS:
            start -= 1
        if start < at:
            yield start, at + 1
        at = text.find(_IS, at + 1)


def _shown(marker: Marker, value: int) -> str:
    """How the expected number is written in the style of `marker`."""
    numeral = str(value) if marker.text[0].isdigit() else _numeral(value)
    return re.sub(r"[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}", numeral, marker.text, count=1)


def _numeral(value: int) -> str:
    if value <= 10:
        return _NUMERALS[value - 1]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + (_NUMERALS[ones - 1] if ones else "")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for run in _runs(ctx):
        for marker, expected in _slips(run):
            repeated = any(m.value == marker.value for m in run if m.span != marker.span)
            yield rule.finding(
                marker.span,
                found=marker.text,
                expected=_shown(marker, expected),
                problem="重复" if repeated and marker.value < expected else "跳号",
            )


KIND = Kind(
    "numbering",
    "序号连续：一是二是三是、（一）（二）（三）、1. 2. 3. — numbering runs without slips",
    _check,
    params=NoParams,
    fields=frozenset({"found", "expected", "problem"}),
)
