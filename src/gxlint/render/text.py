"""Findings for people, in the manner of rustc and ruff: location, code, message, the source line
with the span underlined (CJK characters are two columns wide), a help line, and a summary."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from rich.cells import cell_len

from gxlint.findings import Finding, Severity
from gxlint.printable import printable
from gxlint.render.run import Run

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_TAB = 4
# What makes Rich colour output that is not a terminal (a CI log that shows colours).
_FORCED = ("FORCE_COLOR", "TTY_COMPATIBLE")

# A printed line: pieces of text, each with its Rich style ("" for none).
Piece = tuple[str, str]


def _expand(line: str) -> str:
    """Printable, tabs as spaces (a terminal's tab stops would shift the marks)."""
    return printable(line.replace("\t", " " * _TAB))


# How much of a long source line is shown around a finding's span: a window, so that the output
# grows with the findings, not with findings × line length (a report of one long line).
_BEFORE, _SPAN, _AFTER = 40, 80, 40
_CUT = "…"


def _window(source: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The part of `source` shown, with the span's columns within it (… where it was cut)."""
    start = max(0, column - 1 - _BEFORE)
    span_end = min(end_column - 1, column - 1 + _SPAN)
    stop = min(len(source), span_end + _AFTER)
    head = _CUT if start > 0 else ""
    tail = _CUT if stop < len(source) else ""
    shown = head + source[start:stop] + tail
    shift = start - len(head)
    return shown, column - shift, span_end + 1 - shift


def _marked(source: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The displayed line and the display offset and width of the span [column, end_column)."""
    source, column, end_column = _window(source, column, end_column)
    before = _expand(source[: column - 1])
    inside = _expand(source[column - 1 : end_column - 1]) or " "
    return _expand(source).rstrip(), cell_len(before), max(1, cell_len(inside))


def render_text(run: Run, out: TextIO) -> None:
    """The findings and the summary: styled by Rich on a terminal, plain text to a file or a
    pipe (the same characters, without importing Rich's console)."""
    lines = _layout(run)
    if out.isatty() or any(os.environ.get(name) for name in _FORCED):
        from rich.console import Console
        from rich.text import Text

        console = Console(file=out, highlight=False, soft_wrap=True, emoji=False, markup=False)
        for line in lines:
            console.print(Text.assemble(*line))
    else:
        out.writelines("".join(text for text, _ in line) + "\n" for line in lines)


def _layout(run: Run) -> Iterator[list[Piece]]:
    for finding in run.findings:
        yield from _finding(run, finding)
        yield []
    if run.summary:
        yield [(summary(run), "")]


def _finding(run: Run, f: Finding) -> Iterator[list[Piece]]:
    style = _STYLE[f.severity]
    yield [
        (f"{_expand(f.path)}:{f.span.line}:{f.span.column}", "bold"),
        (": ", ""),
        (f.code, style),
        (" ", ""),
        (f"{f.severity.label}[{f.severity.chinese}]", style),
        (f" {_expand(f.message)}", ""),
    ]
    if (place := run.place(f)) is not None:
        yield [("  ", ""), (f"= 原文位置 in the input: {_expand(place)}", "dim")]
    source = run.sources.get(f.path, {}).get(f.span.line)
    if source is not None:
        end = f.span.end_column if f.span.end_line == f.span.line else len(source) + 1
        shown, offset, width = _marked(source, f.span.column, end)
        gutter = " " * len(str(f.span.line))
        yield [(f"{gutter} │", "blue")]
        yield [(f"{f.span.line} │ ", "blue"), (shown, "")]
        yield [(f"{gutter} │ ", "blue"), (" " * offset + "^" * width, style)]
    if f.hint:
        yield [("help", "bold cyan"), (f": {_expand(f.hint)}", "")]
    if f.fix is not None:
        yield [("fix", "bold green"), (f": 改为「{_expand(f.fix.replacement)}」", "")]


def summary(run: Run) -> str:
    """检查了 3 个文件，发现 2 个问题：…; and how many files could not be checked."""
    findings = run.findings
    failed = f"其中 {len(run.failures)} 个无法读取，" if run.failures else ""
    checked = f"检查了 {run.files} 个文件，{failed}"
    if not findings:
        return f"{checked}没有发现问题。"
    counts = Counter(f.severity for f in findings)
    parts = "，".join(
        f"{counts[s]} 个{s.chinese}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    return f"{checked}发现 {len(findings)} 个问题：{parts}。"


def finish_stream(run: Run, shown: list[Finding], out: TextIO) -> None:
    """After findings were shown file by file: those not shown yet (across reports), then the
    summary of them all."""
    rest = [f for f in run.findings if f not in shown]
    render_text(Run(rest, run.sources, run.rules, places=run.places, summary=False), out)
    print(summary(run), file=out)
