"""Brackets and quotes that are opened and not closed, or closed and never opened (GX520):
（联系地址：…… with no ）, 《《, a stray 」. Each section's prose (and the preamble) is read on its
own, after folding (full-width （） are ( ) there). A lone ） after an item's number (1）, a),
三）) numbers a list and is no bracket."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.prose import Prose
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule

_PAIRS = {"(": ")", "《": "》", "“": "”", "【": "】", "〔": "〕", "「": "」"}
_CLOSES = {close: open_ for open_, close in _PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSES)) + "]")
# An item's number before a lone closing parenthesis: 1）, a), 三）— a list, not a bracket.
_ENUMERATOR = re.compile(r"(?<![0-9A-Za-z])(?:\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,2})$")


def _unbalanced(prose: Prose) -> Iterator[tuple[int, str, str]]:
    """(position, the mark, what is wrong) for each mark without its partner."""
    stack: list[tuple[str, int]] = []
    for mark in _MARKS.finditer(prose.text):
        at, ch = mark.start(), mark.group()
        if ch in _PAIRS:
            if stack and stack[-1][0] == ch == "《":
                yield at, ch, "重复"  # 《《
                continue
            stack.append((ch, at))
        elif ch in _CLOSES:
            if stack and stack[-1][0] == _CLOSES[ch]:
                stack.pop()
            elif any(open_ == _CLOSES[ch] for open_, _ in stack):
                while stack and stack[-1][0] != _CLOSES[ch]:
                    open_, where = stack.pop()
                    yield where, open_, "没有闭合"
                stack.pop()
            elif not (ch == ")" and _ENUMERATOR.search(prose.text, max(0, at - 3), at)):
                yield at, ch, "前面没有对应的开括号"  # (「1）」「a)」「三）」 number items)
    for open_, where in stack:
        yield where, open_, "没有闭合"


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for key in ("preamble", *(s.key for s in ctx.pack.sections)):
        for prose in ctx.prose(key):
            for at, mark, problem in _unbalanced(prose):
                context = prose.text[max(0, at - 8) : at + 12]
                yield rule.finding(prose.span(at, at + 1), mark=mark, problem=problem, text=context)


KIND = Kind(
    "brackets",
    "括号、书名号、引号成对 — brackets and quotes come in pairs",
    _check,
    params=NoParams,
    fields=frozenset({"mark", "problem", "text"}),
)
