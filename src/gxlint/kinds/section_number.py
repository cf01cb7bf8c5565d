"""A section numbered against the template (GX108): placed by its title or its tables, but
numbered as another section (其他需要报告的事项 numbered 五), with the official numeral as fix."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.analysis.outline import Fit
from gxlint.document.model import Span
from gxlint.findings import Finding, Fix
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _number(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for p in ctx.placements:
        if p.spec is None or p.fit is Fit.NUMBER or p.section.number == p.spec.number:
            continue
        heading = p.section.heading
        start = heading.raw.find(heading.number)
        numeral = heading.number.rstrip("、．. \u3000")
        span = Span(heading.lineno, start + 1, heading.lineno, start + 1 + len(numeral))
        yield rule.finding(
            span,
            fix=Fix(span, p.spec.number) if numeral == p.section.number else None,
            heading=heading.raw.strip(),
            found=p.section.number,
            official=p.spec.number,
            title=p.spec.title,
        )


KIND = Kind(
    "section-number",
    "章节序号与模板一致 — a section carries the template's numeral",
    _number,
    params=NoParams,
    fields=frozenset({"heading", "found", "official", "title"}),
)
