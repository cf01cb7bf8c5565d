"""`--fix`: apply the findings' fixes to a report and write it back atomically, in its own
encoding and line ends. Only ever on request; a file is never left half written, and fixes are
applied only to the exact bytes they were computed from."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from gxlint.app.batch import Options, Result, check_one
from gxlint.atomic import write_atomically
from gxlint.document.read.decode import Source
from gxlint.errors import GxlintError, tell
from gxlint.findings import Finding
from gxlint.printable import printable


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
        if not 1 <= span.line <= len(lines):
            continue
        line = lines[span.line - 1]
        if span.end_column > taken.get(span.line, len(line) + 2) or span.end_column > len(line) + 1:
            continue  # overlaps a fix already applied on this line, or past its end
        lines[span.line - 1] = (
            line[: span.column - 1] + fix.replacement + line[span.end_column - 1 :]
        )
        taken[span.line] = span.column
        applied += 1
    return "\n".join(lines), applied


def write_fixed(path: str, source: Source, text: str) -> None:
    """Write the fixed text over the file (a link's target, the link kept), keeping its mode
    and owner (atomically; a file with several hard links in place, so that none of them is
    left with the old text); refuse what gxlint should not overwrite."""
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            raise GxlintError(path, "不是普通文件，不能修复 (not a regular file)")
        if not os.access(target, os.W_OK) or not info.st_mode & stat.S_IWUSR:
            raise GxlintError(path, "文件是只读的，没有修复 (read-only file: not fixed)")
        if info.st_nlink > 1:  # hard links: rewritten in place, so that every link sees it
            with open(target, "r+b") as handle:
                handle.write(source.encode(text))
                handle.truncate()
                os.fsync(handle.fileno())
        else:
            write_atomically(target, source.encode(text), like=info)
    except OSError as exc:
        raise GxlintError(path, f"无法写回修复 (cannot write the fix: {exc.strerror})") from None


def unified_diff(path: str, findings: list[Finding]) -> str:
    """The fixes of a report as a unified diff of its text (empty if there is none)."""
    import difflib

    from gxlint.document.read import read_source

    source = read_source(path)
    if not source.editable:
        return ""
    fixed, applied = apply_fixes(source.text, findings)
    if not applied:
        return ""
    before, after = source.text.splitlines(keepends=True), fixed.splitlines(keepends=True)
    diff = difflib.unified_diff(before, after, fromfile=f"a/{path}", tofile=f"b/{path}")
    return printable("".join(diff))  # no control character of a report or its name sent raw


def fixed(result: Result, options: Options) -> Result:
    """Apply a report's fixes to the bytes they were computed from, write it back, check again."""
    from gxlint.document.read import read_source

    try:
        source = read_source(result.path)
        if source.digest != result.digest:  # changed since it was checked: check it again
            result = check_one(result.path, options)
            source = read_source(result.path)
            if result.error is not None or source.digest != result.digest:
                return result
        if not source.editable:
            problem = "不能自动修复这种文件 (--fix only edits text files)"
            tell(result.path, problem)
            return result
        text, applied = apply_fixes(source.text, result.findings)
        write_fixed(result.path, source, text)
    except GxlintError as exc:  # reported, and the findings still shown
        return Result(result.path, result.findings, result.lines, exc, rules=result.rules)
    tell(result.path, f"已修复 {applied} 处 (fixed {applied})")
    return check_one(result.path, options)
