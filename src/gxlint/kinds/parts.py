"""A stated total and its listed parts (A10): 「3585 条，其中网站 750 条、微信 1774 条……」.

Parts are the numbers with the total's unit in the clause after 其中/包括/分别为 (or after
「在…N 条…中，」), up to the end of the sentence or of the bracket the clause opened; parts
separated by ； still count, as does a last part written without its unit; the total said again
first is not a part. A rule checks one direction: parts that exceed
the total (an error), or parts that fall short of it (a warning: a part may be unlisted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.document.numbers import COUNT_UNIT_PATTERN, format_number
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, Param, one_of
from gxlint.pack.rule import Rule

# A stated total, then its parts: 「3585 条，其中网站 750 条……」, 「在主动公开的 90 条信息中，……」.
_STATED = (
    re.compile(
        rf"(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
        r"[,:;]?(?P<open>\(?)(?:其中|包括|分别为|分别是)[:,]?"
    ),
    re.compile(
        rf"在[^,。;]{{0,20}}?(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
        r"[^,。;\d]{0,16}?中(?P<open>)[,:]"
    ),
)
_NUMBER = r"(?<![\d.第])(\d+(?:\.\d+)?){unit}(?!%)"
# A last part written without its unit: 「…，不予公开信息数 79。」
_BARE_LAST = re.compile(r"(?<![\d.第])(\d+(?:\.\d+)?)$")
_NESTED = re.compile(r"其中|包括")
_NEW = re.compile(r"共|合计|总计|累计|另有|此外")  # a segment that starts a statement of its own
_OPEN_ENDED = re.compile(r"等[^\d]{0,4}$")  # 「……17 条等。」: the list is not exhaustive
_DIRECTIONS = ("exceed", "short")


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


def _parts(text: str, start: int, end: int, unit: str, total: Decimal) -> list[Decimal]:
    part_re = re.compile(_NUMBER.format(unit=re.escape(unit)))
    parts = [Decimal(m.group(1)) for m in part_re.finditer(text, start, end)]
    if parts and parts[0] == total:
        parts = parts[1:]  # the total said again (全文电子化的信息共 90 条), not a part
    if parts and (bare := _BARE_LAST.search(text[start:end])):
        parts.append(Decimal(bare.group(1)))
    return parts


def _stated(text: str) -> Iterator[re.Match[str]]:
    for pattern in _STATED:
        yield from pattern.finditer(text)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    direction = rule.params["direction"]
    for section in ctx.pack.sections:
        for prose in ctx.prose(section.key):
            for match in _stated(prose.text):
                finding = _compare(rule, prose, match, direction)
                if finding is not None:
                    yield finding


def _compare(rule: Rule, prose: Prose, match: re.Match[str], direction: str) -> Finding | None:
    unit, total = match.group("unit"), Decimal(match.group("total"))
    part_re = re.compile(_NUMBER.format(unit=re.escape(unit)))
    end = _clause_end(prose.text, match.end(), bool(match.group("open")), part_re)
    parts = _parts(prose.text, match.end(), end, unit, total)
    listed = sum(parts, Decimal(0))
    if len(parts) < 2 or not ((listed > total) if direction == "exceed" else (listed < total)):
        return None
    if direction == "short" and _OPEN_ENDED.search(prose.text[match.end() : end]):
        return None
    return rule.finding(
        prose.span(match.start("total"), match.end("unit")),
        total=format_number(total),
        unit=unit,
        sum=format_number(listed),
        parts=" + ".join(format_number(p) for p in parts),
        difference=format_number(abs(total - listed)),
    )


KIND = Kind(
    "stated-parts",
    "总数与所列分项一致 — a stated total and its listed parts agree",
    _check,
    params={"direction": Param(str, required=True, doc="exceed or short")},
    fields=frozenset({"total", "unit", "sum", "parts", "difference"}),
    validate=one_of("direction", _DIRECTIONS),
)
