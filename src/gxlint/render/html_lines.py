"""A report's lines as HTML for the reviewers' page: prose as paragraphs, tab-separated rows as
tables, and each finding marked where it is — its words underlined, its table cell highlighted.
Every finding gets exactly one element with the id `f-N` (the side list links to it): its first
marked piece, or a pin where it has no width or no place on its line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from html import escape
from itertools import accumulate, pairwise

from gxlint.findings import Finding
from gxlint.records import field, record

Numbered = tuple[int, Finding]  # a finding and its number on the page
_Span = tuple[int, Finding, int, int]  # its number, the finding, its [start, end) on the line


@record
class _Line:
    """One line being marked: its findings as 0-based [start, end) character ranges."""

    text: str
    spans: list[_Span] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)  # findings whose id is already on the page


def render_lines(lines: Mapping[int, str], findings: list[Numbered]) -> str:
    """The lines in order (prose and tables), with `findings` marked on them; findings on no
    line shown (a whole-document finding, an unreadable file) are pinned above the text."""
    by_line: dict[int, list[Numbered]] = {}
    for number, finding in findings:
        key = finding.span.line if finding.span.line in lines else 0
        by_line.setdefault(key, []).append((number, finding))
    parts = [_pins(by_line.get(0, []))]
    for block in _blocks(lines):
        rows = [_line(n, lines[n], by_line.get(n, [])) for n in block]
        if "\t" in lines[block[0]]:
            parts.append(f'<table class="rows">{"".join(_row(*r) for r in rows)}</table>')
        else:
            parts.extend(_prose(*r) for r in rows)
    return "".join(parts)


def _blocks(lines: Mapping[int, str]) -> Iterator[list[int]]:
    """Runs of consecutive table rows (lines with a tab); each prose line on its own."""
    run: list[int] = []
    for n in sorted(lines):
        joins = run and run[-1] == n - 1 and "\t" in lines[n] and "\t" in lines[run[-1]]
        if run and not joins:
            yield run
            run = []
        run.append(n)
    if run:
        yield run


def _line(number: int, text: str, findings: list[Numbered]) -> tuple[int, _Line]:
    line = _Line(text)
    for index, finding in findings:
        span = finding.span
        end = span.end_column - 1 if span.end_line == span.line else len(text)
        start = min(max(span.column - 1, 0), len(text))
        line.spans.append((index, finding, start, max(start, min(end, len(text)))))
    return number, line


def _prose(number: int, line: _Line) -> str:
    body = _marked(line, 0, len(line.text), line.spans) + _leftover(line)
    return f'<p class="line" id="L{number}"><span class="ln">{number}</span>{body}</p>'


def _row(number: int, line: _Line) -> str:
    texts = line.text.split("\t")
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    by_cell: list[list[_Span]] = [[] for _ in texts]
    for span in line.spans:  # each finding to the cells it touches, found by bisection
        _, _, start, end = span
        first = bisect_right(starts, start) - 1
        for cell in range(max(first - 1, 0), len(texts)):
            if starts[cell] > end:
                break
            if _touches(start, end, starts[cell], starts[cell] + len(texts[cell])):
                by_cell[cell].append(span)
    cells = []
    for cell, text in enumerate(texts):
        low, touched = starts[cell], by_cell[cell]
        flag = (
            f' class="flag sev-{max(f.severity for _, f, _, _ in touched).label}"'
            if touched
            else ""
        )
        cells.append(f"<td{flag}>{_marked(line, low, low + len(text), touched)}</td>")
    cells[-1] = cells[-1].replace("</td>", _leftover(line) + "</td>")  # split gives ≥ 1 cell
    return f'<tr id="L{number}"><th class="ln">{number}</th>{"".join(cells)}</tr>'


def _marked(line: _Line, low: int, high: int, spans: list[_Span]) -> str:
    """Characters [low, high) of the line, each finding's part wrapped in its own mark. One
    sweep over the places where marks start and end: time grows with the findings and the
    marks they make, not with their square (a report of one long line and many findings)."""
    starts: dict[int, list[_Span]] = {}
    ends: dict[int, list[int]] = {}
    pins: dict[int, list[Numbered]] = {}
    for i, f, s, e in spans:
        if not _touches(s, e, low, high):
            continue
        s, e = max(s, low), min(e, high)
        if s == e:
            pins.setdefault(s, []).append((i, f))
        else:
            starts.setdefault(s, []).append((i, f, s, e))
            ends.setdefault(e, []).append(i)
    cuts = sorted({low, high, *starts, *ends})
    active: dict[int, Finding] = {}
    out = []
    for a, b in list(pairwise(cuts)) or [(low, low)]:
        for i in ends.get(a, ()):
            active.pop(i, None)
        active.update((i, f) for i, f, _, _ in starts.get(a, ()))
        out.append(_pins(pins.get(a, []), line.placed))
        piece = escape(line.text[a:b])
        for i in sorted(active):
            piece = f"<mark {_attributes(i, active[i], line.placed)}>{piece}</mark>"
        out.append(piece)
    return "".join(out)


def _touches(start: int, end: int, low: int, high: int) -> bool:
    """Whether [start, end) overlaps [low, high), or is an empty range at a place in it."""
    return start < high and end > low if start < end else low <= start <= high


def _leftover(line: _Line) -> str:
    """A pin for each finding of the line not marked yet (its range fell between cells)."""
    return _pins([(i, f) for i, f, *_ in line.spans], line.placed)


def _pins(findings: list[Numbered], placed: set[int] | None = None) -> str:
    placed = set() if placed is None else placed
    return "".join(
        f"<span {_attributes(i, f, placed, 'pin ')}>◆</span>"
        for i, f in findings
        if i not in placed
    )


def _attributes(number: int, finding: Finding, placed: set[int], kind: str = "") -> str:
    """The attributes of a finding's mark: its id the first time, its class (one attribute:
    a pin keeps its severity's colour), its severity and message."""
    first = number not in placed
    placed.add(number)
    tip = escape(f"{finding.code} {finding.message}", quote=True)
    anchor = f'id="f-{number}" ' if first else ""
    return f'{anchor}class="{kind}sev-{finding.severity.label}" data-f="{number}" title="{tip}"'
