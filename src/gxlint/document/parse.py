"""Text → Lark parse tree. The parser is built once per process, and cached by Lark in
gxlint's private cache folder (cachedir.py)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from gxlint.cachedir import parser_cache
from gxlint.resources import resource_dir

if TYPE_CHECKING:
    from lark import Lark, Tree


@cache
def report_parser() -> Lark:
    from lark import Lark

    grammar = resource_dir("grammar") / "report.lark"
    # The basic lexer: no terminal of the grammar depends on the parser's state to be told apart.
    return Lark(
        grammar.read_text("utf-8"),
        parser="lalr",
        lexer="basic",
        cache=parser_cache("report"),
        maybe_placeholders=False,
    )


MAX_CELLS = 256  # the widest table of the format has 17 cells; a longer "row" is no table row


def parse_report(text: str) -> tuple[Tree, list[int]]:
    """Parse a whole report: one child of the tree per source line. Lines the grammar cannot
    place (and "rows" of more than MAX_CELLS cells) are given as empty paragraphs and their
    numbers returned.

    The text must end with a newline (the reader guarantees it). Every line of the grammar
    stands alone, so after the first line that fails, the good text before it is parsed at
    once and the rest line by line: time stays linear however many lines fail.
    """
    from lark.exceptions import UnexpectedInput

    parser = report_parser()
    lines = text.split("\n")[:-1]
    first = next((n for n, line in enumerate(lines, 1) if line.count("\t") > MAX_CELLS), 0)
    if not first:
        try:
            return parser.parse(text), []
        except UnexpectedInput as exc:
            first = max(1, getattr(exc, "line", 1) or 1)
    return _line_by_line(parser, lines, first)


def _line_by_line(parser: Lark, lines: list[str], first: int) -> tuple[Tree, list[int]]:
    from lark import Tree

    head = "\n".join(lines[: first - 1]) + "\n"
    children = list(parser.parse(head).children) if first > 1 else []
    unparsed: list[int] = []
    for lineno in range(first, len(lines) + 1):
        tree = _parse_line(parser, lines[lineno - 1])
        if tree is None:
            unparsed.append(lineno)
            children.append(Tree("paragraph", []))
        else:
            children += tree.children
    return Tree("start", children), unparsed


def _parse_line(parser: Lark, line: str) -> Tree | None:
    from lark.exceptions import UnexpectedInput

    if line.count("\t") > MAX_CELLS:
        return None
    try:
        return parser.parse(line + "\n")
    except UnexpectedInput:
        return None
