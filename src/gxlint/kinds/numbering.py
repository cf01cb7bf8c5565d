"""Numbering slips in a section (warnings): a run of 一是/二是/三是 that skips or repeats a
number, sub-headings （一）（二）（五）, numbered items 1. 2. 4. A run restarts at its first
number; a number out of turn is reported, and the run goes on from the number it expected
(so 一是 1.… 4. 五是 二是 reports 五是 alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from gxlint.analysis.context import Context
from gxlint.document.model import LineKind, Span
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds.base import Kind
from gxlint.pack.rule import Rule

_NUMERALS = "一二三四五六七八九十"
# 一是 where a sentence, a clause or a line starts (统一是… is no marker).
_IS = re.compile(rf"([{_NUMERALS}]{{1,2}})是")
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
        for section in ctx.sections_for(spec.key):
            for kind, pattern in ((LineKind.HEADING2, _HEADING), (LineKind.ITEM, _ITEM)):
                lines = [ln for ln in section.lines if ln.kind is kind and ln.number]
                found = [(ln, pattern.search(ln.number)) for ln in lines]
                yield [Marker(_value(m.group(1)), ln.number, ln.span) for ln, m in found if m]
        heads = [
            ln.lineno
            for section in ctx.sections_for(spec.key)
            for ln in section.lines
            if ln.kind in (LineKind.HEADING2, LineKind.ITEM)
        ]
        for prose in ctx.prose(spec.key):
            yield from _blocks(prose, heads)


def _blocks(prose: Prose, heads: list[int]) -> Iterator[list[Marker]]:
    blocks: dict[int, list[Marker]] = {}
    for m in _IS.finditer(prose.text):
        if prose.starts(m.start(), _BOUNDARY):
            line = prose.line_of(m.start())
            block = max((h for h in heads if h <= line), default=0)
            marker = Marker(_value(m.group(1)), m.group(0), prose.span(m.start(), m.end()))
            blocks.setdefault(block, []).append(marker)
    yield from blocks.values()


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
    fields=frozenset({"found", "expected", "problem"}),
)
