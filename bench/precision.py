"""Precision on the corpus: INDEX's defects found, false errors and false warnings, per report
and in total, from the expectation files in tests/expectations/ (facts checked by hand).

    python bench/precision.py            # the figures the README's "Precision" paragraph gives
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from expected import EXPECTATIONS, score  # noqa: E402
from gxlint.document.build import build_document  # noqa: E402
from gxlint.document.read import read_report  # noqa: E402
from gxlint.engine import check_document  # noqa: E402


def main() -> int:
    corpus = ROOT / "tests" / "corpus"
    totals = {"listed": 0, "found": 0, "false errors": 0, "false warnings": 0}
    for path in sorted(EXPECTATIONS.glob("*.yaml")):
        name = path.stem
        doc = build_document(name, read_report(str(corpus / f"{name}.txt")))
        findings = [(f.code, f.span.line, f.severity.label) for f in check_document(doc)]
        result = score(name, findings)
        totals["listed"] += result.listed
        totals["found"] += result.found
        totals["false errors"] += len(result.false_errors)
        totals["false warnings"] += len(result.false_warnings)
        notes = [f"missed {result.missed}"] if result.missed else []
        notes += [f"false errors {result.false_errors}"] if result.false_errors else []
        notes += [f"false warnings {result.false_warnings}"] if result.false_warnings else []
        print(f"{name:24} defects {result.found}/{result.listed}  {'; '.join(notes)}")
    reports = len(list(EXPECTATIONS.glob("*.yaml")))
    print(
        f"\n{reports} reports: defects found {totals['found']}/{totals['listed']} "
        f"({100 * totals['found'] / max(1, totals['listed']):.0f}%), "
        f"false errors {totals['false errors']}, false warnings {totals['false warnings']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
