"""A stated total and its listed parts (A10): 「3585 条，其中网站 750 条、微信 1774 条……」.

How a total and its parts are read: kinds/_stated.py. A list that some reading of where it ends
makes equal to its total is never reported. A rule checks one direction: parts that exceed the
total (the rule's severity where the reading is certain, else a warning that shows the reading),
or parts that fall short of it (a part may be unlisted: not when the list ends with 等, when its
items are highlights far below the total, or when the parts in other units would make it up).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from gxlint.analysis.context import Context
from gxlint.document.numbers import format_number
from gxlint.document.prose import Prose
from gxlint.findings import Finding, Severity
from gxlint.kinds._stated import Stated, stated_in
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of stated-parts."""

    direction: Literal["exceed", "short"] = param("exceed or short")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    direction = rule.params_as(Params).direction
    for section in ctx.pack.sections:
        for prose in ctx.prose(section.key):
            for stated in stated_in(ctx, prose):
                if _fails(stated, direction):
                    yield _finding(rule, prose, stated)


def _fails(stated: Stated, direction: str) -> bool:
    if len(stated.parts) < 2 or stated.consistent:
        return False
    if direction == "exceed":
        return stated.listed > stated.total
    with_others = stated.listed + sum(o.value for o in stated.others)
    return with_others < stated.total and not stated.open_ended and not stated.highlights


def _finding(rule: Rule, prose: Prose, stated: Stated) -> Finding:
    unsure = not stated.certain and rule.severity > Severity.WARNING
    return rule.finding(
        prose.span(stated.start, stated.end),
        severity=Severity.WARNING if unsure else None,
        total=format_number(stated.total),
        unit=stated.unit,
        sum=format_number(stated.listed),
        parts=_shown(stated),
        difference=format_number(abs(stated.total - stated.listed)),
        note=_note(stated),
    )


_SHOWN = 20  # parts written out in a hint; a longer list ends with how many there are


def _shown(stated: Stated) -> str:
    values = [format_number(p.value) for p in stated.parts]
    if len(values) <= _SHOWN:
        return " + ".join(values)
    return " + ".join(values[: _SHOWN - 1]) + f" + …（共 {len(values)} 项）"


def _note(stated: Stated) -> str:
    """What the reading left out or took without its unit, for the reader to judge it."""
    notes = []
    if stated.others:
        left = "、".join(format_number(o.value) + o.unit for o in stated.others)
        notes.append(f"单位不同的 {left} 未计入")
    if bare := [format_number(p.value) for p in stated.parts if not p.unit]:
        notes.append(f"没写单位的 {'、'.join(bare)} 按{stated.unit}计入")
    return f"（{'；'.join(notes)}）" if notes else ""


KIND = Kind(
    "stated-parts",
    "总数与所列分项一致 — a stated total and its listed parts agree",
    _check,
    params=Params,
    fields=frozenset({"total", "unit", "sum", "parts", "difference", "note"}),
)
