"""A relation evaluated over one recognised table (for kinds/relation.py): per row (its terms
are columns) or per column (its terms are rows, or groups of rows). Whether it holds is worked
out first, from the numbers alone (`_Sides`: each side's cells picked by position); its failure,
with the parts a hint shows, only where it does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from gxlint.analysis.tables.model import TableMatch, Value
from gxlint.pack.expr import Relation, Term, constant, parse_relation
from gxlint.pack.rule import Rule
from gxlint.pack.template import TableSpec

_ZERO = Decimal(0)
_NUMBER = itemgetter(0)  # a Value's number


class Part(NamedTuple):
    name: str
    sign: int
    value: Decimal
    values: tuple[Value, ...]  # the cells it adds up (none for a constant)


class Failure(NamedTuple):
    rule: Rule
    relation: Relation
    where: str
    left: tuple[Part, ...]
    right: tuple[Part, ...]
    anchor: Value | None

    def total(self, parts: tuple[Part, ...]) -> Decimal:
        return sum((p.sign * p.value for p in parts), Decimal(0))

    @property
    def cells(self) -> list[Value]:
        return [v for p in (*self.left, *self.right) for v in p.values]


# A term as evaluated: how hints name it, its sign, and the cells it adds (none: a constant,
# whose value is the Decimal given instead).
_Resolved = tuple[str, int, list[Value] | Decimal]
# A term as planned: the same, with the keys of the rows it adds in place of their cells.
_Planned = tuple[str, int, list[str] | Decimal]
# A term's positions in the numbers a relation is checked on (none: a constant).
_Positions = Sequence[int]


class _Sides:
    """Whether a relation holds on a sequence of numbers ending in a zero: each side the sum of
    the numbers at its terms' positions, less those it subtracts, plus its constants (the picks
    are C-level itemgetters; picking the trailing zero twice more makes each pick a tuple)."""

    def __init__(self, relation: Relation, positions: Sequence[_Positions]) -> None:
        terms = list(zip((*relation.left, *relation.right), positions, strict=True))
        split = len(relation.left)
        self.left = _side(terms[:split])
        self.right = _side(terms[split:])
        self.holds = relation.holds

    def hold(self, numbers: Sequence[Decimal | None]) -> bool | None:
        """None when one of the numbers is not a number (the shape rules report it)."""
        (plus, minus, const), (r_plus, r_minus, r_const) = self.left, self.right
        try:
            left = sum(plus(numbers)) - sum(minus(numbers)) + const
            right = sum(r_plus(numbers)) - sum(r_minus(numbers)) + r_const
        except TypeError:
            return None
        return self.holds(left, right)


@lru_cache(maxsize=1024)
def _sides(expr: str, positions: tuple[tuple[int, ...], ...]) -> _Sides:
    """A relation's sides picked at these positions, made once (every report of a format has
    the same)."""
    return _Sides(parse_relation(expr), positions)


def _side(terms: list[tuple[Term, _Positions]]) -> tuple[Callable, Callable, Decimal]:
    plus = [i for t, at in terms if t.kind != "constant" and t.sign > 0 for i in at]
    minus = [i for t, at in terms if t.kind != "constant" and t.sign < 0 for i in at]
    const = sum((t.sign * constant(t) for t, _ in terms if t.kind == "constant"), _ZERO)
    return itemgetter(*plus, -1, -1), itemgetter(*minus, -1, -1), const


class Grid(NamedTuple):
    """A recognised table's numbers as relations read them, made once a report for all of its
    relations: each row's values by key (rows without values left out), and which rows the
    report has at all."""

    values: dict[str, list[Value]]
    placed: frozenset[str]  # the rows placed, with values or not
    valued: frozenset[str]  # those with values

    @classmethod
    def of(cls, table: TableMatch) -> Grid:
        values = {key: row.values for key, row in table.rows.items() if row.values is not None}
        return cls(values, frozenset(table.rows), frozenset(values))


class _Plan(NamedTuple):
    """How a per-column relation is checked on a table with these rows: each term's hint
    name, sign and rows (a constant: its value), the rows read, and the sides at their
    positions."""

    terms: list[_Planned]
    used: list[str]
    sides: _Sides


# Plans by (the table's spec, the relation, the rows placed and valued): a batch's reports
# mostly have every row, so a few plans serve them all. Bounded; the spec is kept with its
# plan so that its id is not reused while cached.
_PLANS: dict[tuple[int, str, frozenset[str], frozenset[str]], tuple[TableSpec, _Plan | None]] = {}


def _column_plan(spec: TableSpec, expr: str, grid: Grid) -> _Plan | None:
    """The plan of `expr` on a table of `spec` with `grid`'s rows; None when a row it reads,
    or its values, are missing (the shape rules report it)."""
    key = (id(spec), expr, grid.placed, grid.valued)
    cached = _PLANS.get(key)
    if cached is None:
        if len(_PLANS) >= 1024:
            _PLANS.clear()
        cached = _PLANS[key] = (spec, _planned(spec, parse_relation(expr), expr, grid))
    return cached[1]


def _planned(spec: TableSpec, relation: Relation, expr: str, grid: Grid) -> _Plan | None:
    terms = [_rows_of(spec, t, grid.placed) for t in (*relation.left, *relation.right)]
    if any(isinstance(rows, list) and not grid.valued.issuperset(rows) for _, _, rows in terms):
        return None
    used = list(dict.fromkeys(k for _, _, rows in terms if isinstance(rows, list) for k in rows))
    positions = tuple(
        tuple(used.index(k) for k in rows) if isinstance(rows, list) else () for _, _, rows in terms
    )
    return _Plan(terms, used, _sides(expr, positions))


def _rows_of(spec: TableSpec, term: Term, placed: frozenset[str]) -> _Planned:
    """How a term is named in hints, its sign, and the rows it adds (a constant: its value),
    the same for every column."""
    if term.kind == "constant":
        return term.name, term.sign, constant(term)
    row = spec.row(term.name)
    assert row is not None
    rows = [term.name]
    if term.kind == "group_sum":
        children = [c.key for c in spec.children(term.name)]
        present = [key for key in children if key in placed]
        # some sub-items missing: a missing row, which the shape rules report
        rows = children if present and len(present) < len(children) else present or rows
    # A group row's own numbers are its subtotal: （三）小计, unlike sum(withheld), （三）.
    group = term.kind == "key" and spec.is_group(row)
    return (f"{row.short}小计" if group else row.short), term.sign, rows


class Evaluator:
    """Evaluates one relation of a rule over one recognised table (`grid`: its numbers)."""

    def __init__(
        self, rule: Rule, table: TableMatch, grid: Grid, expr: str, per: str, anchor: str | None
    ) -> None:
        self.rule = rule
        self.table = table
        self.grid = grid
        self.spec: TableSpec = table.spec
        self.expr = expr
        self.per = per  # column: the relation's keys are rows; row: they are columns
        self.relation = parse_relation(expr)
        self.anchor_key = anchor or self.relation.first_key
        self.split = len(self.relation.left)

    def failures(self) -> Iterator[Failure]:
        if self.per == "column":
            yield from self._per_column()
            return
        index = self.spec.column_index
        terms = (*self.relation.left, *self.relation.right)
        # Each term: its column's label, its sign, its column (None: a constant, and its value).
        columns: list[tuple[str, int, int | None, Decimal]] = [
            (self.spec.columns[index[t.name]].label, t.sign, index[t.name], _ZERO)
            if t.kind != "constant"
            else (t.name, t.sign, None, constant(t))
            for t in terms
        ]
        sides = _sides(self.expr, tuple((i,) if i is not None else () for _, _, i, _ in columns))
        at = index.get(self.anchor_key, 0)
        for row in self.table.rows.values():
            values = row.values
            if values is None or sides.hold([*map(_NUMBER, values), _ZERO]) is not False:
                continue
            terms_here = [
                (name, sign, [values[i]] if i is not None else value)
                for name, sign, i, value in columns
            ]
            if failure := self._failure(terms_here, values[at]):
                yield failure._replace(where=f"行「{row.name}」")

    def _per_column(self) -> Iterator[Failure]:
        plan = _column_plan(self.spec, self.expr, self.grid)
        if plan is None:
            return
        grid = self.grid.values
        zeros = [_ZERO] * len(self.spec.columns)
        numbers = zip(*(map(_NUMBER, grid[k]) for k in plan.used), zeros, strict=True)
        anchor = grid.get(self.anchor_key)
        for index, (column, here) in enumerate(zip(self.spec.columns, numbers, strict=True)):
            if plan.sides.hold(here) is not False:
                continue
            resolved: list[_Resolved] = [
                (name, sign, [grid[k][index] for k in rows] if isinstance(rows, list) else rows)
                for name, sign, rows in plan.terms
            ]
            cell = anchor[index] if anchor is not None else None
            if failure := self._failure(resolved, cell):
                yield failure._replace(where=f"列「{column.name}」")

    def _failure(self, terms: list[_Resolved], anchor: Value | None) -> Failure | None:
        """The failure of the relation on these terms, if it fails (its `where` left to the
        caller: written only then)."""
        totals: list[Decimal] = []  # a cell's value may be None (not a number): TypeError
        for _, sign, cells in terms:
            if isinstance(cells, Decimal):
                totals.append(sign * cells)
                continue
            values = [v.value for v in cells]
            try:  # not `None in values`: comparing a Decimal with None asks numbers' ABCs
                totals.append(sign * (values[0] if len(values) == 1 else sum(values)))  # type: ignore[operator, arg-type]
            except TypeError:
                return None  # a cell is not a number (None): the shape rules report it
        split = self.split
        if self.relation.holds(sum(totals[:split], _ZERO), sum(totals[split:], _ZERO)):
            return None
        parts = tuple(_part(term) for term in terms)
        if anchor is not None and anchor.value is None:
            anchor = None
        return Failure(self.rule, self.relation, "", parts[:split], parts[split:], anchor)


def _part(term: _Resolved) -> Part:
    name, sign, cells = term
    if isinstance(cells, Decimal):
        return Part(name, sign, cells, ())
    total = sum((v.value for v in cells if v.value is not None), _ZERO)  # (a failure's: all are)
    return Part(name, sign, total, tuple(cells))
