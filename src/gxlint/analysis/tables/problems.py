"""Collecting the shape problems met while a table is recognised (each piece of the recogniser
reports into one collector; rule kinds choose later which to report and how to word them)."""

from __future__ import annotations

from gxlint.analysis.tables.model import Problem, ShapeProblem
from gxlint.document.model import Cell, Span
from gxlint.findings import Fix
from gxlint.pack.template import TableSpec

# What a table kept on an outdated template is not asked for: the template it should use is
# told once (GX106); its numbers are still checked.
_NOT_ASKED_OF_OUTDATED = {
    Problem.MISSING_ROW,
    Problem.MISSING_COLUMN,
    Problem.EXTRA_ROW,
    Problem.LABEL,
    Problem.SINGLE_ROW_GROUP,
}


class Problems:
    def __init__(self) -> None:
        self.found: list[ShapeProblem] = []

    def add(
        self, kind: Problem, spec: TableSpec, span: Span, fix: Fix | None = None, **fields: object
    ) -> None:
        if spec.outdated and kind in _NOT_ASKED_OF_OUTDATED:
            return  # the fix is the current template (GX106), not a complete old one
        self.found.append(ShapeProblem(kind, spec, span, {"table": spec.title, **fields}, fix))

    def label(self, spec: TableSpec, cell: Cell, official: str) -> None:
        """A label close to, but not, the official one; the official one is its fix."""
        fix = Fix(cell.span, official)
        self.add(Problem.LABEL, spec, cell.span, fix=fix, found=cell.text, official=official)
