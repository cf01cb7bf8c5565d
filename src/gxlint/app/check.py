"""`gxlint check`: choose the files, check them (in parallel when many), apply fixes when asked,
compare reports across years, render the run, and turn it into an exit code."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from gxlint.app.baseline import new_findings, not_ignored, relative, write_baseline
from gxlint.app.batch import Options, Result, check_many
from gxlint.app.files import SUFFIXES, expand_paths
from gxlint.app.gather import Gathered, gather
from gxlint.app.history import history_facts, on_checked
from gxlint.app.lines import add_lines
from gxlint.app.output import output
from gxlint.app.progress import progress
from gxlint.app.spool import Findings, in_order
from gxlint.document.read.url import is_url
from gxlint.engine import FactBook, compare_reports, known_codes, load_pack
from gxlint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, GxlintError, tell
from gxlint.findings import Finding, Severity
from gxlint.records import field, record
from gxlint.render import Run, renderer, shows_lines
from gxlint.render.run import RULES_URL
from gxlint.render.text import finish_stream


@record(frozen=True, slots=True)
class Request:
    """What `gxlint check` was asked to do."""

    paths: list[str]
    options: Options
    output: str = "text"
    fail_on: str = "error"
    jobs: int = 0
    exclude: tuple[str, ...] = ()
    fix: bool = False
    diff: bool = False  # with fix: print the unified diff, write nothing
    force_exclude: bool = False  # exclude files named on the command line too
    quiet: bool = False  # findings only, no summary
    statistics: bool = False  # a count per code instead of the findings
    output_file: str | None = None
    root: Path = field(default_factory=Path.cwd)  # what config paths are relative to
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    baseline: str | None = None  # report only findings this baseline does not hold
    write_baseline: str | None = None  # record today's findings there instead
    history: tuple[str, ...] = ()  # earlier reports to compare with, not checked themselves
    annotate_docx: str | None = None  # write a copy of the one .docx checked, with comments
    rules_url: str | None = None  # where the rule pages are (SARIF's helpUri); None: ours


def check(request: Request) -> int:
    files = _files(request)
    if request.diff:
        return _diffs(files, request)
    stream = _streams(request)
    gathered = _collect(files, request, stream)
    sources = gathered.sources
    ordered = in_order(gathered.spool, gathered.extra)
    ignores, root = request.per_file_ignores, request.root
    findings = Findings(lambda: not_ignored(ordered(), ignores, root))
    if request.annotate_docx and not gathered.failures:
        from gxlint.app.annotate import write_annotated

        write_annotated(files[0], request.annotate_docx, list(findings))
    if request.write_baseline:
        count = write_baseline(request.write_baseline, findings, sources)
        done = f"已记录 {count} 个问题 (wrote the baseline)"
        tell(request.write_baseline, done)
        return EXIT_ERROR if gathered.failures else EXIT_OK
    if request.baseline:
        unfiltered, baseline = findings, request.baseline
        findings = Findings(lambda: new_findings(unfiltered, sources, baseline))
    run = gathered.run(
        findings, len(files), summary=not request.quiet, rules_url=request.rules_url or RULES_URL
    )
    if stream:
        finish_stream(run, stream, sys.stdout)
        return _exit_code(run, request.fail_on, gathered.skipped)
    name = f"statistics-{request.output}" if request.statistics else request.output
    with output(request.output_file) as out:
        renderer(name)(run, out)
    return _exit_code(run, request.fail_on, gathered.skipped)


def _streams(request: Request) -> list[Finding] | None:
    """Text for a person at a terminal is shown file by file as each is checked (the list
    collects what was shown); anything else is written once, at the end, sorted."""
    plain = request.output == "text" and not (request.statistics or request.output_file)
    accepted = request.baseline or request.write_baseline
    return [] if plain and not accepted and sys.stdout.isatty() else None


def _show(result: Result, gathered: Gathered, request: Request, shown: list[Finding]) -> None:
    own = [f for f in gathered.extra if f.path == result.path] + result.findings
    ordered = sorted(own, key=Finding.sort_key)
    findings = list(not_ignored(ordered, request.per_file_ignores, request.root))
    sources = {result.path: result.lines}
    part = Run(
        findings, sources, gathered.rules, places={result.path: result.places}, summary=False
    )
    renderer("text")(part, sys.stdout)
    sys.stdout.flush()
    shown.extend(findings)


def _files(request: Request) -> Sequence[str]:
    """The files to check, after the options are checked; an error if there are none."""
    _check_options(request.options)
    files = expand_paths(request.paths, request.exclude, request.force_exclude)
    if not files:
        found = f"没有可检查的文件 (no report files found: {SUFFIXES})"
        raise GxlintError("、".join(request.paths), found)
    if request.fix and any(f == "-" or is_url(f) for f in files):
        problem = "不能修复标准输入或网址读入的报告 (cannot fix standard input or an address)"
        raise GxlintError("--fix", problem)
    if request.annotate_docx and (len(files) != 1 or not files[0].lower().endswith(".docx")):
        raise GxlintError("--annotate-docx", "只能用于一个 .docx 文件 (takes one Word file)")
    return files


def _collect(files: Sequence[str], request: Request, shown: list[Finding] | None) -> Gathered:
    """Every report checked (and fixed, if asked; shown as it comes when streaming), then
    compared across reports."""
    root = request.root  # messages name other reports from it
    gathered = Gathered(
        keep_digests=bool(request.history), facts=FactBook(partial(relative, root=root))
    )
    for result in progress(check_many(files, request.options, request.jobs), len(files)):
        if request.fix and result.error is None and any(f.fix for f in result.findings):
            from gxlint.app.fix import fixed

            result = fixed(result, request.options)
        result = gather(gathered, result, request.options)
        gc.freeze()  # what is gathered lives to the end: the collector need not rescan it
        if shown is not None:
            _show(result, gathered, request, shown)
    history = history_facts(
        request.history,
        files,
        gathered.digests,
        request.options,
        request.jobs,
        gathered.facts,
    )
    across = compare_reports(gathered.facts)
    shown = on_checked(across.findings, history)
    if _needs_lines(request):  # read again from their files: only if shown
        add_lines(shown, gathered.sources, gathered.sources.added)
    gathered.rules.update(across.rules)
    gathered.extra += shown
    return gathered


def _needs_lines(request: Request) -> bool:
    """Whether the run shows findings' source lines, or keys a baseline on them."""
    shown = shows_lines(request.output) and not request.statistics
    return shown or bool(request.baseline or request.write_baseline)


def _check_options(options: Options) -> None:
    """A bad --pack or an unknown --select/--ignore code is an error before any report is read."""
    if options.pack:
        load_pack(options.pack)
    chosen = options.select | options.ignore
    known = known_codes(options.pack) if chosen else set()
    unknown = sorted(c for c in chosen if not any(k.startswith(c) for k in known))
    if unknown:
        raise GxlintError(
            "--select/--ignore", f"没有这些规则 (unknown codes): {', '.join(unknown)}"
        )


def _diffs(files: Sequence[str], request: Request) -> int:
    """--fix --diff: the unified diff of each fix, nothing written (exit 1 if there is one)."""
    from gxlint.app.fix import unified_diff

    changed = False
    with output(request.output_file) as out:
        for result in check_many(files, request.options, request.jobs):
            if result.error is not None:
                gather(Gathered(), result, request.options)
                continue
            diff = unified_diff(result.path, result.findings)
            changed = changed or bool(diff)
            out.write(diff)
    return EXIT_FINDINGS if changed else EXIT_OK


def _exit_code(run: Run, fail_on: str, skipped: list[str]) -> int:
    """2 when a file could not be checked; 1 for a finding at or above `fail_on` (with
    --fail-on info, a file that is no report counts too); else 0."""
    if run.failures:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(fail_on)
    if skipped and threshold <= Severity.INFO:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if any(f.severity >= threshold for f in run.findings) else EXIT_OK
