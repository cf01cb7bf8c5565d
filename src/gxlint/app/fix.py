"""`--fix`: apply the findings' fixes to a report and write it back atomically, in its own
encoding and line ends. Only ever on request; a file is never left half written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from gxlint.document.read.decode import Source
from gxlint.errors import GxlintError
from gxlint.findings import Finding


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """`text` with every single-line, non-overlapping fix applied; and how many were."""
    lines = text.split("\n")
    fixes = sorted(
        (f.fix for f in findings if f.fix is not None and f.fix.span.line == f.fix.span.end_line),
        key=lambda fix: (fix.span.line, -fix.span.column),
    )
    applied = 0
    taken: dict[int, int] = {}  # line → leftmost column already rewritten
    for fix in fixes:
        span = fix.span
        line = lines[span.line - 1]
        if span.end_column > taken.get(span.line, len(line) + 2):
            continue  # overlaps a fix already applied on this line
        lines[span.line - 1] = (
            line[: span.column - 1] + fix.replacement + line[span.end_column - 1 :]
        )
        taken[span.line] = span.column
        applied += 1
    return "\n".join(lines), applied


def write_atomically(path: str, source: Source, text: str) -> None:
    """Replace `path` with `text` in one step: a temporary file beside it, then a rename."""
    target = Path(path)
    try:
        mode = target.stat().st_mode
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        ) as handle:
            handle.write(source.encode(text))
        os.chmod(handle.name, mode)
        os.replace(handle.name, target)
    except OSError as exc:
        raise GxlintError(path, f"无法写回修复 (cannot write the fix: {exc.strerror})") from None
