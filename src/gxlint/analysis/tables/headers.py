"""Header rows of a section's tables: which header labels (信息内容, 本年制发件数, 商业企业 …) the
report has, near-misses of them (typos, with the official label as fix), and labels wrapped
across two lines (商业 / 企业)."""

from __future__ import annotations

from gxlint.analysis.tables.model import Problem, TableMatch
from gxlint.analysis.tables.problems import Problems
from gxlint.document.labels import is_near, normalise, similarity
from gxlint.document.model import Cell, Line
from gxlint.pack.template import TableSpec


class Headers:
    def __init__(self, specs: list[TableSpec], problems: Problems) -> None:
        self.specs = specs
        self.problems = problems
        self.seen: set[str] = set()  # normalised official labels found
        self.first: Line | None = None  # the first header row: where missing columns are told
        self.last: Line | None = None  # the header row the rows that follow it are under
        self.fragment: Cell | None = None  # an unknown cell: a label's first part?
        self.accepted = [spec.header_accepted for spec in specs]

    def row(self, line: Line) -> None:
        self.first = self.first or line
        self.last = line
        for cell in line.cells:
            if cell.text:
                self._cell(cell)

    def _cell(self, cell: Cell) -> None:
        fragment, self.fragment = self.fragment, None
        if self._accept(normalise(cell.text)):
            return
        if fragment is not None and self._accept(normalise(fragment.text + cell.text)):
            return  # a header label wrapped across lines: 商业 / 企业
        norm = normalise(cell.text)
        near = [
            (similarity(norm, normalise(label)), spec, label)
            for spec in self.specs
            for label in spec.header_labels
            if is_near(norm, normalise(label))
        ]
        if near:
            _, spec, label = max(near, key=lambda n: n[0])
            self.seen.add(normalise(label))
            self.problems.label(spec, cell, label)
        else:
            self.fragment = cell

    def _accept(self, norm: str) -> bool:
        """Mark a header label (or an accepted spelling of one) as seen; False if it is neither."""
        for accepted in self.accepted:
            if norm in accepted:
                self.seen.add(accepted[norm])
                return True
        return False

    def missing(self, spec: TableSpec, match: TableMatch) -> None:
        """Report the header labels of `spec` the report does not have."""
        missing = [x for x in spec.header_labels if normalise(x) not in self.seen]
        if missing:
            line = self.first or next(iter(match.rows.values())).line
            self.problems.add(Problem.MISSING_COLUMN, spec, line.span, columns="、".join(missing))


def spans(spec: TableSpec, header: Line | None) -> list[tuple[int, int]] | None:
    """The grid cells each column of `spec` covers under this header row: a label and the
    empty cells after it (a merged header cell), or None if the row does not name every column
    of the table in order."""
    if header is None:
        return None
    cells = [normalise(c.text) for c in header.cells]
    starts: list[int] = []
    for column in spec.columns:
        found = next((i for i, c in enumerate(cells) if c in column.norms), None)
        if found is None or (starts and found <= starts[-1]):
            return None
        starts.append(found)
    ends = [*starts[1:], len(cells)]
    return list(zip(starts, ends, strict=True))
