"""Every use gxlint makes of another library's internals, in one place, each behind a function
that says what it needs. tests/test_internals.py holds each to what gxlint relies on, so a new
Python or Lark that changes one fails that test by name rather than a report's check.

- Python's parser of regular expressions (`re._parser`, `re._constants`): what a pack's
  pattern must contain, so that a text without it is not searched (kinds/_patterns.py). Without
  it (another Python) every text is searched: slower, the same findings.
- `re.Pattern.scanner`: successive matches each starting where the last ended, as Lark's lexer
  matches (document/scan.py).
- Lark's basic lexer (`lexer.scanner.terminals`, `lexer.callback`, `lexer.g_regex_flags`): the
  grammar's terminals as one pattern, in the lexer's order (document/scan.py). Needed only to
  rebuild the scanner's cache entry; pyproject.toml pins the Lark versions this is known for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:  # internal modules of the standard library (Python 3.11 and later)
    from re import _constants as regex_ops
    from re import _parser as _regex_parser
except ImportError:  # pragma: no cover - a Python without them: no shortcut, same findings
    regex_ops = None
    _regex_parser = None

# A parsed pattern's item: an opcode (regex_ops.LITERAL, .BRANCH, ...) and its argument.
RegexItem = tuple[Any, Any]


def regex_items(pattern: str) -> list[RegexItem] | None:
    """The top-level items of `pattern` as Python's own parser reads it, or None where that
    parser is missing, the pattern does not compile, or it ignores case (its literals are then
    not the strings a match holds)."""
    if _regex_parser is None:
        return None
    try:
        tree = _regex_parser.parse(pattern)
    except re.error:
        return None
    return None if tree.state.flags & re.IGNORECASE else list(tree)


def successive_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text`, each starting where the last ended (none skipped
    over), up to the first place where it does not match."""
    scanner: Any = pattern.scanner(text)  # type: ignore[attr-defined]
    return iter(scanner.match, None)


def lark_terminal_pattern(grammar: str) -> tuple[str, int]:
    """The pattern Lark's basic lexer matches `grammar`'s terminals with (one named group per
    terminal, in the lexer's order) and its flags (Lark in lexer-only mode: no parser tables)."""
    from lark import Lark

    lexer: Any = Lark(grammar, parser=None, lexer="basic").lexer
    terminals = lexer.scanner.terminals  # built on first use: `callback` exists only then
    if lexer.callback:  # a terminal Lark tells apart after matching: not one pattern then
        raise RuntimeError("grammar/report.lark: a terminal needs a lexer callback")
    alternatives = (f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals)
    return "|".join(alternatives), int(lexer.g_regex_flags)
