"""Stated totals and their parts in prose (「3585 条，其中网站 750 条、微信 1774 条……」), as the
`stated-parts` and `percentages` kinds read them.

Parts are the numbers with the total's unit in the clause after 其中/包括/分别为 (or after
「在…N 条…中，」), up to the end of the sentence or of the bracket the clause opened; parts
separated by ； still count while each segment adds one part and starts nothing new; a last part
written without its unit counts; the total said again is not a part.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.document.numbers import COUNT_UNIT_PATTERN
from gxlint.document.prose import Prose
from gxlint.kinds._patterns import matcher

# A total and the words that open its list (「3585 条，其中」), and a total said within 在…中.
# The first starts with a number, which Python's regular expressions try at every character:
# it is matched from where the opening words are (`_listed`), back to the number before them.
_OPENING = r"其中|包括|分别为|分别是"
_LISTED = re.compile(
    rf"(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
    rf"[,:;]?(?P<open>\(?)(?:{_OPENING})[:,]?"
)
_OPENINGS = re.compile(_OPENING)
_BETWEEN = max(map(len, COUNT_UNIT_PATTERN.split("|"))) + 2  # a unit, then , and ( at most
_WITHIN = matcher(
    rf"在[^,。;]{{0,20}}?(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
    r"[^,。;\d]{0,16}?中(?P<open>)[,:]"
)
_NUMBER = r"(?<![\d.第])(\d+(?:\.\d+)?){unit}(?!%)"
_BARE_LAST = re.compile(r"(?<![\d.第])(\d+(?:\.\d+)?)$")  # 「…，不予公开信息数 79。」
_NESTED = re.compile(r"其中|包括")
_NEW = re.compile(r"共|合计|总计|累计|另有|此外")  # a segment that starts a statement of its own
_OPEN_ENDED = re.compile(r"等[^\d]{0,4}$")  # 「……17 条等。」: the list is not exhaustive
_LABEL = re.compile(r"[^,。;、:]*$")


@dataclass(frozen=True, slots=True)
class Part:
    value: Decimal
    start: int  # of its number in the prose
    end: int  # after its unit
    label: str  # the words before the number in its clause: 「主动公开政府信息」


@dataclass(frozen=True, slots=True)
class Stated:
    """A stated total and its parts."""

    total: Decimal
    unit: str
    start: int  # of the total's number
    end: int  # after the total's unit
    parts: tuple[Part, ...]
    clause_end: int
    open_ended: bool  # the list ends with 等

    @property
    def listed(self) -> Decimal:
        return sum((p.value for p in self.parts), Decimal(0))


def stated_in(ctx: Context, prose: Prose) -> list[Stated]:
    """The totals a report's prose states, worked out once per report (three rules ask)."""
    found: dict[int, list[Stated]] = ctx.memo.setdefault("stated", {})
    if id(prose) not in found:  # the prose lives in ctx.memo as long as this does
        found[id(prose)] = list(stated_totals(prose))
    return found[id(prose)]


def _listed(text: str) -> Iterator[re.Match[str]]:
    """`_LISTED.finditer(text)`, from each opening word back: the number before it starts its
    run of digits and points, and the match from there must end in that word."""
    for opening in _OPENINGS.finditer(text):
        at = opening.start()
        end, lowest = at, max(0, at - _BETWEEN)
        while end > lowest and not text[end - 1].isdecimal():
            end -= 1
        start = end
        while start > 0 and (text[start - 1].isdecimal() or text[start - 1] == "."):
            start -= 1
        match = _LISTED.match(text, start) if start < end else None
        if match is not None and match.end("open") == at:
            yield match


def stated_totals(prose: Prose) -> Iterator[Stated]:
    text = prose.text
    for matches in (_listed(text), _WITHIN.finditer(text)):
        for match in matches:
            unit, total = match.group("unit"), Decimal(match.group("total"))
            part_re = re.compile(_NUMBER.format(unit=re.escape(unit)))
            end = _clause_end(text, match.end(), bool(match.group("open")), part_re)
            yield Stated(
                total=total,
                unit=unit,
                start=match.start("total"),
                end=match.end("unit"),
                parts=tuple(_parts(text, match.end(), end, part_re, total)),
                clause_end=end,
                open_ended=_OPEN_ENDED.search(text[match.end() : end]) is not None,
            )


def _clause_end(text: str, start: int, bracket: bool, part_re: re.Pattern[str]) -> int:
    """Where the list of parts ends: at 。 or at the bracket the clause opened, before a nested
    其中/包括; across ； only while each next segment adds one part and starts nothing new
    (共/合计…, or a total with a list of its own)."""
    stops = "。)" if bracket else "。"
    ends = [i for i in (text.find(ch, start) for ch in stops) if i != -1]
    end = min(ends) if ends else len(text)
    nested = _NESTED.search(text, start, end)
    if nested:
        end = nested.start()
    at = start
    while (semicolon := text.find(";", at, end)) != -1:
        following = text.find(";", semicolon + 1, end)
        segment = text[semicolon + 1 : following if following != -1 else end]
        last = following == -1
        if len(part_re.findall(segment)) != 1 or _NEW.search(segment) or (last and nested):
            return semicolon
        at = semicolon + 1
    return end


def _parts(text: str, start: int, end: int, part_re: re.Pattern[str], total: Decimal) -> list[Part]:
    parts = [
        Part(Decimal(m.group(1)), m.start(1), m.end(), _label(text, start, m.start(1)))
        for m in part_re.finditer(text, start, end)
    ]
    # The total said again (全文电子化的信息共 90 条, ……已办结 36 件) is no part of it.
    parts = [p for p in parts if p.value != total]
    if parts and (bare := _BARE_LAST.search(text, start, end)):
        value = Decimal(bare.group(1))
        parts.append(Part(value, bare.start(1), bare.end(1), _label(text, start, bare.start(1))))
    return parts


def _label(text: str, start: int, at: int) -> str:
    label = _LABEL.search(text, start, at)
    return label.group(0) if label else ""
