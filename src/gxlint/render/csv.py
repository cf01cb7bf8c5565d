"""`--format csv`: one row per file — path, agency, kind, year, format version, counts by
severity, the codes found, readable or not — for a spreadsheet of a batch (files without
findings and files that could not be read have their row too). UTF-8 with a BOM, so that Excel
opens the Chinese columns as they are."""

from __future__ import annotations

import csv
from collections import Counter
from typing import TextIO

from gxlint.findings import Severity
from gxlint.render.run import Run

COLUMNS = ("path", "agency", "kind", "year", "format", "errors", "warnings", "infos")
COLUMNS += ("codes", "readable")


def render_csv(run: Run, out: TextIO) -> None:
    failed = {f.where: f.problem for f in run.failures}
    by_path: dict[str, list] = {path: [] for path in (*run.about, *failed)}
    for finding in run.findings:
        by_path.setdefault(finding.path, []).append(finding)
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for path in sorted(by_path):
        findings = by_path[path]
        counts = Counter(f.severity for f in findings)
        about = run.about.get(path, {})
        writer.writerow(
            [
                path,
                about.get("agency", ""),
                about.get("kind", ""),
                about.get("year", ""),
                about.get("format", ""),
                counts[Severity.ERROR],
                counts[Severity.WARNING],
                counts[Severity.INFO],
                " ".join(sorted({f.code for f in findings})),
                "no: " + failed[path] if path in failed else "yes",
            ]
        )
