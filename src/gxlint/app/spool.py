"""What a batch keeps of each report until its output is written: the report's findings, the
source lines and input places they point at, and what the report is — written to an unnamed
temporary file (scratch.Records) as each report completes and read back one report at a time,
so that a batch holds in memory only where each report is in the file. The outputs read the run
through the views below: findings in order (by path, line, column, code: as sorted), lines,
places and summaries by path.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from gxlint.findings import About, Finding
from gxlint.pickling import by_fields
from gxlint.scratch import Records

T = TypeVar("T")


@by_fields
@dataclass(frozen=True, slots=True)
class Kept:
    """One report as the spool keeps it."""

    findings: list[Finding]
    lines: dict[int, str] = field(default_factory=dict)
    places: dict[int, str] = field(default_factory=dict)
    about: About = field(default_factory=About)


class Spool:
    """Reports by path, in a private temporary file (deleted when the spool is: it has no name
    another process could open). Read back in path order, the last one read kept at hand."""

    def __init__(self) -> None:
        self._records: Records[Kept] = Records()
        self._at: dict[str, int] = {}  # path → its record's number

    def add(self, path: str, kept: Kept) -> None:
        """Keep a report (a path given again: its record replaces the one before). The path is
        interned: a report's path, as the batch's list of files holds it, is kept once."""
        self._at[sys.intern(path)] = self._records.append(kept)

    def get(self, path: str) -> Kept | None:
        number = self._at.get(path)
        return None if number is None else self._records[number]

    def paths(self) -> list[str]:
        return list(self._at)


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
    paths = sorted({*spool.paths(), *extra_by_path})

    def produce() -> Iterator[Finding]:
        for path in paths:
            kept = spool.get(path)
            found = [*(kept.findings if kept is not None else ()), *extra_by_path.get(path, ())]
            yield from sorted(found, key=Finding.sort_key)

    return produce


class ByPath(Mapping[str, T], Generic[T]):
    """One part of each spooled report by path (its lines, places or summary)."""

    def __init__(self, spool: Spool, part: Callable[[Kept], T]) -> None:
        self._spool, self._part = spool, part

    def __getitem__(self, path: str) -> T:
        kept = self._spool.get(path)
        if kept is None:
            raise KeyError(path)
        return self._part(kept)

    def __iter__(self) -> Iterator[str]:
        return iter(self._spool.paths())

    def __len__(self) -> int:
        return len(self._spool.paths())


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
        return iter(dict.fromkeys([*self._spool.paths(), *self.added]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._spool.paths(), *self.added]))
