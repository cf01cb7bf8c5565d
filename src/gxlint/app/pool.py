"""A large batch across processes, in chunks of files, two chunks a worker in flight (the workers
never wait; the parent holds a few chunks' results, not the whole batch's).

A worker that dies (killed, out of memory, a crash inside a C library) breaks the whole pool and
every chunk in flight with it. Those chunks are checked again in a new pool, one file at a time
and one at a time, so that the file that kills a worker is known: it alone is reported as
failed, and the batch goes on. Results come in the order of the files.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_all_start_methods, get_context
from typing import Any

from gxlint.errors import GxlintError

Chunk = Sequence[str]  # a batch's are packed (scratch.Strings): its files are held to the end
# What checks a chunk in a worker (picklable: a module-level function), and the result of a
# file that could not be checked.
CheckChunk = Callable[[Chunk], list[Any]]
Failed = Callable[[str, GxlintError], Any]


def in_processes(
    chunks: Sequence[Chunk], workers: int, check: CheckChunk, failed: Failed
) -> Iterator[Any]:
    """Each file's result, in order, however many workers die on the way."""
    todo = deque(chunks)
    alone = 0  # files at the head of `todo` lost with a broken pool: checked one at a time
    # Forked workers inherit what the parent warmed up (the formats, the grammar's terminals);
    # Python 3.14 no longer forks by default, so ask for it where the system has it.
    forking = get_context("fork") if "fork" in get_all_start_methods() else None
    while todo:
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=forking) as pool:
                window, limit = (1, alone) if alone else (2 * workers, len(todo))
                lost, taken = yield from _until_broken(pool, todo, window, limit, check, failed)
        except OSError:  # no process can be started (a process limit): the rest checked here
            for chunk in todo:
                yield from check(chunk)
            return
        if alone:
            alone -= taken
            for (path,) in lost:  # it ran by itself: this file killed its worker
                yield failed(path, GxlintError(path, "检查进程意外退出 (its worker died)"))
        elif lost:
            singles = [[path] for chunk in lost for path in chunk]
            todo.extendleft(reversed(singles))
            alone = len(singles)


def _until_broken(
    pool: ProcessPoolExecutor,
    todo: deque[Chunk],
    window: int,
    limit: int,
    check: CheckChunk,
    failed: Failed,
) -> Generator[Any, None, tuple[list[Chunk], int]]:
    """Check up to `limit` chunks from `todo`, `window` at a time, yielding their results.
    Return the chunks lost if the pool broke (in order) and how many chunks were taken."""
    pending: deque[tuple[Chunk, Future[list[Any]]]] = deque()
    taken = 0
    while taken < limit or pending:
        if taken < limit and len(pending) < window:
            chunk = todo.popleft()
            taken += 1
            try:
                pending.append((chunk, pool.submit(check, chunk)))
            except BrokenProcessPool:
                return [*(c for c, _ in pending), chunk], taken
            except OSError:  # a worker could not be started: this chunk is checked again
                todo.appendleft(chunk)
                for done, future in pending:
                    yield from _results(done, future, failed)
                raise
            continue
        chunk, future = pending.popleft()
        try:
            yield from _results(chunk, future, failed)
        except BrokenProcessPool:
            return [chunk, *(c for c, _ in pending)], taken
    return [], taken


def _results(chunk: Chunk, future: Future[list[Any]], failed: Failed) -> list[Any]:
    """A chunk's results; an error for each of its files if checking it raised (a broken pool
    is raised on, for the caller to check the chunk again)."""
    try:
        return future.result()
    except BrokenProcessPool:
        raise
    except Exception as exc:
        problem = f"检查进程出错 (worker failed: {exc!r})"
        return [failed(path, GxlintError(path, problem)) for path in chunk]
