"""What a batch keeps of each report until its output is written: the report's findings, the
source lines and input places they point at, and what the report is — written to an unnamed
temporary file (scratch.Records) as each report completes and read back one report at a time,
so that a batch holds in memory only where each report is in the file. The outputs read the run
through the views below: findings in order (by path, line, column, code: as sorted), lines,
places and summaries by path.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Mapping
from heapq import merge
from itertools import zip_longest
from typing import TypeVar

from gxlint.findings import About, Finding
from gxlint.records import field, record
from gxlint.render.run import PathOrdered, each_once
from gxlint.scratch import Records, Strings

T = TypeVar("T")


@record(frozen=True, slots=True)
class Kept:
    """One report as the spool keeps it."""

    findings: list[Finding]
    lines: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)
    about: About = field(default_factory=About)


class Spool:
    """Reports by path, in a private temporary file (deleted when the spool is: it has no name
    another process could open). Read back in path order, the last one read kept at hand. Memory
    holds each report's path, packed (scratch.Strings), and where its record is."""

    def __init__(self) -> None:
        self._records: Records[Kept] = Records()
        self._paths = Strings()  # record number → its report's path
        self._order: array[int] | None = None  # record numbers in path order: once asked for
        self._found: tuple[str, int | None] | None = None  # the last path looked up, its number

    def add(self, path: str, kept: Kept) -> None:
        """Keep a report (a path given again: its record replaces the one before)."""
        self._records.append(kept)
        self._paths.append(path)
        self._order, self._found = None, None

    def get(self, path: str) -> Kept | None:
        """The report kept for `path` (an output asks for one report's a few times running)."""
        if self._found is None or self._found[0] != path:
            order = self._in_order()
            at = bisect_left(order, path, key=self._paths.__getitem__)
            found = at < len(order) and self._paths[order[at]] == path
            self._found = (path, order[at] if found else None)
        number = self._found[1]
        return None if number is None else self._records[number]

    def paths(self) -> Iterator[str]:
        """Each report's path once, in order."""
        return (self._paths[number] for number in self._in_order())

    def __len__(self) -> int:
        return len(self._in_order())

    def _in_order(self) -> array[int]:
        """The record numbers by path, the last of a path given more than once."""
        if self._order is None:
            paths = self._paths
            numbers = sorted(range(len(paths)), key=paths.__getitem__)
            pairs = zip_longest(numbers, numbers[1:])  # each number and the next (None: last)
            self._order = array("Q", (a for a, b in pairs if b is None or paths[a] != paths[b]))
        return self._order


class Findings(Collection[Finding]):
    """Findings made afresh each time they are iterated (`produce`: read from the spool, none
    held); their count is counted once."""

    def __init__(self, produce: Callable[[], Iterator[Finding]]) -> None:
        self._produce = produce
        self._count: int | None = None

    def __iter__(self) -> Iterator[Finding]:
        return self._produce()

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in self._produce())
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(f == item for f in self._produce())


def in_order(spool: Spool, extra: list[Finding]) -> Callable[[], Iterator[Finding]]:
    """The spool's findings and `extra` (across reports, files that could not be read) in the
    order a sort by Finding.sort_key gives them all, read report by report."""
    extra_by_path: dict[str, list[Finding]] = {}
    for finding in extra:
        extra_by_path.setdefault(finding.path, []).append(finding)

    def produce() -> Iterator[Finding]:
        for path in each_once(merge(spool.paths(), sorted(extra_by_path))):
            kept = spool.get(path)
            found = [*(kept.findings if kept is not None else ()), *extra_by_path.get(path, ())]
            yield from sorted(found, key=Finding.sort_key)

    return produce


class ByPath(PathOrdered[T]):
    """One part of each spooled report by path (its lines, places or summary), in path order."""

    def __init__(self, spool: Spool, part: Callable[[Kept], T]) -> None:
        self._spool, self._part = spool, part

    def __getitem__(self, path: str) -> T:
        kept = self._spool.get(path)
        if kept is None:
            raise KeyError(path)
        return self._part(kept)

    def __iter__(self) -> Iterator[str]:
        return self._spool.paths()

    def __len__(self) -> int:
        return len(self._spool)


class Lines(ByPath[Mapping[int, str]]):
    """Each report's lines that its findings point at, and those of findings across reports
    (read again from their files once the batch is compared: app/lines.py) laid over them."""

    def __init__(self, spool: Spool) -> None:
        super().__init__(spool, lambda kept: kept.lines)
        self.added: dict[str, dict[int, str]] = {}

    def __getitem__(self, path: str) -> Mapping[int, str]:
        added = self.added.get(path)
        if added is None:
            return super().__getitem__(path)
        kept = self._spool.get(path)
        return {**(kept.lines if kept is not None else {}), **added}

    def __iter__(self) -> Iterator[str]:
        return each_once(merge(self._spool.paths(), sorted(self.added)))

    def __len__(self) -> int:
        return sum(1 for _ in self)
