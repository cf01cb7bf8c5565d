"""A progress bar on stderr while a batch is checked (Rich), when stderr is a terminal and there
are more than a handful of files; nothing otherwise, so piped and redirected output is unchanged."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
HANDFUL = 8


def progress(items: Iterable[T], total: int) -> Iterator[T]:
    if total <= HANDFUL or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = ("检查中 checking", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=total)
        for item in items:
            yield item
            bar.advance(task)
