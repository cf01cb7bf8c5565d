"""Typed lines → Document: lines with their kind, number and cells (their tokens are scanned
when asked: document/model.py), title, sections."""

from __future__ import annotations

import re

from gxlint.document.model import Cell, Document, Line, LineKind, Section, Span, made
from gxlint.document.nfkc import nfkc
from gxlint.document.scan import line_kind

_PIPE_SEPARATOR = re.compile(r"^[\s|:\-–—]+$")
_TITLE_END = re.compile(r"报告|年报")
_KINDS = {kind.value: kind for kind in LineKind}  # a dictionary: the enum's call is slower


def build_document(path: str, text: str) -> Document:
    """Tokenise `text` and build the document model."""
    if not text.endswith("\n"):
        text += "\n"
    lines: list[Line] = []
    unparsed: list[Line] = []
    # NFKC folds no line break and none into another character: the folded text's lines are
    # the lines folded (one call for the whole text, not one a line; tests/test_nfkc.py).
    folded = nfkc(text).split("\n")
    for lineno, raw in enumerate(text.split("\n")[:-1], start=1):
        kind, number = line_kind(raw)
        line = _line(kind, number, lineno, raw, folded[lineno - 1])
        lines.append(line)
        if kind is None:
            unparsed.append(line)
    title, preamble, sections = _split_sections(lines)
    return Document(
        path=path,
        text=text,
        lines=lines,
        title=title,
        preamble=preamble,
        sections=sections,
        unparsed=unparsed,
    )


def _line(kind: str | None, number: str, lineno: int, raw: str, folded: str) -> Line:
    """A typed line as the model has it; a line the grammar cannot place is a paragraph
    without tokens."""
    indent = len(raw) - len(raw.lstrip())
    span = made(Span, (lineno, indent + 1, lineno, max(len(raw.rstrip()), indent) + 1))
    if kind is None:
        return Line(LineKind.PARAGRAPH, lineno, raw, folded, span, placed=False)
    if kind in ("row", "pipe_row"):
        return Line(LineKind.ROW, lineno, raw, folded, span, cells=_cells(kind, lineno, raw))
    return Line(_KINDS[kind], lineno, raw, folded, span, number)


def _cells(kind: str, lineno: int, raw: str) -> list[Cell]:
    """A row's cells: between its tabs, or between the bars of a pipe row."""
    separator = "|" if kind == "pipe_row" else "\t"
    parts = raw.split(separator)
    column = 1
    if separator == "|":
        column = len(parts[0]) + 2
        parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    cells: list[Cell] = []
    for part in parts:
        text = part.strip()
        if text is part:  # nothing stripped (most cells): str.strip returns the same string
            start = column
        else:
            start = column + part.find(text[0]) if text else column + len(part)
        cells.append(made(Cell, (text, lineno, start, lineno, start + len(text))))
        column += len(part) + 1
    if separator == "|" and all(_PIPE_SEPARATOR.match(c.text or "-") for c in cells):
        return []
    return cells


def _split_sections(lines: list[Line]) -> tuple[list[Line], list[Line], list[Section]]:
    first_heading = next(
        (i for i, ln in enumerate(lines) if ln.kind is LineKind.HEADING1), len(lines)
    )
    front = [ln for ln in lines[:first_heading] if ln.kind is not LineKind.BLANK]
    title_end = next((i for i, ln in enumerate(front[:3]) if _TITLE_END.search(ln.raw)), 0)
    title, preamble = front[: title_end + 1], front[title_end + 1 :]
    sections: list[Section] = []
    for ln in lines[first_heading:]:
        if ln.kind is LineKind.HEADING1:
            sections.append(Section(number=_numeral(ln.number), title=ln.text, heading=ln))
        else:
            sections[-1].lines.append(ln)
    return title, preamble, sections


def _numeral(number: str) -> str:
    return re.sub(r"[\s\u3000、．.]", "", number)
