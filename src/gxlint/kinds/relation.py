"""Arithmetic relations between table cells (A1–A4 and subtotals), checked per column or per row.

All relations of a report are evaluated together, so that each failure can be pinned to the cell
most failures pass through: a sub-item cell that breaks both its row total and its column total
is the likely culprit; otherwise the relation's anchor cell (by default its first key) is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from gxlint.analysis.context import Context, MemoKey
from gxlint.analysis.tables.model import TableMatch, Value
from gxlint.document.model import Span
from gxlint.document.numbers import format_number
from gxlint.findings import Finding
from gxlint.kinds._common import TABLE_DOC
from gxlint.kinds._evaluate import Evaluator, Failure, Grid, Part
from gxlint.kinds.base import Kind, param
from gxlint.pack.expr import RelationSyntaxError, parse_relation
from gxlint.pack.rule import Rule
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record

_SHOWN_OP = {"==": " = ", "<=": " ≤ ", ">=": " ≥ "}


def _side_text(parts: tuple[Part, ...], total: Decimal) -> str:
    names = "".join(
        ("" if i == 0 and p.sign > 0 else "+" if p.sign > 0 else "−") + p.name
        for i, p in enumerate(parts)
    )
    if len(parts) == 1:
        return f"{names} = {format_number(total)}"
    numbers = "".join(
        ("" if i == 0 and p.sign > 0 else "+" if p.sign > 0 else "−") + format_number(p.value)
        for i, p in enumerate(parts)
    )
    return f"{names} = {numbers} = {format_number(total)}"


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of relation."""

    table: str = param(TABLE_DOC)
    per: Literal["column", "row"] = param("column (keys are rows) or row (keys are columns)")
    expr: str | list[str] = param("a + sum(group) == total, or a list")
    anchor: str | None = param("key of the cell a failure is pinned to", None)


def _exprs(params: Params) -> list[str]:
    """A rule's relations: `expr` is one relation or a list of them, checked independently."""
    expr = params.expr
    return [expr] if isinstance(expr, str) else list(expr)


# Every relation failure of a report, pinned to its cell, by rule code (all rules' at once).
_PINNED: MemoKey[dict[str, list[tuple[Failure, Value]]]] = MemoKey("relations")


def _all_failures(ctx: Context) -> dict[str, list[tuple[Failure, Value]]]:
    """Every relation failure of the report, pinned to its most suspicious cell, by rule code."""
    tables = ctx.tables.tables
    rules = [(r, r.params_as(Params)) for r in ctx.pack.rules if r.kind == KIND.name]
    read = dict.fromkeys(p.table for _, p in rules)
    grids = {key: Grid.of(tables[key]) for key in read}  # a table's, once for all its relations
    failures = [
        failure
        for rule, params in rules
        for expr in _exprs(params)
        for failure in Evaluator(
            rule, tables[params.table], grids[params.table], expr, params.per, params.anchor
        ).failures()
    ]
    suspicion: Counter[Span] = Counter(s for f in failures for s in {v.cell.span for v in f.cells})
    pinned: dict[str, list[tuple[Failure, Value]]] = {}
    for f in failures:
        cells = f.cells
        top = max(suspicion[v.cell.span] for v in cells)
        best = [v for v in cells if suspicion[v.cell.span] == top]
        cell = f.anchor if f.anchor is not None and f.anchor in best else best[0]
        pinned.setdefault(f.rule.code, []).append((f, cell))
    return pinned


def _expected(failure: Failure, cell: Value) -> Decimal:
    """The value `cell` would need for this relation to hold, the others being right."""
    delta = failure.total(failure.right) - failure.total(failure.left)
    value = cell.value or Decimal(0)  # (a failure's cells are all numbers)
    for side, direction in ((failure.left, 1), (failure.right, -1)):
        for part in side:
            if cell in part.values:
                return value + direction * part.sign * delta
    return value


def _cell_name(table: TableMatch, cell: Value) -> str:
    for row in table.rows.values():
        if row.values and cell in row.values:
            column = table.spec.columns[row.values.index(cell)]
            label = f"「{row.name}」行" if row.label is not None else ""
            return f"{label}「{column.name}」列"
    return "该单元格"


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    pinned = ctx.remember(_PINNED, lambda: _all_failures(ctx))
    table = ctx.tables.tables[rule.params_as(Params).table]
    for failure, cell in pinned.get(rule.code, []):
        left, right = failure.total(failure.left), failure.total(failure.right)
        formula = _SHOWN_OP[failure.relation.op].join(
            "+".join(p.name for p in side) for side in (failure.left, failure.right)
        )
        yield rule.finding(
            cell.cell.span,
            table=table.spec.title,
            lhs=_side_text(failure.left, left),
            rhs=_side_text(failure.right, right),
            difference=format_number(abs(left - right)),
            where=failure.where,
            cell=_cell_name(table, cell),
            expected=format_number(_expected(failure, cell)),
            formula=formula,
        )


def _validate(params: Params) -> str | None:
    expr = params.expr
    if not isinstance(expr, str) and not (
        isinstance(expr, list) and expr and all(isinstance(e, str) for e in expr)
    ):
        return "键 expr: 应为关系式，或关系式列表"
    for text in _exprs(params):
        try:
            parse_relation(text)
        except RelationSyntaxError as exc:
            return f"键 expr: {exc}"
    return None


def _check_in_pack(
    params: Params, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    spec = tables.get(params.table)
    if spec is None:
        return f"键 table: 没有表格 {params.table!r}"
    relations = [parse_relation(text) for text in _exprs(params)]
    if params.per == "column":
        known = {r.key for r in spec.rows}
    else:
        known = {c.key for c in spec.columns}
        if any(t.kind == "group_sum" for r in relations for t in (*r.left, *r.right)):
            return "键 expr: 按行检查时不能用 sum(…)（sum 只对行分组）"
    used = {key for r in relations for key in r.keys} | {params.anchor or next(iter(known))}
    unknown = sorted(used - known)
    if unknown:
        what = "行" if params.per == "column" else "列"
        return f"键 expr: 表格 {params.table} 没有这些{what}键: {', '.join(unknown)}"
    return None


KIND = Kind(
    "relation",
    "勾稽关系：表格数字之间的等式 — an arithmetic relation between table cells",
    _check,
    params=Params,
    fields=frozenset({"table", "lhs", "rhs", "difference", "where", "cell", "expected", "formula"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
