"""What a renderer is given: one run of gxlint, everything it shows already computed."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from heapq import merge
from typing import TypeVar

from gxlint.document.read import html_line
from gxlint.errors import GxlintError
from gxlint.findings import About, Finding
from gxlint.pack.rule import Rule
from gxlint.records import field, record

# Where a rule's page is (docs/rules/GXnnn.md): SARIF's helpUri; `rules-url` in the config
# points it at a copy an office publishes on its intranet.
T = TypeVar("T")
RULES_URL = "https://github.com/gxlint/gxlint/blob/main/docs/rules/"


@record(frozen=True, slots=True)
class Location:
    """Where a finding is in the file itself, as CI tools point at it: the text's span for a
    text file; the page's own line for a web page; nothing finer than the file for a Word file
    or a PDF (no lines: the place, 表 3 第 5 行 or 第 2 页, goes into the message)."""

    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    place: str | None = None  # said in the message, for a file without lines


@record(frozen=True, slots=True)
class Run:
    """What one gxlint run found: its findings (sorted), the source lines they point at, the
    rules they come from (as the packs used define them), and the files it could not check."""

    # In order (path, line, column, code); a batch's are read from its spool as they are
    # iterated (app/spool.py): a renderer goes through them, it never indexes them.
    findings: Collection[Finding]
    sources: Mapping[str, Mapping[int, str]] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    failures: list[GxlintError] = field(default_factory=list)
    files: int = 0  # how many files were checked, failures included
    places: Mapping[str, Mapping[int, str]] = field(default_factory=dict)  # path → line → place
    summary: bool = True  # the closing count (--quiet: findings only)
    about: Mapping[str, About] = field(default_factory=dict)  # path → agency, kind, year…
    rules_url: str = RULES_URL  # where the rule pages are

    def place(self, finding: Finding) -> str | None:
        """Where a finding is in its input, for a web page or a Word file (text: None)."""
        return self.places.get(finding.path, {}).get(finding.span.line)

    def location(self, finding: Finding) -> Location:
        """Where a finding is in its file's own terms (CI annotations, SARIF)."""
        place = self.place(finding)
        span = finding.span
        if place is None:
            return Location(span.line, span.column, span.end_line, span.end_column)
        line = html_line(place)
        return Location(line, end_line=line) if line is not None else Location(place=place)


class PathOrdered(Mapping[str, T]):
    """A mapping by path whose paths come in sorted order, each once (a batch's spooled reports:
    app/spool.py): read as they come, never all held at once."""


def each_once(paths: Iterable[str]) -> Iterator[str]:
    """Sorted paths, each once."""
    last = None
    for path in paths:
        if path != last:
            yield path
        last = path


def by_report(run: Run, *paths: Iterable[str]) -> Iterator[tuple[str, list[Finding]]]:
    """Each report's findings, by path in sorted order: every path of `paths` (without findings
    too; a PathOrdered's read in its order, any other's sorted) and every path a finding names,
    each report's findings read as they come (the run's are in path order: no more than one
    report's are held)."""
    listed = each_once(merge(*(p if isinstance(p, PathOrdered) else sorted(p) for p in paths)))
    findings = iter(run.findings)
    pending, following = next(findings, None), next(listed, None)
    while True:
        if pending is not None and (following is None or pending.path <= following):
            path = pending.path
            if following == path:
                following = next(listed, None)
        elif following is not None:
            path, following = following, next(listed, None)
        else:
            return
        own: list[Finding] = []
        while pending is not None and pending.path == path:
            own.append(pending)
            pending = next(findings, None)
        yield path, own
