"""Checking many reports: one at a time, or across processes for large batches. A report that
cannot be read or checked, for whatever reason, becomes its own error entry; the batch goes on.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING

from gxlint.errors import GxlintError
from gxlint.findings import About, Finding
from gxlint.pack.rule import Rule
from gxlint.records import field, record
from gxlint.scratch import Strings

if TYPE_CHECKING:
    from gxlint.engine import Facts

# Below this many files a process pool costs more than it saves.
_PARALLEL_FROM = 16


@record(frozen=True, slots=True)
class Result:
    """One report's findings, the source lines they point at, or the error that stopped it."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    error: GxlintError | None = None
    facts: Facts = field(default_factory=dict)  # for comparisons across reports
    rules: dict[str, Rule] = field(default_factory=dict)  # the rules of the findings, as loaded
    digest: str = ""  # of the bytes checked: --fix applies findings to exactly those bytes
    places: dict[int, str] = field(default_factory=dict)  # line → its place in a .html/.docx
    about: About = field(default_factory=About)  # agency, kind, year, format
    skipped: bool = False  # no annual report (a README.md): told once, not checked
    fact_rules: dict[str, Rule] = field(default_factory=dict)  # the rules of the facts


@record(frozen=True, slots=True)
class Options:
    """What to check with: a pack (None: by format version), a forced version, rule codes."""

    pack: str | None = None
    format_version: str | None = None
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    whole_text: bool = False  # keep every source line, not only the findings' (an HTML page)


def check_one(path: str, options: Options) -> Result:
    """Check one report; never raises for anything about the report."""
    name = "<stdin>" if path == "-" else path
    collecting = gc.isenabled()
    # A report's objects hold no cycles: the cyclic collector, run again and again over the
    # growing model of a large report, would make time grow faster than size. It runs after.
    gc.disable()
    try:
        return _check(path, name, options)
    except GxlintError as exc:
        return Result(name, error=exc)
    except RecursionError:
        return Result(name, error=GxlintError(name, "报告结构嵌套过深 (too deeply nested)"))
    except Exception as exc:  # a bug of gxlint's: this report's error, not the batch's end
        problem = f"内部错误，请报告 (internal error, please report): {exc!r}"
        return Result(name, error=GxlintError(name, problem))
    finally:
        if collecting:
            gc.enable()


def _check(path: str, name: str, options: Options) -> Result:
    from gxlint.document.build import build_document
    from gxlint.document.read import place, read_source
    from gxlint.engine import check_report

    source = read_source(path)
    doc = build_document(name, source.text)
    checked = check_report(
        doc, options.pack, options.format_version, options.select, options.ignore
    )
    findings = checked.findings
    if not checked.report:
        return Result(name, digest=source.digest, skipped=True)
    source_lines = doc.source_lines
    shown = (
        range(1, len(source_lines) + 1) if options.whole_text else {f.span.line for f in findings}
    )
    lines = {n: source_lines[n - 1] for n in shown if n <= len(source_lines)}
    places = {
        f.span.line: where
        for f in findings
        if (where := place(source, f.span.line, f.span.column)) is not None
    }
    return Result(
        name,
        findings,
        lines,
        facts=checked.facts,
        rules=checked.rules,
        digest=source.digest,
        places=places,
        about=checked.about,
        fact_rules=checked.fact_rules,
    )


def _check_chunk(paths: Sequence[str], options: Options) -> list[Result]:
    return [check_one(p, options) for p in paths]


def _failed(path: str, error: GxlintError) -> Result:
    return Result(path, error=error)


def check_many(paths: Sequence[str], options: Options, jobs: int = 0) -> Iterator[Result]:
    """Results in the order of `paths`. `jobs` 0 means one process per core for large batches
    (app/pool.py: a worker that dies costs the batch only the file that killed it)."""
    cores = os.cpu_count() or 1
    workers = min(jobs, 2 * cores) if jobs else cores  # --jobs 100 on two cores: four
    if workers == 1 or len(paths) < _PARALLEL_FROM or "-" in paths:
        for path in paths:
            yield check_one(path, options)
        return
    from gxlint.analysis.versions import warm_up
    from gxlint.app.pool import in_processes

    warm_up()  # the parser built and the formats read once here, inherited by forked workers
    size = max(1, min(64, len(paths) // (workers * 4)))
    chunks = [Strings(paths[i : i + size]) for i in range(0, len(paths), size)]
    yield from in_processes(chunks, workers, partial(_check_chunk, options=options), _failed)
