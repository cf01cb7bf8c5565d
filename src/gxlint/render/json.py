"""`--format json`: one JSON array of findings, UTF-8, 1-based lines and character columns."""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
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
        out.write(",\n  " if index else "\n  ")
        out.write(_object(finding_dict(f, run.place(f)), "  "))
    out.write("\n]\n")


def write_array(out: TextIO, items: Iterable[Any], depth: int = 0) -> None:
    """`items` as `json.dump(list(items), indent=2, ensure_ascii=False)` writes them at
    `depth` (a list nested that deep), each written as it comes: none held after it is out."""
    pad = "  " * (depth + 1)
    first = True
    for item in items:
        out.write("[\n" if first else ",\n")
        first = False
        # A newline inside a string is written \n: every real one starts a line to indent.
        out.write(pad + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))
    out.write("[]" if first else "\n" + "  " * depth + "]")


def _object(item: dict[str, Any], indent: str) -> str:
    """A finding's dictionary as `json.dumps(indent=2, ensure_ascii=False)` writes it at this
    depth. (`json` writes indented output in Python, value by value through generators: this
    is a few times faster, and a batch writes tens of thousands of findings.)"""
    inner = indent + "  "
    members = ",\n".join(
        f"{inner}{encode_basestring(k)}: {_value(v, inner)}" for k, v in item.items()
    )
    return f"{{\n{members}\n{indent}}}"


def _value(value: Any, indent: str) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        return _object(value, indent)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return repr(value)  # as json writes an int
    raise TypeError(f"not a finding's value: {value!r}")
