"""The same agency's report for the same year checked twice in a batch (GX603): a duplicate, or
a renamed copy of one report passed off as another."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._across import Batch, Fact, alone, by_agency_and_year, fact_of
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _collect(rule: Rule, ctx: Context) -> Fact[Span] | None:
    """Where the report's title is."""
    return fact_of(rule, ctx, ctx.doc.title[0].span) if ctx.doc.title else None


def _compare(rule: Rule, facts: Batch[Span]) -> Iterator[Finding]:
    for (_, year), group in by_agency_and_year(facts):
        first = group[0]
        for other in group[1:]:
            finding = rule.finding(other.data, year=year, first_path=first.name)
            yield finding.at(other.path)


KIND = Kind(
    "report-twice",
    "同一机关同一年度的报告出现两次 — one agency's report for one year, twice in a batch",
    alone,
    params=NoParams,
    fields=frozenset({"year", "first_path"}),
    collect=_collect,
    compare=_compare,
)
