"""Section kinds: every template section present, in order, once, under its official title."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.analysis.outline import Fit
from gxlint.document.model import Span
from gxlint.findings import Finding, Fix
from gxlint.kinds import Kind
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


def _title(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for p in ctx.placements:
        if p.spec is None or p.fit not in (Fit.NEAR, Fit.NUMBER):
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


def _unknown(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for p in ctx.placements:
        if p.spec is None:
            yield rule.finding(p.section.heading.span, heading=p.section.heading.raw.strip())


KINDS = (
    Kind(
        "section-present",
        "每个模板章节都出现 — every template section is present",
        _present,
        fields=frozenset({"number", "title", "heading", "where"}),
    ),
    Kind(
        "section-order",
        "章节顺序与模板一致 — sections come in the template's order",
        _order,
        fields=frozenset({"heading", "after", "official"}),
    ),
    Kind(
        "section-duplicate",
        "章节不重复 — no template section appears twice",
        _duplicate,
        fields=frozenset({"heading", "first_line", "official"}),
    ),
    Kind(
        "section-title",
        "章节标题与官方标题一致 — a section title equals the official one",
        _title,
        fields=frozenset({"found", "official", "heading"}),
    ),
    Kind(
        "section-unknown",
        "不属于模板的一级标题 — a level-1 heading the template does not have",
        _unknown,
        fields=frozenset({"heading"}),
    ),
)
