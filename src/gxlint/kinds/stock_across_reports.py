"""Documents in force across years (A6, GX602): this year's 现行有效件数 is about last year's
现行有效件数 + 本年制发件数 − 本年废止件数. Documents also expire, so a difference is a note (info),
never an error. Each report contributes its rows (`collect`); `compare` pairs consecutive years
of one agency in a batch."""

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
    stock: str = param("column key of the stock (现行有效件数)")
    added: str = param("column key of what was added this year")
    removed: str = param("column key of what was removed this year")


def _collect(rule: Rule, ctx: Context) -> dict[str, Any] | None:
    params = rule.params_as(Params)
    table = ctx.tables.tables.get(params.table)
    who = identity(ctx)
    if table is None or who is None:
        return None
    rows: dict[str, Any] = {}
    for key, row in table.rows.items():
        columns = (params.stock, params.added, params.removed)
        cells = [table.cell(f"{key}.{column}") for column in columns]
        values = [v.value if v is not None else None for v in cells]
        stock = cells[0]
        if stock is not None and None not in values:
            rows[key] = (row.name, values, stock.cell.span)
    return {**who, "rows": rows}


def _compare(rule: Rule, facts: list[dict[str, Any]]) -> Iterator[Finding]:
    for report, before in consecutive(facts):
        for key, (name, (stock, added, removed), span) in report["rows"].items():
            if key not in before["rows"]:
                continue
            last = before["rows"][key][1][0]
            expected = last + added - removed
            if stock != expected:
                finding = rule.finding(
                    span,
                    row=name,
                    stock=format_number(stock),
                    expected=format_number(expected),
                    last=format_number(last),
                    added=format_number(added),
                    removed=format_number(removed),
                    last_year=before["year"],
                )
                yield finding.at(report["path"])


KIND = Kind(
    "stock-across-reports",
    "跨年度：现行有效 ≈ 上年现行有效 + 本年制发 − 本年废止 — a stock against last year's",
    alone,
    params=Params,
    fields=frozenset({"row", "stock", "expected", "last", "added", "removed", "last_year"}),
    collect=_collect,
    compare=_compare,
)
