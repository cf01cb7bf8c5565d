"""Across reports (category 6): a row of this year's report against a row of the same agency's
report for the year before (A5: 二、上年结转 = last year's 四、结转下年度继续办理), per column.

Each report contributes its agency, year and the two rows (`collect`, in the worker that checks
it); once the whole batch is read, `compare` pairs consecutive years of one agency.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.numbers import format_number
from gxlint.findings import Finding
from gxlint.kinds._across import alone, consecutive, identity
from gxlint.kinds._common import TABLE_DOC
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    table: str = param(TABLE_DOC)
    this: str = param("row key of this year's report")
    last: str = param("row key of last year's report")


def _collect(rule: Rule, ctx: Context) -> dict[str, Any] | None:
    params = rule.params_as(Params)
    table = ctx.tables.tables.get(params.table)
    who = identity(ctx)
    if table is None or who is None:
        return None
    this, last = table.rows.get(params.this), table.rows.get(params.last)

    def cells(row: Any) -> list[tuple[Any, Any]] | None:
        if row is None or row.values is None:
            return None
        return [(v.value, v.cell.span) for v in row.values]

    return {
        **who,
        "columns": [c.name for c in table.spec.columns],
        "this": cells(this),
        "this_row": this.name if this else "",
        "last": cells(last),
        "last_row": last.name if last else "",
    }


def _compare(rule: Rule, facts: list[dict[str, Any]]) -> Iterator[Finding]:
    for report, before in consecutive(facts):
        if report["this"] is None or before["last"] is None:
            continue
        for column, (value, span), (previous, _) in zip(
            report["columns"], report["this"], before["last"], strict=True
        ):
            if value is None or previous is None or value == previous:
                continue
            yield rule.finding(
                span,
                column=column,
                this_row=report["this_row"],
                this_value=format_number(value),
                last_row=before["last_row"],
                last_value=format_number(previous),
                last_year=before["year"],
                last_path=before["path"],
            ).at(report["path"])


KIND = Kind(
    "across-reports",
    "跨年度报告对照 — a row against the same agency's report of the year before",
    alone,
    params=Params,
    fields=frozenset(
        {"column", "this_row", "this_value", "last_row", "last_value", "last_year", "last_path"}
    ),
    collect=_collect,
    compare=_compare,
)
