"""A level-1 heading the template does not have (GX105)."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _unknown(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for p in ctx.placements:
        if p.spec is None:
            yield rule.finding(p.section.heading.span, heading=p.section.heading.raw.strip())


KIND = Kind(
    "section-unknown",
    "不属于模板的一级标题 — a level-1 heading the template does not have",
    _unknown,
    params=NoParams,
    fields=frozenset({"heading"}),
)
