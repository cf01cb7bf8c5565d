"""Every template section is present (GX101): a missing one is reported before the
next template section the report has, or at its end."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _present(rule: Rule, ctx: Context) -> Iterator[Finding]:
    placed = {p.spec.key for p in ctx.placements if p.spec is not None}
    specs = ctx.pack.sections
    for index, spec in enumerate(specs):
        if spec.key in placed:
            continue
        # Point at the heading of the next template section the report does have.
        following = next(
            (
                p.section
                for later in specs[index + 1 :]
                for p in ctx.placements
                if p.spec is not None and p.spec.key == later.key
            ),
            None,
        )
        if following is not None:
            span, where = following.heading.span, f"应在「{following.heading.raw.strip()}」之前"
        else:
            last = ctx.doc.lines[-1] if ctx.doc.lines else None
            span = last.span if last else Span(1, 1, 1, 1)
            where = "应在报告末尾"
        yield rule.finding(
            span, number=spec.number, title=spec.title, heading=spec.heading, where=where
        )


KIND = Kind(
    "section-present",
    "每个模板章节都出现 — every template section is present",
    _present,
    params=NoParams,
    fields=frozenset({"number", "title", "heading", "where"}),
)
