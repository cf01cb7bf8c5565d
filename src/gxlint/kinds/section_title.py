"""A section title equals the official one (GX104), with the official title as its fix."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.analysis.outline import Fit
from gxlint.document.model import Span
from gxlint.findings import Finding, Fix
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _title(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for p in ctx.placements:
        if p.spec is None or p.fit not in (Fit.NEAR, Fit.CONTENT, Fit.NUMBER):
            continue
        heading = p.section.heading
        start = heading.raw.find(p.section.title)
        span = Span(heading.lineno, start + 1, heading.lineno, start + 1 + len(p.section.title))
        yield rule.finding(
            span,
            fix=Fix(span, p.spec.title),
            found=p.section.title,
            official=p.spec.title,
            heading=p.spec.heading,
        )


KIND = Kind(
    "section-title",
    "章节标题与官方标题一致 — a section title equals the official one",
    _title,
    params=NoParams,
    fields=frozenset({"found", "official", "heading"}),
)
