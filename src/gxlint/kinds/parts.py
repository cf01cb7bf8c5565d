"""A stated total and its listed parts (A10): 「3585 条，其中网站 750 条、微信 1774 条……」.

How a total and its parts are read: kinds/_stated.py. A rule checks one direction: parts that
exceed the total (an error), or parts that fall short of it (a warning: a part may be unlisted;
not when the list ends with 等).
"""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.numbers import format_number
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds._stated import Stated, stated_in
from gxlint.kinds.base import Kind, Param, one_of
from gxlint.pack.rule import Rule

_DIRECTIONS = ("exceed", "short")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    direction = rule.params["direction"]
    for section in ctx.pack.sections:
        for prose in ctx.prose(section.key):
            for stated in stated_in(ctx, prose):
                if _fails(stated, direction):
                    yield _finding(rule, prose, stated)


def _fails(stated: Stated, direction: str) -> bool:
    if len(stated.parts) < 2:
        return False
    if direction == "exceed":
        return stated.listed > stated.total
    return stated.listed < stated.total and not stated.open_ended


def _finding(rule: Rule, prose: Prose, stated: Stated) -> Finding:
    return rule.finding(
        prose.span(stated.start, stated.end),
        total=format_number(stated.total),
        unit=stated.unit,
        sum=format_number(stated.listed),
        parts=" + ".join(format_number(p.value) for p in stated.parts),
        difference=format_number(abs(stated.total - stated.listed)),
    )


KIND = Kind(
    "stated-parts",
    "总数与所列分项一致 — a stated total and its listed parts agree",
    _check,
    params={"direction": Param(str, required=True, doc="exceed or short")},
    fields=frozenset({"total", "unit", "sum", "parts", "difference"}),
    validate=one_of("direction", _DIRECTIONS),
)
