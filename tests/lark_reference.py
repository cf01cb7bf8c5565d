"""The reference the scanner is proven against: Lark's own LALR parse of grammar/report.lark
over the whole text, turned into the document's lines the way gxlint did before it had a
scanner (each child of the parse tree one source line; a text Lark rejects is parsed up to
the failing line at once, then line by line)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import cache

from lark import Lark, Tree
from lark.exceptions import UnexpectedInput

from gxlint.document.model import Cell, Line, LineKind, Span, Token, TokenKind
from gxlint.document.numbers import UNIT_PATTERN, parse_number
from gxlint.document.scan import MAX_CELLS
from gxlint.resources import resource_dir

_NUMBER_TOKENS = {"H1_NUM", "H2_NUM", "ITEM_NUM"}
_PIPE_SEPARATOR = re.compile(r"^[\s|:\-–—]+$")
_UNIT = re.compile(rf"^(.*?)[ \u3000]*({UNIT_PATTERN})?$")


@cache
def report_parser() -> Lark:
    """Lark's LALR parser of the grammar, as gxlint drove it before the scanner."""
    grammar = (resource_dir("grammar") / "report.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", lexer="basic", maybe_placeholders=False)


def reference_lines(text: str) -> tuple[list[Line], list[int], list[list[Token]]]:
    """The lines of `text` (ending in a newline) by Lark's parse, the unplaced lines, and each
    line's tokens as gxlint made them from Lark's (its Line.tokens)."""
    tree, unparsed = _parse(text)
    raw_lines = text.split("\n")
    lines = [_line(node, n, raw_lines[n - 1]) for n, node in enumerate(tree.children, start=1)]
    for n in unparsed:
        lines[n - 1] = (
            Line(
                LineKind.PARAGRAPH,
                n,
                raw_lines[n - 1],
                unicodedata.normalize("NFKC", raw_lines[n - 1]),
                _span(n, raw_lines[n - 1]),
                placed=False,
            ),
            [],
        )
    return [line for line, _ in lines], unparsed, [tokens for _, tokens in lines]


def _parse(text: str) -> tuple[Tree, list[int]]:
    parser = report_parser()
    lines = text.split("\n")[:-1]
    first = next((n for n, line in enumerate(lines, 1) if line.count("\t") > MAX_CELLS), 0)
    if not first:
        try:
            return parser.parse(text), []
        except UnexpectedInput as exc:
            first = max(1, getattr(exc, "line", 1) or 1)
    head = "\n".join(lines[: first - 1]) + "\n"
    children = list(parser.parse(head).children) if first > 1 else []
    unparsed: list[int] = []
    for lineno in range(first, len(lines) + 1):
        try:
            if lines[lineno - 1].count("\t") > MAX_CELLS:
                raise ValueError
            children += parser.parse(lines[lineno - 1] + "\n").children
        except (UnexpectedInput, ValueError):
            unparsed.append(lineno)
            children.append(Tree("paragraph", []))
    return Tree("start", children), unparsed


def _span(lineno: int, raw: str) -> Span:
    indent = len(raw) - len(raw.lstrip())
    return Span(lineno, indent + 1, lineno, max(len(raw.rstrip()), indent) + 1)


def _line(node: Tree, lineno: int, raw: str) -> tuple[Line, list[Token]]:
    kind = LineKind(node.data if node.data != "pipe_row" else "row")
    line = Line(kind, lineno, raw, unicodedata.normalize("NFKC", raw), _span(lineno, raw))
    if kind is LineKind.ROW:
        line.cells = _cells(node, lineno, raw)
        return line, []
    children = list(node.children)
    if children and children[0].type in _NUMBER_TOKENS:
        line.number = children.pop(0).strip()
    return line, _tokens(children, lineno)


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
    children = [c for c in node.children if getattr(c, "type", None) != "BAR"]
    for part, _child in zip(parts, children, strict=False):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        cells.append(Cell(text, lineno, column + lead, lineno, column + lead + len(text)))
        column += len(part) + 1
    if separator == "|" and all(_PIPE_SEPARATOR.match(c.text or "-") for c in cells):
        return []
    return cells


def _tokens(children: list, lineno: int) -> list[Token]:
    # A line parsed alone has its tokens on Lark's line 1: the line is `lineno`. (gxlint before
    # the scanner took Lark's line, so after a line the grammar could not place, every token
    # span pointed at line 1.)
    tokens: list[Token] = []
    for tok in children:
        span = Span(lineno, tok.column, lineno, tok.end_column)
        if tok.type == "NUMBER":
            value, unit = _UNIT.match(tok).groups()
            tokens.append(Token(TokenKind.NUMBER, str(tok), span, parse_number(value), unit))
        elif tok.type == "YEAR":
            digits = unicodedata.normalize("NFKC", str(tok))[:4]
            tokens.append(Token(TokenKind.YEAR, str(tok), span, Decimal(digits)))
        else:
            tokens.append(Token(TokenKind.TEXT, str(tok), span))
    return tokens
