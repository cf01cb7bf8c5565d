"""Text → Lark parse tree. The parser is built once per process, and cached by Lark in
gxlint's private cache folder (cachedir.py)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from gxlint.cachedir import parser_cache
from gxlint.resources import resource_dir

if TYPE_CHECKING:
    from lark import Lark, Tree

# A report with more lines than this that the grammar cannot place is not worth recovering.
MAX_UNPARSED_LINES = 200


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


def parse_report(text: str) -> tuple[Tree, list[int]]:
    """Parse a whole report. Lines the grammar cannot place are blanked and their numbers returned.

    The text must end with a newline (the reader guarantees it).
    """
    from lark.exceptions import UnexpectedInput

    parser = report_parser()
    unparsed: list[int] = []
    lines: list[str] | None = None
    while True:
        try:
            return parser.parse(text), unparsed
        except UnexpectedInput as exc:
            lineno = getattr(exc, "line", -1)
            if lineno < 1 or len(unparsed) >= MAX_UNPARSED_LINES:
                raise
            lines = lines or text.split("\n")
            if not lines[lineno - 1]:
                raise
            unparsed.append(lineno)
            lines[lineno - 1] = ""
            text = "\n".join(lines)
