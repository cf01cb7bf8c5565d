"""Documents in force across years (A6, GX602): this year's 现行有效件数 is about last year's
现行有效件数 + 本年制发件数 − 本年废止件数. Documents also expire, so a difference is a note (info),
never an error. Each report contributes its rows (`collect`); `compare` pairs consecutive years
of one agency in a batch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.document.numbers import format_number
from gxlint.findings import Finding
from gxlint.kinds._across import Batch, Fact, alone, consecutive, fact_of, known, number
from gxlint.kinds._common import TABLE_DOC
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of stock-across-reports."""

    table: str = param(TABLE_DOC)
    stock: str = param("column key of the stock (现行有效件数)")
    added: str = param("column key of what was added this year")
    removed: str = param("column key of what was removed this year")


@record(frozen=True, slots=True)
class Stock:
    """One row's stock, additions and removals (as text) and where its stock cell is."""

    name: str
    stock: str
    added: str
    removed: str
    span: Span


def _collect(rule: Rule, ctx: Context) -> Fact[dict[str, Stock]] | None:
    params = rule.params_as(Params)
    table = ctx.tables.tables.get(params.table)
    if table is None or not known(ctx):
        return None
    rows: dict[str, Stock] = {}
    for key, row in table.rows.items():
        columns = (params.stock, params.added, params.removed)
        cells = [table.cell(f"{key}.{column}") for column in columns]
        values = [number(v.value) if v is not None else None for v in cells]
        stock, added, removed = values
        if cells[0] is not None and stock is not None and added is not None and removed is not None:
            rows[key] = Stock(row.name, stock, added, removed, cells[0].cell.span)
    return fact_of(rule, ctx, rows)


def _compare(rule: Rule, facts: Batch[dict[str, Stock]]) -> Iterator[Finding]:
    for report, before in consecutive(facts):
        rows, earlier = report.data, before.data
        for key, row in rows.items():
            if key not in earlier:
                continue
            last = Decimal(earlier[key].stock)
            stock, added, removed = Decimal(row.stock), Decimal(row.added), Decimal(row.removed)
            expected = last + added - removed
            name, span = row.name, row.span
            if stock != expected:
                finding = rule.finding(
                    span,
                    row=name,
                    stock=format_number(stock),
                    expected=format_number(expected),
                    last=format_number(last),
                    added=format_number(added),
                    removed=format_number(removed),
                    last_year=before.year,
                )
                yield finding.at(report.path)


KIND = Kind(
    "stock-across-reports",
    "跨年度：现行有效 ≈ 上年现行有效 + 本年制发 − 本年废止 — a stock against last year's",
    alone,
    params=Params,
    fields=frozenset({"row", "stock", "expected", "last", "added", "removed", "last_year"}),
    collect=_collect,
    compare=_compare,
)
