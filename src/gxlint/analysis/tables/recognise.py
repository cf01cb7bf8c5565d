"""Recognising the template's tables in a report by their labels, not their position.

For every section that holds template tables, its rows are placed on template rows (rows.py),
header rows noted (headers.py), each placed row's cells aligned and read as numbers (cells.py),
and what is missing reported (completeness.py). Every shape problem met on the way is collected
(problems.py); rule kinds only choose which to report and how to word them.
"""

from __future__ import annotations

from gxlint.analysis.tables.cells import Aligner
from gxlint.analysis.tables.completeness import blank_rows, missing_rows, no_rows
from gxlint.analysis.tables.headers import Headers
from gxlint.analysis.tables.model import Problem, Recognition, TableMatch
from gxlint.analysis.tables.problems import Problems
from gxlint.analysis.tables.rows import RowPlacer
from gxlint.document.model import Document, LineKind, Section
from gxlint.pack.template import TableSpec


def recognise(
    doc: Document, specs: dict[str, TableSpec], placed: dict[str, Section]
) -> Recognition:
    """Recognise every template table in the report's sections (`placed`: section key → section)."""
    tables = {key: TableMatch(spec) for key, spec in specs.items()}
    problems = Problems()
    by_section: dict[str, list[TableSpec]] = {}
    for spec in specs.values():
        by_section.setdefault(spec.section, []).append(spec)
    for section_key, section_specs in by_section.items():
        section = placed.get(section_key)
        if section is not None:
            _read_section(section, section_specs, tables, problems)
    return Recognition(tables, problems.found)


def _read_section(
    section: Section, specs: list[TableSpec], tables: dict[str, TableMatch], problems: Problems
) -> None:
    rows = [ln for ln in section.lines if ln.kind is LineKind.ROW and ln.cells]
    if not rows:
        no_rows(section, [spec for spec in specs if not spec.optional], problems)
        return
    headers = Headers(specs, problems)
    placer = RowPlacer(specs, tables, headers, problems)
    placer.place_all(rows)
    aligner = Aligner(problems)
    for spec in specs:
        aligner.align(spec, placer.pending.get(spec.key, []))
        match = tables[spec.key]
        match.found = bool(match.rows)
        if not match.found:
            if not spec.optional:
                problems.add(Problem.MISSING_TABLE, spec, section.heading.span)
            continue
        missing_rows(spec, match, problems)
        blank_rows(spec, match, problems)
        headers.missing(spec, match)
        if spec.key in aligner.blanks:
            blanks = aligner.blanks[spec.key]
            problems.add(Problem.BLANK, spec, blanks[0].span, count=len(blanks))
