"""A reader run in a child process of its own, with a memory and a time limit, for inputs whose
cost cannot be bounded before they are read (a PDF's compressed streams: a 32 KB file can
expand to gigabytes). The child is forked, limits its own address space and CPU time, and sends
its result back through a pipe; if it runs out of either, or is killed, the one file fails with
a one-line error and the run goes on. Where there is no fork (Windows), the reader runs here."""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from gxlint.errors import GxlintError

T = TypeVar("T")
MEMORY = 1024 * 1024 * 1024  # bytes a reader may add to what the process already maps
SECONDS = 60  # CPU seconds a reader may use; the parent waits at most twice that


def run_isolated(path: str, reader: Callable[[], T]) -> T:
    """`reader()` in a limited child (its GxlintError raised here as it was)."""
    if not hasattr(os, "fork"):
        return reader()
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(readable)
        _child(reader, writable)
    os.close(writable)
    try:
        payload = _receive(readable, pid)
    finally:
        os.close(readable)
        os.waitpid(pid, 0)
    if not payload:
        raise GxlintError(
            path, "读取超出时间或内存限制，文件可能过于复杂或是解压炸弹 (over the limits)"
        )
    outcome = pickle.loads(payload)  # from our own child, through our own pipe
    if isinstance(outcome, GxlintError):
        raise outcome
    if isinstance(outcome, MemoryError):
        raise GxlintError(path, f"解压后超过 {MEMORY // 2**20} MiB，拒绝读取 (expands too far)")
    return outcome


def _child(reader: Callable[[], object], writable: int) -> None:
    import resource

    try:
        mapped = _mapped()
        resource.setrlimit(resource.RLIMIT_AS, (mapped + MEMORY, mapped + MEMORY))
        resource.setrlimit(resource.RLIMIT_CPU, (SECONDS, SECONDS + 5))
        try:
            outcome: object = reader()
        except (GxlintError, MemoryError) as exc:
            outcome = exc
        data = pickle.dumps(outcome)
        with os.fdopen(writable, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)


def _mapped() -> int:
    """The address space this process maps now (what the limit adds to)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _receive(readable: int, pid: int) -> bytes:
    """All the child writes, or b"" if it gives nothing within the wall-clock limit."""
    deadline = time.monotonic() + 2 * SECONDS
    chunks: list[bytes] = []
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([readable], [], [], left)
        if not ready:
            break
        chunk = os.read(readable, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
    os.kill(pid, signal.SIGKILL)
    return b""
