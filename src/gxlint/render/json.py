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
    items = [finding_dict(f, run.place(f)) for f in run.findings]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
