"""Prose as rules match it: a section's lines joined, NFKC-folded, stray spaces and page numbers
dropped (PDF text breaks sentences across lines and puts spaces between characters), with a map
from every character back to its source line and column, so findings still point at the source.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence

from gxlint.document.model import Line, LineKind, Span, made
from gxlint.records import field, record

# A line that is only a page number or a running page mark: "- 3 -", "3", "第 3 页 共 9 页".
_PAGE_MARK = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|\d{1,3}|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$"
)


# Where a run of folded text comes from: its start in the text, its source line, the source
# column of each character of that line's folded text, and the index of the run's first
# character in them. (A run, not a character: a report's prose has thousands of characters.)
Run = tuple[int, int, Sequence[int], int]


@record(frozen=True, slots=True, eq=False)
class Prose:
    """A section's prose folded into one text, with the way back to source lines and columns."""

    text: str
    runs: tuple[Run, ...]
    # (start, end) of each sentence: text up to 。；; or the end (several kinds ask for them)
    sentences: tuple[tuple[int, int], ...] = ()
    # Derived: each run's start in the text, searched for every span a finding or fact takes.
    run_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "run_starts", [run[0] for run in self.runs])

    def position(self, at: int) -> tuple[int, int]:
        """The source line and column of text[at]."""
        start, line, columns, first = self.runs[bisect_right(self.run_starts, at) - 1]
        return line, columns[first + at - start]

    def line_of(self, at: int) -> int:
        return self.runs[bisect_right(self.run_starts, at) - 1][1]

    def starts(self, at: int, after: str) -> bool:
        """Whether `at` starts the text or a source line, or follows one of the marks `after`."""
        return at == 0 or self.text[at - 1] in after or self.line_of(at) != self.line_of(at - 1)

    def span(self, start: int, end: int) -> Span:
        """The source span of text[start:end] (on the line of its first character)."""
        line, column = self.position(start)
        last_line, last_column = self.position(max(start, end - 1))
        if last_line != line:
            return made(Span, (line, column, line, column + 1))
        return made(Span, (line, column, line, last_column + 1))


_SENTENCE_END = re.compile(r"[。;；]")


_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _normalised(line: Line) -> tuple[str, Sequence[int]]:
    """NFKC of a line, with the source column of each character (NFKC may change lengths)."""
    whole, raw = line.folded, line.raw
    if len(whole) == len(raw):
        return whole, range(1, len(raw) + 1)
    chars: list[str] = []
    columns: list[int] = []
    for index, ch in enumerate(raw):
        folded = unicodedata.normalize("NFKC", ch)
        chars.append(folded)
        columns.extend([index + 1] * len(folded))
    return "".join(chars), columns


def fold(lines: list[Line]) -> Prose:
    """Join the prose lines (headings, items, paragraphs) of `lines` into one matchable text.

    Whitespace goes, except one space where it (or a line break) separated two ASCII letters or
    digits, so that numbers broken across PDF lines do not run together; the space is placed
    where the character before it is."""
    parts: list[str] = []
    runs: list[Run] = []
    size = 0
    last = ""
    for line in lines:
        if line.kind in (LineKind.ROW, LineKind.BLANK) or _PAGE_MARK.match(line.raw):
            continue
        text, columns = _normalised(line)
        at = 0
        for chunk in text.split():  # its runs of characters that are not spaces (\S+)
            at = text.find(chunk, at)  # only spaces before it since the last one
            if last in _ASCII_ALNUM and chunk[0] in _ASCII_ALNUM:
                start, lineno, before, first = runs[-1]
                runs.append((size, lineno, before, first + size - 1 - start))
                parts.append(" ")
                size += 1
            runs.append((size, line.lineno, columns, at))
            parts.append(chunk)
            size += len(chunk)
            at += len(chunk)
            last = chunk[-1]
    text = "".join(parts)
    return Prose(text, tuple(runs), _sentences(text))


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    return tuple(zip([0, *ends[:-1]], ends, strict=True)) if text else ()


def fold_pattern(pattern: str) -> str:
    """A regular expression written for prose, folded as `fold` folds the prose: a character
    NFKC changes (，（ ：) becomes its folded form, escaped (the prose has `,` `(` `:`), so
    a pattern written with full-width punctuation matches. ASCII is left as written."""
    if pattern.isascii():
        return pattern
    out = []
    for ch in pattern:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(ch if folded == ch else re.escape(folded))
    return "".join(out)
