"""The date a report closes with (GX112) comes after the year it reports on: a report on 2023 is
written in 2024. A date inside the reported year was copied from last year's report, or mistyped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.kinds.signature import closing_date
from gxlint.pack.rule import Rule

_YEAR = re.compile(r"(?:19|20)\d{2}")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    index = closing_date(ctx.doc.lines)
    year = ctx.version.year
    if index is None or year is None:
        return
    line = ctx.doc.lines[index]
    dated = _YEAR.search(line.folded)  # full-width digits read as the year they are
    if dated and int(dated.group()) <= year:
        yield rule.finding(line.span, date=line.raw.strip(), year=year, next_year=year + 1)


KIND = Kind(
    "report-date",
    "落款日期在报告年度之后 — the closing date comes after the reported year",
    _check,
    params=NoParams,
    fields=frozenset({"date", "year", "next_year"}),
)
