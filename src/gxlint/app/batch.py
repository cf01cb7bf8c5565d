"""Checking many reports: one at a time, or across processes for large batches."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from gxlint.errors import GxlintError
from gxlint.findings import Finding

# Below this many files a process pool costs more than it saves.
_PARALLEL_FROM = 16


@dataclass(frozen=True, slots=True)
class Result:
    """One report's findings, the source lines they point at, or the error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    error: GxlintError | None = None
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)  # for comparisons across reports


@dataclass(frozen=True, slots=True)
class Options:
    """What to check with: a pack (None: by format version), a forced version, rule codes."""

    pack: str | None = None
    format_version: str | None = None
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()


def check_one(path: str, options: Options) -> Result:
    from gxlint.document.build import build_document
    from gxlint.document.read import read_report
    from gxlint.engine import check_report

    name = "<stdin>" if path == "-" else path
    try:
        text = read_report(path)
    except GxlintError as exc:
        return Result(name, error=exc)
    doc = build_document(name, text)
    findings, facts = check_report(
        doc, options.pack, options.format_version, options.select, options.ignore
    )
    source = doc.source_lines
    lines = {f.span.line: source[f.span.line - 1] for f in findings if f.span.line <= len(source)}
    return Result(name, findings, lines, facts=facts)


def _check_chunk(args: tuple[list[str], Options]) -> list[Result]:
    paths, options = args
    return [check_one(p, options) for p in paths]


def check_many(paths: list[str], options: Options, jobs: int = 0) -> Iterator[Result]:
    """Results in the order of `paths`. `jobs` 0 means one process per core for large batches."""
    workers = jobs or (os.cpu_count() or 1)
    if workers == 1 or len(paths) < _PARALLEL_FROM or "-" in paths:
        for path in paths:
            yield check_one(path, options)
        return
    from concurrent.futures import ProcessPoolExecutor

    from gxlint.analysis.versions import formats
    from gxlint.document.parse import report_parser

    report_parser()  # built once here, and the packs loaded, inherited by forked workers
    formats()
    size = max(1, min(64, len(paths) // (workers * 4)))
    chunks = [(paths[i : i + size], options) for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for results in pool.map(_check_chunk, chunks):
            yield from results
