"""The same agency's report for the same year checked twice in a batch (GX603): a duplicate, or
a renamed copy of one report passed off as another."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._across import alone, by_agency_and_year, identity, shown
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _collect(rule: Rule, ctx: Context) -> dict[str, Any] | None:
    who = identity(ctx)
    if who is None or not ctx.doc.title:
        return None
    return {**who, "title": ctx.doc.title[0].span}


def _compare(rule: Rule, facts: list[dict[str, Any]]) -> Iterator[Finding]:
    for (_, year), group in sorted(by_agency_and_year(facts).items()):
        first = group[0]
        for other in group[1:]:
            span: Span = other["title"]
            finding = rule.finding(span, year=year, first_path=shown(first))
            yield finding.at(other["path"])


KIND = Kind(
    "report-twice",
    "同一机关同一年度的报告出现两次 — one agency's report for one year, twice in a batch",
    alone,
    params=NoParams,
    fields=frozenset({"year", "first_path"}),
    collect=_collect,
    compare=_compare,
)
