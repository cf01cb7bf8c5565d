"""Recognising the template's tables in a report by their labels, not their position.

For every template table the recogniser maps the report's rows onto row keys and its values onto
column positions, and collects the shape problems it meets on the way (missing or extra rows,
wrong cell counts, non-numbers, blanks, negative or fractional counts, near-miss labels, a table
flattened into a paragraph). Rule kinds only choose which problems to report and how to word them.
"""

from __future__ import annotations

import re
from decimal import Decimal

from gxlint.analysis.tables.model import (
    Problem,
    Recognition,
    RowMatch,
    ShapeProblem,
    TableMatch,
    Value,
)
from gxlint.document.labels import NEAR, is_near, normalise, similarity, strip_numbering
from gxlint.document.model import Cell, Document, Line, LineKind, Section, Span
from gxlint.document.numbers import parse_number
from gxlint.findings import Fix
from gxlint.pack.template import ColumnSpec, RowSpec, TableSpec

# A cell that holds (or should hold) a number: digits, separators, sign, maybe a unit; or nothing.
_VALUE_LIKE = re.compile(r"^[\s\d０-９,，.．\-−－+]*(?:万元|元|件|条|个|项|%|％)?$")
_HAS_DIGIT = re.compile(r"[0-9０-９]")


def recognise(
    doc: Document, specs: dict[str, TableSpec], placed: dict[str, Section]
) -> Recognition:
    """Recognise every template table in the report's sections (`placed`: section key → section)."""
    tables = {key: TableMatch(spec) for key, spec in specs.items()}
    problems: list[ShapeProblem] = []
    by_section: dict[str, list[TableSpec]] = {}
    for spec in specs.values():
        by_section.setdefault(spec.section, []).append(spec)
    for section_key, section_specs in by_section.items():
        section = placed.get(section_key)
        if section is not None:
            _SectionReader(section, section_specs, tables, problems).read()
    return Recognition(tables, problems)


def _cells_span(cells: list[Cell]) -> Span:
    first, last = cells[0].span, cells[-1].span
    return Span(first.line, first.column, last.end_line, last.end_column)


def _core(cells: list[Cell]) -> list[Cell]:
    """The cells from the first non-empty one to the last."""
    filled = [i for i, c in enumerate(cells) if c.text]
    return cells[filled[0] : filled[-1] + 1] if filled else []


def _widen(cells: list[Cell], core: list[Cell], expected: int) -> list[Cell]:
    """Extend `core` with the empty cells after it, then before it, up to `expected` cells."""
    start = cells.index(core[0])
    end = start + len(core)
    while end - start < expected and end < len(cells):
        end += 1
    while end - start < expected and start > 0:
        start -= 1
    return cells[start:end]


def _joined(first: Cell, second: Cell) -> Cell:
    """One label from its two parts on consecutive lines."""
    span = Span(first.span.line, first.span.column, second.span.end_line, second.span.end_column)
    return Cell(text=first.text + second.text, span=span, tokens=[*first.tokens, *second.tokens])


def _split(line: Line) -> tuple[list[Cell], list[Cell]]:
    """Label cells (up to the last cell with words in it) and value cells (the rest)."""
    last_label = -1
    for i, cell in enumerate(line.cells):
        if not _VALUE_LIKE.match(cell.text):
            last_label = i
    return line.cells[: last_label + 1], line.cells[last_label + 1 :]


class _SectionReader:
    """Reads the rows of one section against the template tables placed in it."""

    def __init__(
        self,
        section: Section,
        specs: list[TableSpec],
        tables: dict[str, TableMatch],
        problems: list[ShapeProblem],
    ) -> None:
        self.section = section
        self.specs = specs
        self.tables = tables
        self.problems = problems
        self.seen_headers: set[str] = set()
        self.first_header: Line | None = None
        self.blanks: dict[str, list[Cell]] = {}
        self.above: list[Cell] = []  # the previous row's cells, for labels wrapped across rows
        self.dangling: Cell | None = None  # a label-only row's label: a row label's first part?
        self.fragment: Cell | None = None  # an unknown header cell: a header label's first part?
        self.pending: dict[str, list[tuple[RowMatch, list[Cell]]]] = {}
        self.exact = {
            norm: (spec, row)
            for spec in reversed(specs)
            for row in reversed(spec.rows)
            if row.label
            for norm in row.norms
        }

    def problem(
        self, kind: Problem, spec: TableSpec, span: Span, fix: Fix | None = None, **kw: object
    ) -> None:
        self.problems.append(ShapeProblem(kind, spec, span, {"table": spec.title, **kw}, fix))

    def read(self) -> None:
        rows = [ln for ln in self.section.lines if ln.kind is LineKind.ROW and ln.cells]
        if not rows:
            self._no_rows()
            return
        for line in rows:
            self._row(line)
            self.above = line.cells
        for spec in self.specs:
            self._align(spec)
            match = self.tables[spec.key]
            match.found = bool(match.rows)
            if not match.found:
                self.problem(Problem.MISSING_TABLE, spec, self.section.heading.span)
                continue
            self._missing_rows(spec, match)
            self._missing_columns(spec)
            if spec.key in self.blanks:
                blanks = self.blanks[spec.key]
                self.problem(Problem.BLANK, spec, blanks[0].span, count=len(blanks))

    def _no_rows(self) -> None:
        flattened = next(
            (
                ln
                for ln in self.section.prose_lines()
                if _HAS_DIGIT.search(ln.raw) and self._mentions_table(normalise(ln.raw))
            ),
            None,
        )
        for i, spec in enumerate(self.specs):
            if flattened is not None:
                if i == 0:
                    self.problem(
                        Problem.FLATTENED, spec, flattened.span, section=self.section.title
                    )
            else:
                self.problem(Problem.MISSING_TABLE, spec, self.section.heading.span)

    def _mentions_table(self, text: str) -> bool:
        labels = [label for spec in self.specs for label in spec.header_labels]
        labels += [r.label for spec in self.specs for r in spec.rows if r.label]
        return sum(1 for label in labels if normalise(label) in text) >= 3

    def _best(self, label: str) -> tuple[float, TableSpec | None, RowSpec | None]:
        """The template row a label is most like, and how alike (1.0: the same label)."""
        norm = strip_numbering(label)
        exact = self.exact.get(norm)
        if exact is not None:
            return (1.0, *exact)
        scored = [
            (max(similarity(norm, n) for n in row.norms), spec, row)
            for spec in self.specs
            for row in spec.rows
            if row.label
        ]
        return max(scored, key=lambda s: s[0], default=(0.0, None, None))

    def _row(self, line: Line) -> None:
        """Decide what a row is: a template row (with values, or a group label on its own), an
        unknown row with values (EXTRA_ROW), or a header row; a label may have begun on the
        line before, and earlier label cells name its group."""
        labels, values = _split(line)
        named = [c for c in labels if c.text]
        if not named:
            self._unlabelled_row(line, values)
            return
        label = named[-1]
        for context in named[:-1]:
            self._check_group_label(context, line.cells.index(context))
        has_values = any(v.text for v in values)
        dangling, self.dangling = self.dangling, None if has_values else label
        score, spec, row = self._best(label.text)
        if score < NEAR and has_values and dangling is not None:
            label = _joined(dangling, label)  # a row label wrapped onto this line
            score, spec, row = self._best(label.text)
        if spec is None or row is None or score < NEAR:
            if has_values:
                self.problem(Problem.EXTRA_ROW, self.specs[0], label.span, row=label.text)
            else:
                self._header_row(line)
            return
        if not has_values and not spec.is_label_only(row) and len(values) < len(spec.columns):
            self._header_row(line)  # e.g. the 总计 column header, not the （七）总计 row
            return
        if score < 1.0:
            self._label_problem(spec, label, row.label)
        if has_values or not spec.is_label_only(row):
            self._place(spec, row, line, label, values)  # a row of blanks is a row of zeros

    def _check_group_label(self, cell: Cell, index: int) -> None:
        norm = strip_numbering(cell.text)
        above = self.above[index].text if index < len(self.above) else ""
        wrapped = strip_numbering(above + cell.text)  # （四）无 / 法提供 → （四）无法提供
        for spec in self.specs:
            for row in spec.rows:
                if spec.is_label_only(row) and norm != row.norms[0]:
                    if wrapped in row.norms:
                        return
                    if is_near(norm, row.norms[0], 0.8) and norm not in row.norms:
                        self._label_problem(spec, cell, row.label)
                        return

    def _label_problem(self, spec: TableSpec, cell: Cell, official: str) -> None:
        self.problem(
            Problem.LABEL,
            spec,
            cell.span,
            fix=Fix(cell.span, official),
            found=cell.text,
            official=official,
        )

    def _unlabelled_row(self, line: Line, values: list[Cell]) -> None:
        for spec in self.specs:
            row = next((r for r in spec.rows if not r.label), None)
            if row is not None and row.key not in self.tables[spec.key].rows:
                self._place(spec, row, line, None, values)
                return
        if any(v.text for v in values):
            self.problem(Problem.EXTRA_ROW, self.specs[0], line.span, row=line.raw.strip()[:20])

    def _header_row(self, line: Line) -> None:
        self.first_header = self.first_header or line
        for cell in line.cells:
            if cell.text:
                self._header_cell(cell)

    def _header_cell(self, cell: Cell) -> None:
        fragment, self.fragment = self.fragment, None
        if self._accept_header(normalise(cell.text)):
            return
        if fragment is not None and self._accept_header(normalise(fragment.text + cell.text)):
            return  # a header label wrapped across lines: 商业 / 企业
        options = [(spec, label) for spec in self.specs for label in spec.header_labels]
        norm = normalise(cell.text)
        near = [(similarity(norm, normalise(label)), spec, label) for spec, label in options]
        near = [n for n in near if is_near(norm, normalise(n[2]))]
        if near:
            _, spec, label = max(near, key=lambda n: n[0])
            self.seen_headers.add(normalise(label))
            self._label_problem(spec, cell, label)
        else:
            self.fragment = cell

    def _accept_header(self, norm: str) -> bool:
        """Mark a header label (or an accepted spelling of one) as seen; False if it is neither."""
        for spec in self.specs:
            accepted = {normalise(x): normalise(x) for x in spec.header_labels}
            accepted |= {normalise(v): normalise(x) for v, x in spec.header_variants.items()}
            if norm in accepted:
                self.seen_headers.add(accepted[norm])
                return True
        return False

    def _place(
        self, spec: TableSpec, row: RowSpec, line: Line, label: Cell | None, cells: list[Cell]
    ) -> None:
        match = self.tables[spec.key]
        if row.key in match.rows:
            name = label.text if label is not None else line.raw.strip()[:20]
            self.problem(Problem.EXTRA_ROW, spec, (label or line).span, row=f"{name}（重复）")
            return
        match.rows[row.key] = RowMatch(row, line, label, None)
        self.pending.setdefault(spec.key, []).append((match.rows[row.key], cells))

    def _align(self, spec: TableSpec) -> None:
        """Give each placed row of `spec` its values, aligned on its non-empty cells.

        Empty cells around a row's numbers are merged-cell placeholders, unless the table leaves
        zeros blank elsewhere (an empty cell between two numbers): then they may be blank zeros.
        """
        pending = self.pending.get(spec.key, [])
        expected = len(spec.columns)
        cores = [_core(cells) for _, cells in pending]
        blanks_used = any(not c.text for core in cores for c in core)
        for (row, cells), core in zip(pending, cores, strict=True):
            if not core and len(cells) >= expected:
                core = cells[:expected]  # an all-blank row
            elif blanks_used and core and len(core) < expected:
                core = _widen(cells, core, expected)
            if len(core) != expected:
                span = _cells_span(core) if core else (row.label or row.line).span
                texts = [c.text for c in core if c.text]
                self.problem(
                    Problem.CELL_COUNT,
                    spec,
                    span,
                    row=row.name,
                    expected=expected,
                    found=len(texts),
                    text=" ".join(texts) or "（空）",
                )
                continue
            row.values = [
                self._value(spec, row.name, col, cell)
                for col, cell in zip(spec.columns, core, strict=True)
            ]

    def _value(self, spec: TableSpec, row: str, column: ColumnSpec, cell: Cell) -> Value:
        if not cell.text:
            self.blanks.setdefault(spec.key, []).append(cell)
            return Value(Decimal(0), cell, blank=True)
        number = parse_number(cell.text)
        where = {"row": row, "column": column.name, "text": cell.text}
        if number is None:
            self.problem(Problem.NOT_A_NUMBER, spec, cell.span, **where)
        elif number < 0 and not column.signed:
            self.problem(Problem.NEGATIVE, spec, cell.span, **where)
        elif not column.decimal and number != number.to_integral_value():
            self.problem(Problem.FRACTION, spec, cell.span, **where)
        return Value(number, cell)

    def _missing_rows(self, spec: TableSpec, match: TableMatch) -> None:
        order = list(spec.rows)
        for index, row in enumerate(order):
            if row.key in match.rows or spec.is_label_only(row):
                continue
            if self._in_single_row_group(spec, match, row):
                continue
            following = next(
                (match.rows[r.key] for r in order[index + 1 :] if r.key in match.rows), None
            )
            anchor = following or next(reversed(match.rows.values()))
            self.problem(Problem.MISSING_ROW, spec, anchor.line.span, row=row.label)

    def _in_single_row_group(self, spec: TableSpec, match: TableMatch, row: RowSpec) -> bool:
        """True when `row` is a sub-item of a group the report gives as one row of numbers
        (the 2019 layout of （六）其他处理); the group is reported once, at its first sub-item."""
        parent = match.rows.get(row.parent) if row.parent else None
        children = spec.children(row.parent) if row.parent else []
        if parent is None or parent.values is None or any(c.key in match.rows for c in children):
            return False
        if children[0].key == row.key:
            self.problem(
                Problem.SINGLE_ROW_GROUP,
                spec,
                (parent.label or parent.line).span,
                row=parent.name,
                children="、".join(c.label for c in children),
                count=len(children),
            )
        return True

    def _missing_columns(self, spec: TableSpec) -> None:
        missing = [x for x in spec.header_labels if normalise(x) not in self.seen_headers]
        if missing:
            line = self.first_header or next(iter(self.tables[spec.key].rows.values())).line
            self.problem(Problem.MISSING_COLUMN, spec, line.span, columns="、".join(missing))
