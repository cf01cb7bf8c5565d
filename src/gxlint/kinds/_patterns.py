"""A pack's patterns, compiled after folding them as the prose is folded, with what every match
must contain: the strings one of which each match holds (`行政诉讼`, or `予以公开` or `同意公开`).
Python's regular expressions skip ahead quickly only to a literal a pattern starts with; one
that starts with a look-behind, a group of alternatives or a character class is tried at every
character. A text that holds none of those strings is not searched at all — most of a report's
sections, for most patterns. The strings are read from the pattern's parse (Python's own
parser); where it cannot say, every text is searched.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from gxlint.document.prose import fold_pattern

try:  # Python's own parser of regular expressions (internal: without it, no shortcut)
    from re import _constants as ops
    from re import _parser as parser
except ImportError:  # pragma: no cover - a Python without them searches every text
    parser = None

Needs = tuple[str, ...]  # a match holds one of these (none: nothing known)
_NONE: Needs = ()


class Matcher:
    """A compiled pattern that searches only texts holding one of the strings its matches
    need (the same matches as the pattern's own `finditer` and `search`)."""

    __slots__ = ("needs", "pattern")

    def __init__(self, pattern: re.Pattern[str], needs: Needs) -> None:
        self.pattern = pattern
        self.needs = needs

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self._may_match(text) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self._may_match(text) else None

    def _may_match(self, text: str) -> bool:
        needs = self.needs
        if not needs:
            return True
        if len(needs) == 1:
            return needs[0] in text
        return any(need in text for need in needs)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> Matcher:
    """A pack's pattern, compiled after folding it as prose is folded (a full-width ，in a
    pattern matches the , that NFKC makes of it in the prose)."""
    return matcher(fold_pattern(pattern))


def matcher(pattern: str) -> Matcher:
    """A pattern written for folded prose (a kind's own), compiled as it is."""
    return Matcher(re.compile(pattern), needs(pattern))


def needs(pattern: str) -> Needs:
    """Strings one of which every match of `pattern` holds (the most telling such set found),
    or none."""
    if parser is None:
        return _NONE
    try:
        tree = parser.parse(pattern)
    except re.error:
        return _NONE
    if tree.state.flags & re.IGNORECASE:
        return _NONE
    return _best(_sequence(list(tree)))


def _best(candidates: list[Needs]) -> Needs:
    """The most telling: the longest shortest string, then the fewest strings."""
    found = [c for c in candidates if c and all(c)]
    return max(found, key=lambda c: (min(map(len, c)), -len(c)), default=_NONE)


def _sequence(items: list[tuple[Any, Any]]) -> list[Needs]:
    """What a sequence of pattern items needs: each run of literals (look-arounds and anchors
    match nothing, so they do not break a run), and what each required item needs."""
    found: list[Needs] = []
    run: list[str] = []
    for op, av in items:
        if op is ops.LITERAL:
            run.append(chr(av))
            continue
        if op in (ops.ASSERT, ops.ASSERT_NOT, ops.AT):
            continue
        found.append(("".join(run),))
        run = []
        found.append(_item(op, av))
    found.append(("".join(run),))
    return found


def _item(op: Any, av: Any) -> Needs:
    """What one item that is not a literal needs: a group's content, a repeat's of at least
    one, one of a branch's alternatives (each must need something), one of a set's characters."""
    if op is ops.SUBPATTERN and not av[1] and not av[2]:  # no flags changed inside
        return _best(_sequence(list(av[3])))
    if op in (ops.MAX_REPEAT, ops.MIN_REPEAT) and av[0] >= 1:
        return _best(_sequence(list(av[2])))
    if op is ops.BRANCH:
        alternatives = [_best(_sequence(list(alt))) for alt in av[1]]
        if all(alternatives):
            return tuple(dict.fromkeys(s for alt in alternatives for s in alt))
    if op is ops.IN and all(o is ops.LITERAL for o, _ in av):
        return tuple(chr(code) for _, code in av)
    return _NONE
