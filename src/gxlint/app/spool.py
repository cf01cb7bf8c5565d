"""What a batch keeps of each report until its output is written: the report's findings, the
source lines and input places they point at, and what the report is — written to an unnamed
temporary file as each report completes and read back one report at a time, so that a batch
holds in memory only where each report is in the file; and the data of the facts the
comparisons across reports read (FactStore). The outputs read the run through the views below:
findings in order (by path, line, column, code: as sorted), lines, places and summaries by path.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Generic, TypeVar

from gxlint.errors import GxlintError
from gxlint.findings import About, Finding
from gxlint.kinds._across import Fact, shared
from gxlint.pickling import by_fields

T = TypeVar("T")


def _temporary() -> IO[bytes]:
    """An unnamed file in the temporary folder ($TMPDIR): deleted as soon as it is closed."""
    try:
        return tempfile.TemporaryFile()
    except OSError as exc:
        problem = f"无法创建临时文件 (cannot create a temporary file: {exc.strerror or exc})"
        raise GxlintError(_folder(), problem) from None


def _append(file: IO[bytes], data: bytes) -> int:
    """Write `data` at the end of `file`; where it starts."""
    try:
        file.seek(0, 2)
        at = file.tell()
        file.write(data)
    except OSError as exc:  # a full disk
        problem = f"临时文件无法写入 (cannot write the temporary file: {exc.strerror})"
        raise GxlintError(_folder(), problem) from None
    return at


def _folder() -> str:
    return tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp"


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
        self._file = _temporary()
        self._at: dict[str, tuple[int, int]] = {}  # path → where its record is, and its size
        self._last: tuple[str, Kept] | None = None

    def add(self, path: str, kept: Kept) -> None:
        """Keep a report (a path given again: its record replaces the one before)."""
        data = pickle.dumps(kept, pickle.HIGHEST_PROTOCOL)
        self._at[path] = (_append(self._file, data), len(data))
        if self._last is not None and self._last[0] == path:
            self._last = None

    def get(self, path: str) -> Kept | None:
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        where = self._at.get(path)
        if where is None:
            return None
        self._file.seek(where[0])
        kept: Kept = pickle.loads(self._file.read(where[1]))  # our own file, written above
        self._last = (path, kept)
        return kept

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


class FactStore:
    """The data of a batch's facts, in a private temporary file: each fact keeps only who and
    when it is about, and its number here (kinds/_across.py: Store). The last one read is kept
    at hand: a comparison asks for the same fact's data a few times running."""

    def __init__(self) -> None:
        self._file = _temporary()
        self._offsets = array("Q")
        self._sizes = array("Q")
        self._last: tuple[int, object] | None = None

    def keep(self, fact: Fact[Any]) -> None:
        """Move `fact`'s data here."""
        if fact.store is not None:
            return
        data = pickle.dumps(fact.held, pickle.HIGHEST_PROTOCOL)
        self._offsets.append(_append(self._file, data))
        self._sizes.append(len(data))
        # What repeats from report to report, one object for all (an agency's name is its own:
        # sharing it would only add an entry a report).
        fact.code, fact.year = shared(fact.code), shared(fact.year)
        fact.held, fact.store, fact.stored = None, self, len(self._offsets) - 1

    def load(self, number: int) -> object:
        if self._last is not None and self._last[0] == number:
            return self._last[1]
        self._file.seek(self._offsets[number])
        data = pickle.loads(self._file.read(self._sizes[number]))  # our own file, as written
        self._last = (number, data)
        return data
