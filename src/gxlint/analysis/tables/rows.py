"""Table rows of a section placed on the template's rows by their labels: a template row (with
values, or a group label on its own), an unknown row with values (an extra row), or a header
row. A label may have begun on the line before; earlier label cells name the row's group."""

from __future__ import annotations

from gxlint.analysis.tables.cells import joined, split
from gxlint.analysis.tables.headers import Headers
from gxlint.analysis.tables.model import Pending, Problem, RowMatch, TableMatch
from gxlint.analysis.tables.problems import Problems
from gxlint.document.labels import NEAR, is_near, strip_numbering
from gxlint.document.model import Cell, Line
from gxlint.pack.template import RowSpec, TableSpec

Best = tuple[float, TableSpec | None, RowSpec | None]


class RowPlacer:
    def __init__(
        self,
        specs: list[TableSpec],
        tables: dict[str, TableMatch],
        headers: Headers,
        problems: Problems,
    ) -> None:
        self.specs = specs
        self.tables = tables
        self.headers = headers
        self.problems = problems
        self.above: list[Cell] = []  # the previous row's cells, for labels wrapped across rows
        self.dangling: Cell | None = None  # a label-only row's label: a row label's first part?
        self.pending: dict[str, list[Pending]] = {}  # rows to align

    def place_all(self, rows: list[Line]) -> None:
        for line in rows:
            self.place(line)
            self.above = line.cells

    def place(self, line: Line) -> None:
        """Decide what a row is, and place it."""
        labels, values = split(line)
        named = [(i, c) for i, c in enumerate(labels) if c.text]
        if not named:
            self._unlabelled(line, values)
            return
        label = named[-1][1]
        for index, context in named[:-1]:
            self._check_group_label(context, index)
        has_values = any(v.text for v in values)
        (score, spec, row), label = self._best_label(label, has_values)
        if spec is None or row is None or score < NEAR:
            if has_values:
                self.problems.add(Problem.EXTRA_ROW, self.specs[0], label.span, row=label.text)
            else:
                self.headers.row(line)
            return
        if not has_values and not spec.is_label_only(row) and len(values) < len(spec.columns):
            self.headers.row(line)  # e.g. the 总计 column header, not the （七）总计 row
            return
        if score < 1.0:
            self.problems.label(spec, label, row.label)
        if has_values or not spec.is_label_only(row):
            self._put(spec, row, line, label, values)  # a row of blanks is a row of zeros

    def _best_label(self, label: Cell, has_values: bool) -> tuple[Best, Cell]:
        """The template row for this label, joined with a dangling first part if that fits."""
        dangling, self.dangling = self.dangling, None if has_values else label
        best = self.best(label.text)
        if best[0] < NEAR and has_values and dangling is not None:
            label = joined(dangling, label)  # a row label wrapped onto this line
            best = self.best(label.text)
        return best, label

    def best(self, label: str) -> Best:
        """The template row a label is most like, and how alike (1.0: the same label)."""
        norm = strip_numbering(label)
        best: Best = (0.0, None, None)
        for spec in self.specs:  # the first table's row of the highest score
            score, row = spec.nearest(norm)
            if score > best[0]:
                best = (score, spec, row)
        return best

    def _check_group_label(self, cell: Cell, index: int) -> None:
        norm = strip_numbering(cell.text)
        above = self.above[index].text if index < len(self.above) else ""
        wrapped = strip_numbering(above + cell.text)  # （四）无 / 法提供 → （四）无法提供
        for spec in self.specs:
            for row in spec.label_only:
                if norm != row.norms[0]:
                    if wrapped in row.norms:
                        return
                    if is_near(norm, row.norms[0], 0.8) and norm not in row.norms:
                        self.problems.label(spec, cell, row.label)
                        return

    def _unlabelled(self, line: Line, values: list[Cell]) -> None:
        for spec in self.specs:
            row = next((r for r in spec.rows if not r.label), None)
            if row is not None and row.key not in self.tables[spec.key].rows:
                self._put(spec, row, line, None, values)
                return
        if any(v.text for v in values):
            self.problems.add(
                Problem.EXTRA_ROW, self.specs[0], line.span, row=line.raw.strip()[:20]
            )

    def _put(
        self, spec: TableSpec, row: RowSpec, line: Line, label: Cell | None, cells: list[Cell]
    ) -> None:
        match = self.tables[spec.key]
        if row.key in match.rows:
            name = label.text if label is not None else line.raw.strip()[:20]
            self.problems.add(Problem.EXTRA_ROW, spec, (label or line).span, row=f"{name}（重复）")
            return
        match.rows[row.key] = RowMatch(row, line, label, None)
        header = self.headers.last
        self.pending.setdefault(spec.key, []).append(Pending(match.rows[row.key], cells, header))
