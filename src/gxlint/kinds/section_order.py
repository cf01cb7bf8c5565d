"""Sections come in the template's order (GX102)."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _order(rule: Rule, ctx: Context) -> Iterator[Finding]:
    order = {spec.key: i for i, spec in enumerate(ctx.pack.sections)}
    highest = -1
    previous = None
    for p in ctx.placements:
        if p.spec is None:
            continue
        rank = order[p.spec.key]
        if rank < highest and previous is not None:
            yield rule.finding(
                p.section.heading.span,
                heading=p.section.heading.raw.strip(),
                after=previous.heading.raw.strip(),
                official=p.spec.heading,
            )
        elif rank > highest:
            highest, previous = rank, p.section


KIND = Kind(
    "section-order",
    "章节顺序与模板一致 — sections come in the template's order",
    _order,
    params=NoParams,
    fields=frozenset({"heading", "after", "official"}),
)
