"""`--format csv`: one row per file — path, agency, kind, year, format version, counts by
severity, the codes found, readable or not — for a spreadsheet of a batch (files without
findings and files that could not be read have their row too). UTF-8 with a BOM, so that Excel
opens the Chinese columns as they are."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from gxlint.findings import About, Severity
from gxlint.render.run import Run, by_report

# A cell a spreadsheet would run as a formula (=HYPERLINK(…) in a report's title): written with
# a leading ' as OWASP recommends; a number (-15, +3, 1.5) stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def safe_cell(value: object) -> object:
    """`value` as a spreadsheet should read it: text starting like a formula is neutralised."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SpreadsheetWriter:
    """csv.writer for a spreadsheet: UTF-8 with a BOM (Excel opens the Chinese columns as they
    are), every cell made safe."""

    def __init__(self, out: TextIO) -> None:
        out.write("\ufeff")
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])


COLUMNS: tuple[str, ...] = ("path", "agency", "kind", "year", "format", "errors", "warnings")
COLUMNS += ("infos", "codes", "readable")


def render_csv(run: Run, out: TextIO) -> None:
    """A row a report, by path: each written as its findings are read (in order, by path)."""
    failed = {f.where: f.problem for f in run.failures}
    writer = SpreadsheetWriter(out)
    writer.writerow(COLUMNS)
    for path, findings in by_report(run, run.about, failed):
        counts = Counter(f.severity for f in findings)
        about = run.about.get(path, About())
        writer.writerow(
            [
                path,
                about.agency,
                about.kind,
                about.year,
                about.format,
                counts[Severity.ERROR],
                counts[Severity.WARNING],
                counts[Severity.INFO],
                " ".join(sorted({f.code for f in findings})),
                "no: " + failed[path] if path in failed else "yes",
            ]
        )
