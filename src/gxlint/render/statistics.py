"""`--statistics`: how many findings of each rule, most first (ruff's --statistics)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from gxlint.render.run import Run


def _counts(run: Run) -> list[tuple[str, int]]:
    counts = Counter(f.code for f in run.findings)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def render_statistics(run: Run, out: TextIO) -> None:
    names = {f.code: f.name for f in run.findings}
    severities = {f.code: f.severity.label for f in run.findings}
    counts = _counts(run)
    width = len(str(counts[0][1])) if counts else 1
    for code, count in counts:
        out.write(f"{count:>{width}}\t{code}\t{severities[code]}\t{names[code]}\n")


def render_statistics_json(run: Run, out: TextIO) -> None:
    names = {f.code: f.name for f in run.findings}
    rows = [{"code": c, "name": names[c], "count": n} for c, n in _counts(run)]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
