"""Arithmetic relations between table cells (A1–A4 and subtotals), checked per column or per row.

All relations of a report are evaluated together, so that each failure can be pinned to the cell
most failures pass through: a sub-item cell that breaks both its row total and its column total
is the likely culprit; otherwise the relation's anchor cell (by default its first key) is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import TableMatch, Value
from gxlint.document.model import Span
from gxlint.document.numbers import format_number
from gxlint.findings import Finding
from gxlint.kinds._common import TABLE
from gxlint.kinds.base import Kind, Param, one_of
from gxlint.pack.expr import Relation, RelationSyntaxError, Term, constant, parse_relation
from gxlint.pack.rule import Rule
from gxlint.pack.template import TableSpec

_PER = ("column", "row")
_SHOWN_OP = {"==": " = ", "<=": " ≤ ", ">=": " ≥ "}


class _Part(NamedTuple):
    name: str
    sign: int
    value: Decimal
    values: tuple[Value, ...]  # the cells it adds up (none for a constant)


class _Failure(NamedTuple):
    rule: Rule
    relation: Relation
    where: str
    left: tuple[_Part, ...]
    right: tuple[_Part, ...]
    anchor: Value | None

    def total(self, parts: tuple[_Part, ...]) -> Decimal:
        return sum((p.sign * p.value for p in parts), Decimal(0))

    @property
    def cells(self) -> list[Value]:
        return [v for p in (*self.left, *self.right) for v in p.values]


def _side_text(parts: tuple[_Part, ...], total: Decimal) -> str:
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


def _exprs(params: dict[str, Any]) -> list[str]:
    """A rule's relations: `expr` is one relation or a list of them, checked independently."""
    expr = params["expr"]
    return [expr] if isinstance(expr, str) else list(expr)


# A term as evaluated: how hints name it, its sign, and the cells it adds (none: a constant,
# whose value is the Decimal given instead).
_Resolved = tuple[str, int, list[Value] | Decimal]


class _Evaluator:
    """Evaluates one relation of a rule over one recognised table: the sums are worked out
    first, and a failure (with its parts, for the hint) is built only where they differ."""

    def __init__(self, rule: Rule, table: TableMatch, expr: str) -> None:
        self.rule = rule
        self.table = table
        self.spec: TableSpec = table.spec
        self.relation = parse_relation(expr)
        self.anchor_key = rule.params.get("anchor") or self.relation.first_key
        self.split = len(self.relation.left)

    def failures(self) -> Iterator[_Failure]:
        if self.rule.params["per"] == "column":
            yield from self._per_column()
            return
        index = self.spec.column_index
        # Each term: its column's label, its sign, its column (None: a constant, and its value).
        columns = [
            (self.spec.columns[index[t.name]].label, t.sign, index[t.name], None)
            if t.kind != "constant"
            else (t.name, t.sign, None, constant(t))
            for t in (*self.relation.left, *self.relation.right)
        ]
        at = index.get(self.anchor_key, 0)
        for row in self.table.rows.values():
            values = row.values
            if values is None:
                continue
            terms = [
                (name, sign, [values[i]] if i is not None else value)
                for name, sign, i, value in columns
            ]
            if failure := self._failure(terms, values[at]):
                yield failure._replace(where=f"行「{row.name}」")

    def _per_column(self) -> Iterator[_Failure]:
        grid = {key: row.values for key, row in self.table.rows.items() if row.values is not None}
        terms = [self._rows_of(t) for t in (*self.relation.left, *self.relation.right)]
        if any(isinstance(rows, list) and any(k not in grid for k in rows) for _, _, rows in terms):
            return  # a row or its values are missing: the shape rules report it
        anchor = grid.get(self.anchor_key)
        for index, column in enumerate(self.spec.columns):
            resolved: list[_Resolved] = [
                (name, sign, [grid[k][index] for k in rows] if isinstance(rows, list) else rows)
                for name, sign, rows in terms
            ]
            here = anchor[index] if anchor is not None else None
            if failure := self._failure(resolved, here):
                yield failure._replace(where=f"列「{column.name}」")

    def _failure(self, terms: list[_Resolved], anchor: Value | None) -> _Failure | None:
        """The failure of the relation on these terms, if it fails (its `where` left to the
        caller: written only then)."""
        totals: list[Decimal] = []
        for _, sign, cells in terms:
            if isinstance(cells, Decimal):
                totals.append(sign * cells)
                continue
            values = [v.value for v in cells]
            try:  # not `None in values`: comparing a Decimal with None asks numbers' ABCs
                totals.append(sign * (values[0] if len(values) == 1 else sum(values)))  # type: ignore
            except TypeError:
                return None  # a cell is not a number (None): the shape rules report it
        split = self.split
        if self.relation.holds(sum(totals[:split]), sum(totals[split:])):
            return None
        parts = tuple(_part(term) for term in terms)
        if anchor is not None and anchor.value is None:
            anchor = None
        return _Failure(self.rule, self.relation, "", parts[:split], parts[split:], anchor)

    def _rows_of(self, term: Term) -> tuple[str, int, list[str] | Decimal]:
        """How a term is named in hints, its sign, and the rows it adds (a constant: its
        value), the same for every column."""
        if term.kind == "constant":
            return term.name, term.sign, constant(term)
        spec = self.spec.row(term.name)
        assert spec is not None
        rows = [term.name]
        if term.kind == "group_sum":
            children = [c.key for c in self.spec.children(term.name)]
            present = [key for key in children if key in self.table.rows]
            # some sub-items missing: a missing row, which the shape rules report
            rows = children if present and len(present) < len(children) else present or rows
        # A group row's own numbers are its subtotal: （三）小计, unlike sum(withheld), （三）.
        group = term.kind == "key" and self.spec.is_group(spec)
        return (f"{spec.short}小计" if group else spec.short), term.sign, rows


def _part(term: _Resolved) -> _Part:
    name, sign, cells = term
    if isinstance(cells, Decimal):
        return _Part(name, sign, cells, ())
    return _Part(name, sign, sum((v.value for v in cells), Decimal(0)), tuple(cells))  # type: ignore[misc]


def _all_failures(ctx: Context) -> dict[str, list[tuple[_Failure, Value]]]:
    """Every relation failure of the report, pinned to its most suspicious cell, by rule code."""
    failures = [
        failure
        for rule in ctx.pack.rules
        if rule.kind == KIND.name
        for expr in _exprs(rule.params)
        for failure in _Evaluator(rule, ctx.tables.tables[rule.params["table"]], expr).failures()
    ]
    suspicion: Counter[Span] = Counter(s for f in failures for s in {v.cell.span for v in f.cells})
    pinned: dict[str, list[tuple[_Failure, Value]]] = {}
    for f in failures:
        cells = f.cells
        top = max(suspicion[v.cell.span] for v in cells)
        best = [v for v in cells if suspicion[v.cell.span] == top]
        cell = f.anchor if f.anchor is not None and f.anchor in best else best[0]
        pinned.setdefault(f.rule.code, []).append((f, cell))
    return pinned


def _expected(failure: _Failure, cell: Value) -> Decimal:
    """The value `cell` would need for this relation to hold, the others being right."""
    delta = failure.total(failure.right) - failure.total(failure.left)
    for side, direction in ((failure.left, 1), (failure.right, -1)):
        for part in side:
            if cell in part.values:
                return cell.value + direction * part.sign * delta
    return cell.value


def _cell_name(table: TableMatch, cell: Value) -> str:
    for row in table.rows.values():
        if row.values and cell in row.values:
            column = table.spec.columns[row.values.index(cell)]
            label = f"「{row.name}」行" if row.label is not None else ""
            return f"{label}「{column.name}」列"
    return "该单元格"


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    pinned = ctx.memo.get("relations")
    if pinned is None:
        pinned = ctx.memo["relations"] = _all_failures(ctx)
    table = ctx.tables.tables[rule.params["table"]]
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


def _validate(params: dict[str, Any]) -> str | None:
    if problem := one_of("per", _PER)(params):
        return problem
    expr = params["expr"]
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
    params: dict[str, Any], sections: list[Any], tables: dict[str, Any]
) -> str | None:
    spec = tables.get(params["table"])
    if spec is None:
        return f"键 table: 没有表格 {params['table']!r}"
    relations = [parse_relation(text) for text in _exprs(params)]
    if params["per"] == "column":
        known = {r.key for r in spec.rows}
    else:
        known = {c.key for c in spec.columns}
        if any(t.kind == "group_sum" for r in relations for t in (*r.left, *r.right)):
            return "键 expr: 按行检查时不能用 sum(…)（sum 只对行分组）"
    used = {key for r in relations for key in r.keys} | {params.get("anchor") or next(iter(known))}
    unknown = sorted(used - known)
    if unknown:
        what = "行" if params["per"] == "column" else "列"
        return f"键 expr: 表格 {params['table']} 没有这些{what}键: {', '.join(unknown)}"
    return None


KIND = Kind(
    "relation",
    "勾稽关系：表格数字之间的等式 — an arithmetic relation between table cells",
    _check,
    params={
        "table": TABLE,
        "per": Param(
            str,
            required=True,
            doc="column (keys are rows) or row (keys are columns)",
        ),
        "expr": Param(object, required=True, doc="a + sum(group) == total, or a list"),
        "anchor": Param(str, doc="key of the cell a failure is pinned to"),
    },
    fields=frozenset({"table", "lhs", "rhs", "difference", "where", "cell", "expected", "formula"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
