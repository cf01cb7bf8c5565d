"""Text → typed lines with their tokens, by the grammar's own terminals.

`grammar/report.lark` is the one definition of how a report is tokenised. Lark compiles its
terminals into one pattern, tried in its lexer's order (priority, then width); that pattern is
kept in gxlint's cache (cachedir.py; shipped prebuilt too), valid while the grammar, this module
and the Lark installed are those it was made with, so a run scans without importing Lark. Every
line of the grammar stands alone, so a line is scanned alone: its tokens by the pattern, then its
shape by the grammar's line rules (see `_shape`). tests/test_scan.py proves that this gives the
same lines as Lark's own parse on every corpus text, every rule case and fuzzed mutations.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from gxlint.cachedir import read_entry, write_entry
from gxlint.internals import lark_terminal_pattern, successive_matches
from gxlint.resources import resource_dir

SCANNER_ENTRY = "scanner-report.json"
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
    paragraph, blank; None if the grammar cannot place it) and its tokens, newline excluded (a
    table row's are not kept: its cells are read from its text)."""
    if line.count("\t") > MAX_CELLS:
        return None, []
    # Each match starts where the last one ended, as in Lark's lexer; the first character no
    # terminal matches ends them, and the line is not the grammar's unless they reach its end.
    found = list(successive_matches(terminal_pattern(), line + "\n"))
    end = found.pop() if found else None
    if end is None or end.start() != len(line) or end.lastgroup != "_NL":
        return None, []
    kind = _shape([m.lastgroup or "" for m in found])
    if kind in ("row", "pipe_row"):
        return kind, []
    return kind, [(m.lastgroup or "", m.group(), m.start()) for m in found]


def line_kind(line: str) -> tuple[str | None, str]:
    """A line's kind (as `scan_line` gives it) and its heading or item number, if any, without
    scanning what the grammar's line rules settle from the line's characters: every character
    but a tab, a bar and a newline is content (TEXT, or a digit that starts a NUMBER), and no
    heading or item number matches on a line with a tab in it. So a line with a tab and no bar
    is a row, and one with neither is typed by its first token (a heading or item number, or
    content: a paragraph). tests/test_scan.py holds the grammar to both facts."""
    if "|" in line or line.count("\t") > MAX_CELLS:
        return _scanned_kind(line)
    if "\t" in line:
        return "row", ""
    if not line:
        return "blank", ""
    first = terminal_pattern().match(line)
    if first is None:  # a character the grammar's content does not hold: the full scan says
        return _scanned_kind(line)
    if first.lastgroup in _NUMBERED:
        return _NUMBERED[first.lastgroup], first.group().strip()
    return "paragraph", ""


def _scanned_kind(line: str) -> tuple[str | None, str]:
    kind, tokens = scan_line(line)
    numbered = bool(tokens) and tokens[0][0] in _NUMBERED
    return kind, tokens[0][1].strip() if numbered else ""


def _shape(names: list[str]) -> str | None:
    """The grammar's line rules, on a line's token types: a heading or item number, then any
    content; a pipe row: | then cells and bars; a tab row: cells, tabs and number cells (no |,
    no more than MAX_CELLS tabs, as scan_line sees to); else a paragraph."""
    if not names:
        return "blank"
    first = names[0]
    rest = set(names[1:])
    if first in _NUMBERED or first == "_PIPE_START":
        return _NUMBERED.get(first, "pipe_row") if rest <= _CONTENT else None
    if "_TAB" in rest or "NUMBER_CELL" in rest or first in ("_TAB", "NUMBER_CELL"):
        return "row" if rest <= _ROW and first in _ROW else None
    return "paragraph" if rest <= _CONTENT and first in _CONTENT else None


@cache
def terminal_pattern() -> re.Pattern[str]:
    """The grammar's terminals as one pattern: from the cache, or from Lark (then cached)."""
    data = read_entry(SCANNER_ENTRY, _is_current)
    with contextlib.suppress(TypeError, KeyError, re.error):
        if data is not None:
            return re.compile(data["pattern"], data["flags"])
    data = scanner_entry()
    write_entry(SCANNER_ENTRY, data)
    return re.compile(data["pattern"], data["flags"])


def scanner_entry() -> dict[str, Any]:
    """The pattern Lark makes of the grammar's terminals, its flags, and what it depends on."""
    pattern, flags = lark_pattern()
    return {**_sources(), "pattern": pattern, "flags": flags}


def lark_pattern() -> tuple[str, int]:
    """The pattern Lark's basic lexer matches the grammar's terminals with, and its flags
    (Lark in lexer-only mode: no parser tables to build)."""
    return lark_terminal_pattern(_grammar_file().read_text("utf-8"))


def _grammar_file() -> Path:
    return resource_dir("grammar") / "report.lark"


def _is_current(data: dict[str, Any]) -> bool:
    return all(data[name] == digest for name, digest in _sources().items())


@cache
def _sources() -> dict[str, str]:
    """What the pattern depends on: the grammar, this module and gxlint/internals.py; the Lark
    installed."""
    from importlib.util import find_spec

    from gxlint import internals

    grammar = hashlib.sha256(_grammar_file().read_bytes())
    for module in (__file__, internals.__file__):
        grammar.update(Path(module).read_bytes())
    lark = hashlib.sha256()
    spec = find_spec("lark")
    if spec is not None and spec.origin:
        lark.update(Path(spec.origin).read_bytes())  # lark/__init__.py: its version
    return {"grammar": grammar.hexdigest(), "lark": lark.hexdigest()}
