"""The document model every rule and renderer works on: spans, tokens, lines, sections.

There is one table model, in three roles: `pack.template.TableSpec` is a table as the format
defines it (captions, columns, rows and their keys); `analysis.tables.model.TableMatch` is that
table as recognised in a report (its rows placed on template rows, its cells valued); the
`gxlint parse` view only renders a TableMatch. Here a table is nothing but its rows: lines of
kind ROW, with their cells.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from gxlint.document.nfkc import nfkc
from gxlint.document.numbers import UNIT_PATTERN, parse_number
from gxlint.document.scan import ScannedToken, scan_line
from gxlint.records import field, record

_UNIT = re.compile(rf"^(.*?)[ \u3000]*({UNIT_PATTERN})?$")
# Named tuples made by the hundred per report (spans, table values) are made by `made(Span,
# (line, column, end_line, end_column))`: straight as the tuples they are, without the Python
# call a named tuple's own constructor adds to each.
made = tuple.__new__


class Span(NamedTuple):
    """A range of source characters: lines and columns are 1-based, end_column is exclusive.
    (A named tuple: a report makes hundreds, and a tuple is made at a third of the cost of a
    frozen record.)"""

    line: int
    column: int
    end_line: int
    end_column: int


class TokenKind(StrEnum):
    TEXT = "text"
    NUMBER = "number"
    YEAR = "year"


class Token(NamedTuple):
    """A piece of a line: plain text, a number (with its unit, if any) or a year (a named
    tuple, as Span)."""

    kind: TokenKind
    text: str
    span: Span
    value: Decimal | None = None
    unit: str = ""


class LineKind(StrEnum):
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    ITEM = "item"
    ROW = "row"
    PARAGRAPH = "paragraph"
    BLANK = "blank"


class Cell(NamedTuple):
    """One table cell: its raw text (stripped) and where it is, a span's four numbers. (Its
    value is read where the table is recognised, from its text and its column:
    analysis/tables/cells.py.) One named tuple a cell, not a Span in a Cell: a report has
    hundreds of cells, and few are ever pointed at; `span` makes a cell's Span when asked."""

    text: str
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def span(self) -> Span:
        return made(Span, self[1:])

    @classmethod
    def spanning(cls, text: str, span: Span) -> Cell:
        """A cell of `text` at `span` (a label joined from two lines spans both)."""
        return made(cls, (text, *span))


@record(slots=True)
class Line:
    """One typed source line. `number` is the heading or item number (一, （一）, 1.), if any."""

    kind: LineKind
    lineno: int
    raw: str
    folded: str  # `raw` NFKC-folded (document/nfkc.py), as prose and labels are compared
    span: Span
    number: str = ""
    cells: list[Cell] = field(default_factory=list)
    placed: bool = True  # False: the grammar has no place for the line (a paragraph, no tokens)
    kept_tokens: list[Token] | None = field(default=None, repr=False, compare=False)  # once read

    @property
    def tokens(self) -> list[Token]:
        """The line's tokens, its heading or item number excluded, scanned when first asked
        (most lines' never are; a table row's never: its cells are read from its text); a
        NUMBER's unit, if it has one, split off its value."""
        if self.kept_tokens is None:
            self.kept_tokens = self._scan()
        return self.kept_tokens

    def _scan(self) -> list[Token]:
        if self.kind is LineKind.ROW or not self.placed:
            return []
        scanned = scan_line(self.raw)[1]
        return [_token(token, self.lineno) for token in scanned[1 if self.number else 0 :]]

    @property
    def text(self) -> str:
        """The line's text without its heading or item number."""
        return self.raw.strip()[len(self.number) :].strip() if self.number else self.raw.strip()


def _token(scanned: ScannedToken, lineno: int) -> Token:
    kind, text, start = scanned
    span = Span(lineno, start + 1, lineno, start + len(text) + 1)
    if kind == "NUMBER":
        value, unit = _UNIT.match(text).groups()  # type: ignore[union-attr]
        return Token(TokenKind.NUMBER, text, span, parse_number(value), unit)
    if kind == "YEAR":
        return Token(TokenKind.YEAR, text, span, Decimal(nfkc(text)[:4]))
    return Token(TokenKind.TEXT, text, span)


@record(slots=True)
class Section:
    """A level-1 section: its heading line and every line up to the next level-1 heading."""

    number: str
    title: str
    heading: Line
    lines: list[Line] = field(default_factory=list)

    def prose_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind not in (LineKind.ROW, LineKind.BLANK)]


@record(slots=True)
class Document:
    """A whole report: the source lines, title lines, sections, and parse problems met."""

    path: str
    text: str
    lines: list[Line]
    title: list[Line]
    preamble: list[Line]
    sections: list[Section]
    unparsed: list[Line] = field(default_factory=list)

    @property
    def source_lines(self) -> list[str]:
        return self.text.split("\n")
