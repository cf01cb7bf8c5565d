"""The checks of a request, in a bounded pool of worker processes: each report written to a
private temporary file (removed when its check ends), checked by the command line's own
`check_one`, annotated when it is a Word file. A check that runs past its time limit has its
pool replaced (its processes killed); the others of that pool are checked again in the new
one, so one hostile file costs only its own request. Workers limit their own memory."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path

from gxlint.app.batch import Options, Result, check_one
from gxlint.errors import GxlintError
from gxlint.records import record, replace
from gxlint.web.intake import Upload

SECONDS = 60  # a check's time limit (the command line reads a 4 MiB report in a few seconds)
MEMORY = 2 * 1024**3  # a worker's address space


@record(frozen=True, slots=True)
class Checked:
    """One report's result under its own name, and its annotated copy for a Word file."""

    result: Result
    annotated: bytes | None = None


def _limit() -> None:
    """A worker's start: its memory bounded (a PDF bomb ends in MemoryError, not the host)."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check_upload(upload: Upload, options: Options) -> Checked:
    """Check one upload in this (worker) process; nothing of it stays on disk."""
    folder = tempfile.mkdtemp(prefix="gxlint-")  # 0700: no other user sees the draft
    path = Path(folder) / f"report{upload.suffix}"
    try:
        path.write_bytes(upload.data)
        result = _named(check_one(str(path), options), upload.name, str(path))
        annotated = None
        if upload.suffix == ".docx" and result.error is None:
            annotated = _annotated(path, result)
        return Checked(result, annotated)
    finally:
        for left in Path(folder).iterdir():
            left.unlink()
        os.rmdir(folder)


def _named(result: Result, name: str, path: str) -> Result:
    """The result under the name the person gave the file, not the temporary one."""
    error = result.error
    if error is not None:
        error = GxlintError(name, error.problem.replace(path, name), error.cause)
    findings = [f.at(name) for f in result.findings]
    for fact in result.facts.values():
        fact.path = name
    return replace(result, path=name, findings=findings, error=error)


def _annotated(path: Path, result: Result) -> bytes | None:
    from gxlint.app.annotate import annotate_docx

    copy = path.with_name("annotated.docx")
    try:
        annotate_docx(str(path), str(copy), result.findings)
        return copy.read_bytes()
    except GxlintError:
        return None


class Pool:
    """At most `workers` checks at a time, each within `seconds`."""

    def __init__(self, workers: int, seconds: float = SECONDS) -> None:
        self.workers = workers
        self.seconds = seconds
        self._executor = self._new()
        self._slots = asyncio.Semaphore(workers)

    def _new(self) -> ProcessPoolExecutor:
        # forkserver: workers start from a clean process, not a fork of the server's threads
        context = get_context("forkserver")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_limit)

    async def check(self, upload: Upload, options: Options) -> Checked:
        async with self._slots:
            for _ in range(2):  # once more if another check broke the pool meanwhile
                executor = self._executor
                future = executor.submit(check_upload, upload, options)
                try:
                    return await asyncio.wait_for(asyncio.wrap_future(future), self.seconds)
                except TimeoutError:
                    self._replace(executor)
                    return _failed(upload, f"检查超过 {self.seconds:g} 秒，已停止")
                except BrokenProcessPool:
                    self._replace(executor)
            return _failed(upload, "检查进程意外退出")

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            self._executor = self._new()
            # A stuck check is stopped, not waited for (Python 3.14 has terminate_workers();
            # before it, the executor's processes are reached through its own table).
            for process in list((getattr(broken, "_processes", None) or {}).values()):
                process.kill()
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _failed(upload: Upload, problem: str) -> Checked:
    return Checked(Result(upload.name, error=GxlintError(upload.name, problem)))
