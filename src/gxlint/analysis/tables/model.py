"""What the table recogniser finds: the rows and values of each template table, and the shape
problems met on the way. Rule kinds read these; tables.py makes them."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from gxlint.document.model import Cell, Line, Span
from gxlint.findings import Fix
from gxlint.pack.expr import Term
from gxlint.pack.template import RowSpec, TableSpec
from gxlint.records import field, record


class Problem(StrEnum):
    MISSING_TABLE = "missing-table"
    FLATTENED = "flattened-table"
    MISSING_ROW = "missing-row"
    MISSING_COLUMN = "missing-column"
    EXTRA_ROW = "extra-row"
    SINGLE_ROW_GROUP = "single-row-group"
    CELL_COUNT = "cell-count"
    NOT_A_NUMBER = "not-a-number"
    BLANK = "blank-cells"
    BLANK_ROW = "blank-row"
    NEGATIVE = "negative"
    FRACTION = "fraction"
    LABEL = "label"


_CELL = frozenset({"table", "row", "column", "text"})
# The fields each problem supplies to a message template (the pack loader checks messages).
PROBLEM_FIELDS: dict[Problem, frozenset[str]] = {
    Problem.MISSING_TABLE: frozenset({"table"}),
    Problem.FLATTENED: frozenset({"table", "section"}),
    Problem.MISSING_ROW: frozenset({"table", "row"}),
    Problem.MISSING_COLUMN: frozenset({"table", "columns"}),
    Problem.EXTRA_ROW: frozenset({"table", "row"}),
    Problem.SINGLE_ROW_GROUP: frozenset({"table", "row", "children", "count"}),
    Problem.CELL_COUNT: frozenset({"table", "row", "expected", "found", "text"}),
    Problem.NOT_A_NUMBER: _CELL,
    Problem.BLANK: frozenset({"table", "count"}),
    Problem.BLANK_ROW: frozenset({"table", "row"}),
    Problem.NEGATIVE: _CELL,
    Problem.FRACTION: _CELL,
    Problem.LABEL: frozenset({"table", "found", "official"}),
}


@record(frozen=True, slots=True)
class ShapeProblem:
    """Something wrong with a table's shape: a row missing, a cell not a number, a label changed."""

    problem: Problem
    table: TableSpec
    span: Span
    fields: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None


class Value(NamedTuple):
    """A number cell: its value (None when not a number), its cell, and whether it was blank
    (a named tuple: a report has hundreds)."""

    value: Decimal | None
    cell: Cell
    blank: bool = False


@record(slots=True)
class RowMatch:
    """A template row found in the report: its line, label and values."""

    spec: RowSpec
    line: Line
    label: Cell | None
    values: list[Value] | None  # None when the row has the wrong number of cells

    @property
    def name(self) -> str:
        """The row in the report's own words."""
        return self.label.text if self.label is not None and self.label.text else self.spec.label


class Pending(NamedTuple):
    """A placed row waiting for its values: its cells after the label, the header above it."""

    row: RowMatch
    cells: list[Cell]
    header: Line | None


@record(slots=True)
class TableMatch:
    """A template table as found in the report, by row key."""

    spec: TableSpec
    rows: dict[str, RowMatch] = field(default_factory=dict)
    found: bool = False

    def value(self, row_key: str, column: int) -> Value | None:
        row = self.rows.get(row_key)
        if row is None or row.values is None:
            return None
        value = row.values[column]
        return value if value.value is not None else None

    def cell(self, reference: str) -> Value | None:
        """The value at `row.column` (template keys), if the report has it."""
        row_key, _, column_key = reference.partition(".")
        index = self.spec.column_index.get(column_key)
        return None if index is None else self.value(row_key, index)

    def describe(self, reference: str) -> str:
        """`row.column` in the report's words: 「一、本年新收政府信息公开申请数量」行「总计」列
        (a row without a label, as table 四's, is named by its column alone)."""
        row_key, _, column_key = reference.partition(".")
        row, column = self.rows.get(row_key), self.spec.column(column_key)
        column_name = f"「{column.name if column else column_key}」列"
        spec = self.spec.row(row_key)
        row_name = row.name if row is not None else spec.label if spec is not None else row_key
        return f"「{row_name}」行{column_name}" if row_name else column_name

    def total(self, terms: tuple[Term, ...], stated: bool = False) -> Decimal | None:
        """The value of a sum of `row.column` terms (`sum(group.column)` adds a group's
        sub-items), or None if a cell is missing. `stated`: the value to compare prose with,
        where a blank row total is the sum of its row (the report states the parts)."""
        total = Decimal(0)
        for term in terms:
            if term.kind == "constant":
                total += term.sign * Decimal(term.name)
                continue
            row_key, _, column_key = term.name.partition(".")
            keys = self._members(row_key) if term.kind == "group_sum" else [row_key]
            values = [self._number(key, column_key, stated) for key in keys or []]
            if not values or any(v is None for v in values):
                return None
            total += term.sign * sum((v for v in values if v is not None), Decimal(0))
        return total

    def _members(self, row_key: str) -> list[str] | None:
        """The rows a group's sum adds: its sub-items, or itself when the report gives the
        group as one row; None when some sub-items are there and others missing."""
        children = [r.key for r in self.spec.children(row_key)]
        present = [key for key in children if key in self.rows]
        if present and len(present) < len(children):
            return None
        return present or [row_key]

    def _number(self, row_key: str, column_key: str, stated: bool) -> Decimal | None:
        """A cell's value (blank counts as 0); `stated`: a blank row total is the sum of the
        row's other cells, as the report states them."""
        found = self.cell(f"{row_key}.{column_key}")
        column = self.spec.column(column_key)
        if found is None or not (stated and found.blank and column and column.sums_row):
            return found.value if found is not None else None
        cells = zip(self.rows[row_key].values or [], self.spec.columns, strict=True)
        return sum((v.value for v, c in cells if c != column and v.value is not None), Decimal(0))


@record(slots=True)
class Recognition:
    """The report's tables as recognised, and the problems of their shape."""

    tables: dict[str, TableMatch]
    problems: list[ShapeProblem]
    # The problems of each type, in order: a rule reports one type (a table of thousands of
    # unknown rows has thousands of problems, and a pack a dozen shape rules).
    by_problem: dict[Problem, list[ShapeProblem]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_problem = {}
        for found in self.problems:
            self.by_problem.setdefault(found.problem, []).append(found)
