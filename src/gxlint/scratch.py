"""What a batch keeps on disk rather than in memory, in unnamed temporary files ($TMPDIR; gone
when closed, and no other process can open them): `Records`, values appended and read back by
number or in order, and `Buckets`, values sorted into numbered buckets and read back a bucket at
a time. Memory holds only where each record is (16 bytes) — what a batch of any size may hold —
and a small batch's first records (up to IN_MEMORY bytes: a run of a few reports makes no file).
A temporary file that cannot be made or written is a GxlintError naming the folder. What a batch
must hold of every report, its path, it holds packed: `Strings`."""

from __future__ import annotations

import io
import os
import pickle
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Generic, TypeVar, overload

from gxlint.errors import GxlintError

T = TypeVar("T")
IN_MEMORY = 1 << 20  # the bytes of pickled records kept in memory before they go to a file


def temporary() -> IO[bytes]:
    """An unnamed file in the temporary folder: deleted as soon as it is closed."""
    import tempfile  # only when records go to a file: a run of a few reports makes none

    try:
        return tempfile.TemporaryFile()
    except OSError as exc:
        problem = f"无法创建临时文件 (cannot create a temporary file: {exc.strerror or exc})"
        raise GxlintError(_folder(), problem) from None


def _folder() -> str:
    import tempfile

    return tempfile.tempdir or os.environ.get("TMPDIR") or "/tmp"


class Records(Generic[T]):
    """Values pickled one after another in a temporary file (in memory up to IN_MEMORY bytes),
    numbered from 0 as they come. The last one read is kept at hand: a reader often asks for
    the same one a few times running."""

    def __init__(self) -> None:
        self._file: IO[bytes] = io.BytesIO()  # a temporary file past IN_MEMORY bytes
        self._offsets = array("Q")
        self._sizes = array("Q")
        self._last: tuple[int, T] | None = None

    def append(self, value: T) -> int:
        """Keep `value`; its number."""
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        try:
            self._file.seek(0, 2)
            if isinstance(self._file, io.BytesIO) and self._file.tell() + len(data) > IN_MEMORY:
                self._file = _spilled(self._file)
            self._offsets.append(self._file.tell())
            self._file.write(data)
        except OSError as exc:  # a full disk
            problem = f"临时文件无法写入 (cannot write the temporary file: {exc.strerror})"
            raise GxlintError(_folder(), problem) from None
        self._sizes.append(len(data))
        return len(self._sizes) - 1

    def __getitem__(self, number: int) -> T:
        if self._last is not None and self._last[0] == number:
            return self._last[1]
        self._file.seek(self._offsets[number])
        value: T = pickle.loads(self._file.read(self._sizes[number]))  # our own file
        self._last = (number, value)
        return value

    def __len__(self) -> int:
        return len(self._sizes)

    def __iter__(self) -> Iterator[T]:
        """Every value in the order kept."""
        for number in range(len(self._sizes)):
            yield self[number]


def _spilled(memory: io.BytesIO) -> IO[bytes]:
    """A temporary file holding what `memory` held, at its end."""
    file = temporary()
    file.write(memory.getbuffer())
    return file


class Buckets(Generic[T]):
    """Values sorted into `count` buckets, read back a bucket at a time in the order they came
    to it. At most `buffered` values are held in memory before they are written out, so memory
    is bounded by the largest bucket read, whatever the number of values."""

    def __init__(self, count: int, buffered: int) -> None:
        self.count = count
        self._limit = buffered
        self._records: Records[list[T]] = Records()
        self._chunks: list[array[int]] = [array("Q") for _ in range(count)]  # records a bucket
        self._buffers: list[list[T]] = [[] for _ in range(count)]
        self._buffered = 0

    def add(self, bucket: int, value: T) -> None:
        self._buffers[bucket].append(value)
        self._buffered += 1
        if self._buffered >= self._limit:
            self._flush()

    def _flush(self) -> None:
        for bucket, buffer in enumerate(self._buffers):
            if buffer:
                self._chunks[bucket].append(self._records.append(buffer))
                self._buffers[bucket] = []
        self._buffered = 0

    def bucket(self, bucket: int) -> list[T]:
        """The values of one bucket, in the order they were added."""
        values: list[T] = []
        for chunk in self._chunks[bucket]:
            values += self._records[chunk]
        return values + self._buffers[bucket]


class Strings(Sequence[str]):
    """Strings packed one after another in one buffer, numbered from 0 as they come: a few bytes
    more than its UTF-8 a string, where a list of strings holds a hundred bytes a path (each
    string an object, and its slot). Surrogates (undecodable names, as os.listdir gives them)
    come back as they went in."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        for string in strings:
            self.append(string)

    def append(self, string: str) -> None:
        self._data += string.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        end = self._ends[index]  # an IndexError past the end, as a list's
        start = self._ends[index - 1] if index % len(self._ends) else 0
        return self._data[start:end].decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        start = 0
        for end in self._ends:
            yield self._data[start:end].decode("utf-8", "surrogatepass")
            start = end
