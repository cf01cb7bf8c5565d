"""`--format github`: workflow commands that GitHub Actions shows as annotations on the file."""

from __future__ import annotations

from typing import TextIO

from gxlint.findings import Severity
from gxlint.printable import printable
from gxlint.render.run import Run

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(run: Run, out: TextIO) -> None:
    """One annotation a finding, at the file's own line (a web page's HTML line); on the file
    itself for a Word file or a PDF, the place named in the message. GitHub shows at most ten
    annotations of each level per step."""
    for f in run.findings:
        where = run.location(f)
        fields = {
            "file": _property(f.path),
            "line": where.line,
            "col": where.column,
            "endLine": where.end_line,
            "endColumn": where.end_column,
            "title": _property(f"{f.code} {f.name}"),
        }
        properties = ",".join(f"{k}={v}" for k, v in fields.items() if v is not None)
        place = f"（{where.place}）" if where.place else ""
        message = place + f.message + (f"\n{f.hint}" if f.hint else "")
        out.write(f"::{_COMMAND[f.severity]} {properties}::{_data(message)}\n")
