"""A stated total and its listed parts (A10): 「3585 条，其中网站 750 条、微信 1774 条……」.

Parts are the numbers with the total's unit in the clause after 其中/包括/分别为, up to the end of
the sentence (or of the bracket the clause opened). A rule checks one direction: parts that exceed
the total (an error), or parts that fall short of it (a warning: a part may be unlisted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.document.numbers import COUNT_UNIT_PATTERN, format_number
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, Param, one_of
from gxlint.pack.rule import Rule

_STATED = re.compile(
    rf"(?<![\d.])(?P<total>\d+(?:\.\d+)?)(?P<unit>{COUNT_UNIT_PATTERN})"
    r"[,:;]?(?P<open>\(?)(?:其中|包括|分别为|分别是)[:,]?"
)
_NUMBER = r"(?<![\d.第])(\d+(?:\.\d+)?){unit}(?!%)"
_DIRECTIONS = ("exceed", "short")


def _clause_end(text: str, start: int, bracket: bool) -> int:
    stops = "。;)" if bracket else "。;"
    ends = [i for i in (text.find(ch, start) for ch in stops) if i != -1]
    nested = re.compile(r"其中|包括").search(text, start)
    if nested:
        ends.append(nested.start())
    return min(ends) if ends else len(text)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    direction = rule.params["direction"]
    for section in ctx.pack.sections:
        for prose in ctx.prose(section.key):
            for match in _STATED.finditer(prose.text):
                unit = match.group("unit")
                end = _clause_end(prose.text, match.end(), bool(match.group("open")))
                part_re = re.compile(_NUMBER.format(unit=re.escape(unit)))
                parts = [
                    Decimal(m.group(1)) for m in part_re.finditer(prose.text, match.end(), end)
                ]
                if len(parts) < 2:
                    continue
                total, listed = Decimal(match.group("total")), sum(parts, Decimal(0))
                if (direction == "exceed" and listed > total) or (
                    direction == "short" and listed < total
                ):
                    yield rule.finding(
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
