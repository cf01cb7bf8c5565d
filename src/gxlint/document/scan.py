"""Text → typed lines with their tokens, by the grammar's own terminals.

`grammar/report.lark` is the one definition of how a report is tokenised. Lark compiles its
terminals into one pattern, tried in its lexer's order (priority, then width); that pattern is
kept in gxlint's private cache, keyed by the bytes of the grammar, of Lark and of this module,
so a warm run scans without importing Lark at all. Every line of the grammar stands alone, so a
line is scanned alone: its tokens by the pattern, then its shape by the grammar's line rules
(see `_shape`). tests/test_scan.py proves that this gives the same lines as Lark's own parse on
every corpus text, every rule case and fuzzed mutations.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from functools import cache
from pathlib import Path

from gxlint.cachedir import is_own_file, private_cache_dir
from gxlint.resources import resource_dir

MAX_CELLS = 256  # the widest table of the format has 17 cells; a longer "row" is no table row

# A scanned token: its terminal's name, its text and its 0-based start column.
ScannedToken = tuple[str, str, int]

_NUMBERED = {"H1_NUM": "heading1", "H2_NUM": "heading2", "ITEM_NUM": "item"}
# What a paragraph, a heading's or item's text, or a pipe row's cells may hold.
_CONTENT = frozenset({"TEXT", "YEAR", "NUMBER", "BAR"})
# What a tab-separated row may hold: cell contents (no |) and the tabs between cells.
_ROW = frozenset({"TEXT", "YEAR", "NUMBER", "_TAB", "NUMBER_CELL"})


def scan_line(line: str) -> tuple[str | None, list[ScannedToken]]:
    """A source line (without its newline) → its kind (heading1, heading2, item, row, pipe_row,
    paragraph, blank; None if the grammar cannot place it) and its tokens, newline excluded."""
    if line.count("\t") > MAX_CELLS:
        return None, []
    matches = terminal_pattern().finditer(line + "\n")
    tokens = [(m.lastgroup or "", m.group(), m.start()) for m in matches]
    # The matches do not overlap: they leave no character out when their lengths add up to
    # the line's (else the lexer would stop at the first one left out).
    if sum(len(t[1]) for t in tokens) != len(line) + 1 or tokens.pop()[0] != "_NL":
        return None, []
    return _shape(tokens), tokens


def _shape(tokens: list[ScannedToken]) -> str | None:
    """The grammar's line rules, on a line's token types: a heading or item number, then any
    content; a pipe row: | then cells and bars; a tab row: cells, tabs and number cells (no |,
    no more than MAX_CELLS tabs, as scan_line sees to); else a paragraph."""
    if not tokens:
        return "blank"
    first = tokens[0][0]
    rest = {t[0] for t in tokens[1:]}
    if first in _NUMBERED or first == "_PIPE_START":
        return _NUMBERED.get(first, "pipe_row") if rest <= _CONTENT else None
    if "_TAB" in rest or "NUMBER_CELL" in rest or first in ("_TAB", "NUMBER_CELL"):
        return "row" if rest <= _ROW and first in _ROW else None
    return "paragraph" if rest <= _CONTENT and first in _CONTENT else None


@cache
def terminal_pattern() -> re.Pattern[str]:
    """The grammar's terminals as one pattern: from the cache, or from Lark (then cached)."""
    key = _key()
    entry = _cache_entry()
    if entry is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, re.error):
            if is_own_file(entry):
                data = json.loads(entry.read_text("utf-8"))
                if data["key"] == key:
                    return re.compile(data["pattern"], data["flags"])
    pattern, flags = lark_pattern()
    if entry is not None:
        from gxlint.atomic import write_atomically

        text = json.dumps({"key": key, "pattern": pattern, "flags": flags}, ensure_ascii=False)
        with contextlib.suppress(OSError):
            write_atomically(entry, text.encode("utf-8"))
    return re.compile(pattern, flags)


def lark_pattern() -> tuple[str, int]:
    """The pattern Lark's basic lexer matches the grammar's terminals with, and its flags
    (Lark in lexer-only mode: no parser tables to build)."""
    from lark import Lark

    lexer = Lark(_grammar_file().read_text("utf-8"), parser=None, lexer="basic").lexer
    scanner = lexer.scanner
    if lexer.callback:  # a terminal Lark tells apart after matching: not one pattern then
        raise RuntimeError("grammar/report.lark: a terminal needs a lexer callback")
    alternatives = (f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in scanner.terminals)
    return "|".join(alternatives), lexer.g_regex_flags


def _grammar_file() -> Path:
    return resource_dir("grammar") / "report.lark"


def _cache_entry() -> Path | None:
    folder = private_cache_dir()
    return None if folder is None else folder / "scanner-report.json"


def _key() -> str:
    """What the cached pattern depends on: the grammar, the Lark installed, this module."""
    from importlib.util import find_spec

    digest = hashlib.sha256(_grammar_file().read_bytes())
    digest.update(Path(__file__).read_bytes())
    spec = find_spec("lark")
    if spec is not None and spec.origin:
        digest.update(Path(spec.origin).read_bytes())  # lark/__init__.py: its version
    return digest.hexdigest()
