"""Cells of a table row: which are labels and which values, where a row's values start and end
(empty cells around them are merged-cell placeholders), labels wrapped across lines joined, and
each value cell read as a number and checked (non-number, negative, fraction, blank)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache, partial

from gxlint.analysis.tables.headers import spans as header_spans
from gxlint.analysis.tables.model import Pending, Problem, RowMatch, Value
from gxlint.analysis.tables.problems import Problems
from gxlint.document.model import Cell, Line, Span, made
from gxlint.document.numbers import UNIT_PATTERN, parse_number
from gxlint.pack.template import TableSpec

# A cell that holds (or should hold) a number: digits, separators, sign, maybe a unit; or nothing.
_VALUE_LIKE = re.compile(rf"^[\s\d０-９,，.．\-−－+]*(?:{UNIT_PATTERN})?$")
_ZERO = Decimal(0)


def cells_span(cells: list[Cell]) -> Span:
    first, last = cells[0], cells[-1]
    return Span(first.line, first.column, last.end_line, last.end_column)


def joined(first: Cell, second: Cell) -> Cell:
    """One label from its two parts on consecutive lines."""
    return Cell.spanning(first.text + second.text, cells_span([first, second]))


def split(line: Line) -> tuple[list[Cell], list[Cell]]:
    """Label cells (up to the last cell with words in it) and value cells (the rest)."""
    last_label = -1
    for i, cell in enumerate(line.cells):
        if not _value_like(cell.text):
            last_label = i
    return line.cells[: last_label + 1], line.cells[last_label + 1 :]


@lru_cache(maxsize=4096)  # a report's cells repeat the same few texts (0, 1, its labels)
def _value_like(text: str) -> bool:
    return _VALUE_LIKE.match(text) is not None


def _core(cells: list[Cell]) -> tuple[int, int]:
    """The positions from the first non-empty cell to the last (an empty range: none)."""
    filled = [i for i, c in enumerate(cells) if c.text]
    return (filled[0], filled[-1] + 1) if filled else (0, 0)


def _widen(cells: list[Cell], start: int, end: int, expected: int) -> tuple[int, int]:
    """Extend [start, end) with the empty cells after it, then before it, up to `expected`."""
    while end - start < expected and end < len(cells):
        end += 1
    while end - start < expected and start > 0:
        start -= 1
    return start, end


def _by_header(columns: list[tuple[int, int]] | None, item: Pending) -> list[Cell] | None:
    """A row's value cells read under its header row's merged cells (`columns`: their spans,
    see headers.spans): each column takes the one filled cell of its span (the others are
    placeholders), or its first cell if all are empty; None where the header does not give
    the grid, or a span holds two numbers."""
    grid = item.row.line.cells
    labels = len(grid) - len(item.cells)
    if columns is None or labels > columns[0][0] or len(grid) < columns[-1][0] + 1:
        return None
    core: list[Cell] = []
    for start, end in columns:
        filled = [c for c in grid[start:end] if c.text]
        if len(filled) > 1:
            return None
        core.append(filled[0] if filled else grid[start])
    return core


class Aligner:
    """Gives each placed row of a table its values, aligned on its non-empty cells.

    Under a header row that names every column, the header's merged cells give the grid
    (`_by_header`). Otherwise empty cells around a row's numbers are merged-cell placeholders,
    unless the table leaves zeros blank elsewhere (an empty cell between two numbers): then
    they may be blank zeros.
    """

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.blanks: dict[str, list[Cell]] = {}

    def align(self, spec: TableSpec, pending: list[Pending]) -> None:
        expected = len(spec.columns)
        cores = [_core(p.cells) for p in pending]
        spans = zip(pending, cores, strict=True)
        blanks_used = any(not c.text for p, (a, b) in spans for c in p.cells[a:b])
        grids: dict[int, list[tuple[int, int]] | None] = {}  # a header's column spans, once
        for p in pending:
            if id(p.header) not in grids:
                grids[id(p.header)] = header_spans(spec, p.header)
        for item, (start, end) in zip(pending, cores, strict=True):
            core = _by_header(grids[id(item.header)], item)
            if core is None:
                if start == end and len(item.cells) >= expected:
                    start, end = 0, expected  # an all-blank row
                elif blanks_used and start < end and end - start < expected:
                    start, end = _widen(item.cells, start, end, expected)
                core = item.cells[start:end]
            if len(core) != expected:
                filled = [c for c in item.cells if c.text]
                if len(filled) != expected:  # else: the filled cells are the values, in order
                    self._count_problem(spec, item.row, core, expected)
                    continue
                core = filled
            item.row.values = self._values(spec, item.row.name, core)

    def _count_problem(
        self, spec: TableSpec, row: RowMatch, core: list[Cell], expected: int
    ) -> None:
        span = cells_span(core) if core else (row.label or row.line).span
        texts = [c.text for c in core if c.text]
        self.problems.add(
            Problem.CELL_COUNT,
            spec,
            span,
            row=row.name,
            expected=expected,
            found=len(texts),
            text=" ".join(texts) or "（空）",
        )

    def _values(self, spec: TableSpec, row: str, cells: list[Cell]) -> list[Value]:
        values: list[Value] = []
        for column, cell in zip(spec.columns, cells, strict=True):
            if not cell.text:
                self.blanks.setdefault(spec.key, []).append(cell)
                values.append(made(Value, (_ZERO, cell, True)))
                continue
            number, problem = _READERS[column.signed, column.decimal](cell.text)
            if problem is not None:  # the fields only then: a report has hundreds of cells
                where = cell.span
                self.problems.add(problem, spec, where, row=row, column=column.name, text=cell.text)
            values.append(made(Value, (number, cell, False)))
        return values


def _read(text: str, signed: bool, decimal: bool) -> tuple[Decimal | None, Problem | None]:
    """A value cell's number, and what is wrong with it in a column that is (or is not)
    signed and decimal."""
    number = parse_number(text)
    if number is None:
        return None, Problem.NOT_A_NUMBER
    if number < 0 and not signed:
        return number, Problem.NEGATIVE
    if not decimal and number != number.to_integral_value():
        return number, Problem.FRACTION
    return number, None


# `_read` by the kind of column, memoised by the cell's text alone (the cheapest key to look
# up): a report's cells repeat the same few numbers (0, 1, 2 …).
_READERS = {
    (signed, decimal): lru_cache(maxsize=4096)(partial(_read, signed=signed, decimal=decimal))
    for signed in (False, True)
    for decimal in (False, True)
}
