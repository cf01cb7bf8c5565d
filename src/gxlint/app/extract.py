"""`gxlint extract`: every recognised table cell of every report, keyed by the template's keys,
for a supervising office's yearly statistics. Long format for CSV (one cell a row), nested for
JSON; stable order (reports by path, tables, rows and columns in the template's order); a cell
that could not be read is listed with the finding that says why.

CSV columns: report, agency, kind, year, format, table, row, row_label, column, column_label,
value, text, line, col, place, problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from gxlint.analysis.tables.model import RowMatch, TableMatch, Value
from gxlint.app.files import expand_paths
from gxlint.app.output import output
from gxlint.document.read.decode import Source
from gxlint.errors import EXIT_ERROR, EXIT_OK, GxlintError, tell
from gxlint.findings import Finding
from gxlint.pack.template import ColumnSpec
from gxlint.render.csv import SpreadsheetWriter
from gxlint.render.json import write_array

COLUMNS: tuple[str, ...] = ("report", "agency", "kind", "year", "format", "table", "row")
COLUMNS += ("row_label", "column")
COLUMNS += ("column_label", "value", "text", "line", "col", "place", "problem")
_SHAPE = "GX2"  # the findings that say why a table, row or cell could not be read


def extract(paths: list[str], fmt: str, output_file: str | None) -> int:
    """Each report's cells written as it is read (an archive's are never all held at once)."""
    files = expand_paths(paths)
    failed: list[str] = []
    with output(output_file) as out:
        (_write_json if fmt == "json" else _write_csv)(_reports(files, failed), out)
    return EXIT_ERROR if failed or not files else EXIT_OK


def _reports(files: Sequence[str], failed: list[str]) -> Iterator[dict[str, Any]]:
    """Each report's tables, in order; a file that cannot be read is told and listed."""
    for path in files:
        try:
            yield _report(path)
        except GxlintError as exc:
            tell(exc.where, exc.problem)
            failed.append(path)
        except Exception as exc:  # a bug of gxlint's: this file's error, not the run's end
            tell(path, f"内部错误，请报告 (internal error, please report): {exc!r}")
            failed.append(path)


def _report(path: str) -> dict[str, Any]:
    from gxlint.document.build import build_document
    from gxlint.document.read import read_source
    from gxlint.engine import check_report, context_for

    source = read_source(path)
    doc = build_document(path, source.text)
    ctx = context_for(doc)
    problems = [f for f in check_report(doc).findings if f.code.startswith(_SHAPE)]
    tables = [
        {
            "table": match.spec.key,
            "title": match.spec.title,
            "rows": [_row(key, row, match, source, problems) for key, row in match.rows.items()],
        }
        for match in ctx.tables.tables.values()
        if match.found
    ]
    return {
        "report": path,
        "agency": ctx.agency.name,
        "kind": ctx.agency.kind.value,
        "year": ctx.version.year,
        "format": ctx.version.version,
        "tables": tables,
        "problems": [_problem(f) for f in problems],
    }


def _row(
    key: str, row: RowMatch, match: TableMatch, source: Source, problems: list[Finding]
) -> dict[str, Any]:
    cells = [
        _cell(column, row.values[index] if row.values else None, row, source, problems)
        for index, column in enumerate(match.spec.columns)
    ]
    return {"row": key, "row_label": row.name, "cells": cells}


def _cell(
    column: ColumnSpec, value: Value | None, row: RowMatch, source: Source, problems: list[Finding]
) -> dict[str, Any]:
    from gxlint.document.read import place

    cell = value.cell if value is not None else None
    number = value.value if value is not None else None
    span = cell.span if cell is not None else row.line.span
    unread = number is None
    return {
        "column": column.key,
        "column_label": column.name,
        "value": None if number is None else str(number),
        "text": cell.text if cell is not None else "",
        "line": span.line,
        "col": span.column,
        "place": place(source, span.line, span.column) or "",
        "problem": _why(problems, span.line) if unread else "",
    }


def _why(problems: list[Finding], line: int) -> str:
    return "; ".join(f"{f.code} {f.message}" for f in problems if f.span.line == line)


def _problem(finding: Finding) -> dict[str, Any]:
    return {"code": finding.code, "line": finding.span.line, "message": finding.message}


def _write_json(reports: Iterable[dict[str, Any]], out: TextIO) -> None:
    write_array(out, reports)
    out.write("\n")


def _write_csv(reports: Iterable[dict[str, Any]], out: TextIO) -> None:
    writer = SpreadsheetWriter(out)
    writer.writerow(COLUMNS)
    for report in reports:
        head = [report[k] if report[k] is not None else "" for k in COLUMNS[:5]]
        for table in report["tables"]:
            for row in table["rows"]:
                for cell in row["cells"]:
                    writer.writerow(
                        [*head, table["table"], row["row"], row["row_label"]]
                        + [cell[k] if cell[k] is not None else "" for k in COLUMNS[8:]]
                    )
