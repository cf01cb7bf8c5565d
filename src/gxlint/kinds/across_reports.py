"""Across reports (category 6): a row of this year's report against a row of the same agency's
report for the year before (A5: 二、上年结转 = last year's 四、结转下年度继续办理), per column.

Each report contributes its agency, year and the two rows (`collect`, in the worker that checks
it); once the whole batch is read, `compare` pairs consecutive years of one agency.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from decimal import Decimal

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import RowMatch
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
    """The parameters of across-reports."""

    table: str = param(TABLE_DOC)
    this: str = param("row key of this year's report")
    last: str = param("row key of last year's report")


@record(frozen=True, slots=True)
class Row:
    """A row as a fact keeps it: its label, its values as one text (a tab between cells, a
    cell that is no number empty) and its cells' places (four numbers a cell)."""

    name: str
    values: str
    places: array[int]

    def cells(self) -> Iterator[tuple[Decimal | None, Span]]:
        places = self.places
        for at, text in enumerate(self.values.split("\t")):
            yield (Decimal(text) if text else None), Span(*places[4 * at : 4 * at + 4])


@record(frozen=True, slots=True)
class Rows:
    """A report's two rows: this year's (compared with last year's report) and the one the
    next year's report is compared with; None where the report lacks one."""

    columns: tuple[str, ...]  # the table's columns
    this: Row | None
    last: Row | None


def _row(row: RowMatch | None) -> Row | None:
    if row is None or row.values is None:
        return None
    values = "\t".join(number(v.value) or "" for v in row.values)
    # each cell's span, as the four numbers that follow its text (no Span made for them)
    return Row(row.name, values, array("I", (n for v in row.values for n in v.cell[1:])))


def _collect(rule: Rule, ctx: Context) -> Fact[Rows] | None:
    params = rule.params_as(Params)
    table = ctx.tables.tables.get(params.table)
    if table is None or not known(ctx):
        return None
    this, last = table.rows.get(params.this), table.rows.get(params.last)
    columns = tuple(c.name for c in table.spec.columns)
    return fact_of(rule, ctx, Rows(columns, _row(this), _row(last)))


def _compare(rule: Rule, facts: Batch[Rows]) -> Iterator[Finding]:
    for report, before in consecutive(facts):
        rows = report.data
        this, last = rows.this, before.data.last
        if this is None or last is None:
            continue
        for column, (value, span), (previous, _) in zip(
            rows.columns, this.cells(), last.cells(), strict=True
        ):
            if value is None or previous is None or value == previous:
                continue
            yield rule.finding(
                span,
                column=column,
                this_row=this.name,
                this_value=format_number(value),
                last_row=last.name,
                last_value=format_number(previous),
                last_year=before.year,
                last_path=before.path,
            ).at(report.path)


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
