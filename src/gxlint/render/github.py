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
    for f in run.findings:
        span = f.span
        properties = (
            f"file={_property(f.path)},line={span.line},col={span.column},"
            f"endLine={span.end_line},endColumn={span.end_column},"
            f"title={_property(f'{f.code} {f.name}')}"
        )
        message = f.message + (f"\n{f.hint}" if f.hint else "")
        out.write(f"::{_COMMAND[f.severity]} {properties}::{_data(message)}\n")
