"""Findings for people, in the manner of rustc and ruff: location, code, message, the source line
with the span underlined (CJK characters are two columns wide), a help line, and a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from gxlint.findings import Severity
from gxlint.printable import printable
from gxlint.render.run import Run

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
_TAB = 4


def _expand(line: str) -> str:
    return printable(line.replace("\t", " " * _TAB))


def _marked(source: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The displayed line and the display offset and width of the span [column, end_column)."""
    before = _expand(source[: column - 1])
    inside = _expand(source[column - 1 : end_column - 1]) or " "
    return _expand(source).rstrip(), cell_len(before), max(1, cell_len(inside))


def render_text(run: Run, out: TextIO) -> None:
    console = Console(file=out, highlight=False, soft_wrap=True, emoji=False)
    for f in run.findings:
        style = _STYLE[f.severity]
        head = Text.assemble(
            (f"{printable(f.path)}:{f.span.line}:{f.span.column}", "bold"),
            ": ",
            (f.code, style),
            " ",
            (f"{f.severity.label}[{f.severity.chinese}]", style),
            " ",
            printable(f.message),
        )
        console.print(head)
        if (place := run.place(f)) is not None:
            console.print(f"  [dim]= 原文位置 in the input: {escape(printable(place))}[/]")
        source = run.sources.get(f.path, {}).get(f.span.line)
        if source is not None:
            end = f.span.end_column if f.span.end_line == f.span.line else len(source) + 1
            shown, offset, width = _marked(source, f.span.column, end)
            gutter = " " * len(str(f.span.line))
            console.print(f"{gutter} │", style="blue")
            console.print(Text.assemble((f"{f.span.line} │ ", "blue"), shown))
            console.print(
                Text.assemble((f"{gutter} │ ", "blue"), (" " * offset + "^" * width, style))
            )
        if f.hint:
            console.print(f"[bold cyan]help[/]: {escape(printable(f.hint))}")
        if f.fix is not None:
            console.print(f"[bold green]fix[/]: 改为「{escape(printable(f.fix.replacement))}」")
        console.print()
    if run.summary:
        console.print(summary(run))


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
