"""No template section appears twice (GX103)."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _duplicate(rule: Rule, ctx: Context) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for p in ctx.placements:
        if p.spec is None:
            continue
        if p.spec.key in first:
            yield rule.finding(
                p.section.heading.span,
                heading=p.section.heading.raw.strip(),
                first_line=first[p.spec.key],
                official=p.spec.heading,
            )
        else:
            first[p.spec.key] = p.section.heading.lineno


KIND = Kind(
    "section-duplicate",
    "章节不重复 — no template section appears twice",
    _duplicate,
    params=NoParams,
    fields=frozenset({"heading", "first_line", "official"}),
)
