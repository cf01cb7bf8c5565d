"""`--format json`: one JSON array of findings, UTF-8, 1-based lines and character columns."""

from __future__ import annotations

import json
from typing import Any, TextIO

from gxlint.findings import Finding
from gxlint.render.run import Run


def finding_dict(f: Finding, place: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": f.path,
        "code": f.code,
        "name": f.name,
        "severity": f.severity.label,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "message": f.message,
        "hint": f.hint or None,
        "fix": None,
    }
    if place is not None:
        item["source"] = {"place": place}
    if f.fix is not None:
        item["fix"] = {
            "line": f.fix.span.line,
            "column": f.fix.span.column,
            "end_line": f.fix.span.end_line,
            "end_column": f.fix.span.end_column,
            "replacement": f.fix.replacement,
        }
    return item


def render_json(run: Run, out: TextIO) -> None:
    """The findings as `json.dump(..., indent=2)` writes their list, written one finding at a
    time: a batch of thousands of reports never holds all their dictionaries at once."""
    if not run.findings:
        out.write("[]\n")
        return
    out.write("[")
    for index, f in enumerate(run.findings):
        item = json.dumps(finding_dict(f, run.place(f)), ensure_ascii=False, indent=2)
        out.write(",\n  " if index else "\n  ")
        out.write(item.replace("\n", "\n  "))  # one level deeper (strings hold no raw newline)
    out.write("\n]\n")
