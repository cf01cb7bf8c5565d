"""Parse tree → Document: typed lines with tokens and cells, title, sections and their tables."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from gxlint.document.model import (
    Cell,
    Document,
    Line,
    LineKind,
    Section,
    Span,
    Token,
    TokenKind,
)
from gxlint.document.numbers import UNIT_PATTERN, parse_number
from gxlint.document.parse import parse_report

if TYPE_CHECKING:
    from lark import Token as LarkToken
    from lark import Tree

_NUMBER_TOKENS = {"H1_NUM", "H2_NUM", "ITEM_NUM"}
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-–—]+$")
_TITLE_END = re.compile(r"报告|年报")
_UNIT = re.compile(rf"^(.*?)[ \u3000]*({UNIT_PATTERN})?$")


def build_document(path: str, text: str) -> Document:
    """Tokenise `text` and build the document model."""
    if not text.endswith("\n"):
        text += "\n"
    tree, unparsed = parse_report(text)
    raw_lines = text.split("\n")
    # Every source line is exactly one child of the tree, so a line's number is its position.
    lines = [_line(node, n, raw_lines[n - 1]) for n, node in enumerate(tree.children, start=1)]
    for lineno in unparsed:
        raw = raw_lines[lineno - 1]
        lines[lineno - 1] = Line(LineKind.PARAGRAPH, lineno, raw, _line_span(lineno, raw))
    title, preamble, sections = _split_sections(lines)
    return Document(
        path=path,
        text=text,
        lines=lines,
        title=title,
        preamble=preamble,
        sections=sections,
        unparsed=[lines[n - 1] for n in unparsed],
    )


def _line_span(lineno: int, raw: str) -> Span:
    indent = len(raw) - len(raw.lstrip())
    return Span(lineno, indent + 1, lineno, max(len(raw.rstrip()), indent) + 1)


def _line(node: Tree, lineno: int, raw: str) -> Line:
    kind = LineKind(node.data if node.data != "pipe_row" else "row")
    line = Line(kind, lineno, raw, _line_span(lineno, raw))
    if kind is LineKind.ROW:
        line.cells = _cells(node, lineno, raw)
        return line
    children = list(node.children)
    if children and children[0].type in _NUMBER_TOKENS:
        line.number = children.pop(0).strip()
    line.tokens = _tokens(children)
    return line


def _cells(node: Tree, lineno: int, raw: str) -> list[Cell]:
    separator = "|" if raw.lstrip().startswith("|") else "\t"
    parts = raw.split(separator)
    start = 0
    if separator == "|":
        start = len(parts[0]) + 1
        parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    cells: list[Cell] = []
    column = start + 1
    # One child per cell, in order: a `cell` subtree, or a NUMBER_CELL token (tab and number);
    # in a pipe row, the BAR tokens between cells are separators.
    children = [c for c in node.children if getattr(c, "type", None) != "BAR"]
    for part, child in zip(parts, children, strict=False):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        span = Span(lineno, column + lead, lineno, column + lead + len(text))
        if getattr(child, "type", None) == "NUMBER_CELL":
            tokens = [Token(TokenKind.NUMBER, text, span, parse_number(text))]
        else:
            tokens = _tokens(child.children)
        cells.append(Cell(text=text, span=span, tokens=tokens))
        column += len(part) + 1
    if separator == "|" and all(_PIPE_SEPARATOR.match(c.text or "-") for c in cells):
        return []
    return cells


def _tokens(children: list[LarkToken]) -> list[Token]:
    """Model tokens from Lark tokens; a NUMBER's unit, if it has one, is split off its value."""
    tokens: list[Token] = []
    for tok in children:
        span = Span(tok.line, tok.column, tok.end_line, tok.end_column)
        if tok.type == "NUMBER":
            value, unit = _UNIT.match(tok).groups()
            tokens.append(Token(TokenKind.NUMBER, str(tok), span, parse_number(value), unit))
        elif tok.type == "YEAR":
            digits = unicodedata.normalize("NFKC", str(tok))[:4]
            tokens.append(Token(TokenKind.YEAR, str(tok), span, Decimal(digits)))
        else:
            tokens.append(Token(TokenKind.TEXT, str(tok), span))
    return tokens


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
