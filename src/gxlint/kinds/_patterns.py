"""A pack's patterns, compiled after folding them as the prose is folded, with what every match
must contain: the strings one of which each match holds (`行政诉讼`, or `予以公开` or `同意公开`),
and, where every match starts with one of them, those strings. Python's regular expressions skip
ahead quickly only to a literal a pattern itself starts with; one that starts with a look-behind
(`(?<!被)行政诉讼`), a group of alternatives or a character class is tried at every character.
A text that holds none of the strings is not searched at all; where matches start with them,
the pattern is tried only where they are. The strings are read from the pattern's parse
(Python's own parser); where it cannot say, every text is searched as the pattern would be.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from gxlint.document.prose import fold_pattern
from gxlint.internals import RegexItem, regex_items
from gxlint.internals import regex_ops as ops

Needs = tuple[str, ...]  # a match holds one of these (none: nothing known)
_NONE: Needs = ()


class Matcher:
    """A compiled pattern that searches only texts holding one of the strings its matches
    need, and tries it only where one of the strings its matches start with is (the same
    matches as the pattern's own `finditer` and `search`)."""

    __slots__ = ("needs", "pattern", "starts")

    def __init__(self, pattern: re.Pattern[str], needs: Needs, starts: Needs = _NONE) -> None:
        self.pattern = pattern
        self.needs = needs
        self.starts = starts

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.starts:
            return self._from_starts(text, 0, sys.maxsize)
        return self.pattern.finditer(text) if self._may_match(text) else iter(())

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if self.starts:
            return next(self._from_starts(text, pos, endpos), None)
        return self.pattern.search(text, pos, endpos) if self._may_match(text) else None

    def _from_starts(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """The matches, leftmost first and not overlapping, as the pattern's finditer gives
        them: each tried where a string its matches start with is (a match is never empty)."""
        for at in _places(text, self.starts, pos, endpos):
            if at >= pos and (match := self.pattern.match(text, at, endpos)) is not None:
                yield match
                pos = match.end()

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
    """A pattern written for folded prose (a kind's own), compiled as it is. It is tried only
    where its matches start when it starts with a look-around: Python's regular expressions
    then skip ahead to nothing (otherwise their own skipping is faster than ours)."""
    items = regex_items(pattern)
    if not items:
        return Matcher(re.compile(pattern), _NONE)
    looks_first = items[0][0] in (ops.ASSERT, ops.ASSERT_NOT)
    return Matcher(
        re.compile(pattern), _best(_sequence(items)), _leading(items) if looks_first else _NONE
    )


def needs(pattern: str) -> Needs:
    """Strings one of which every match of `pattern` holds (the most telling such set found),
    or none."""
    items = regex_items(pattern)
    return _best(_sequence(items)) if items else _NONE


def starts(pattern: str) -> Needs:
    """Strings one of which every match of `pattern` starts with, or none."""
    items = regex_items(pattern)
    return _leading(items) if items else _NONE


def _places(text: str, strings: Needs, pos: int, endpos: int) -> list[int]:
    """Where in text[pos:endpos] each of `strings` is, in order (overlapping ones too)."""
    found: set[int] = set()
    for string in strings:
        at = text.find(string, pos, endpos)
        while at != -1:
            found.add(at)
            at = text.find(string, at + 1, endpos)
    return sorted(found)


def _leading(items: list[RegexItem]) -> Needs:
    """Strings one of which every match starts with (after look-arounds and anchors, which
    match nothing): a run of literals, what a group or a repeat of at least one starts with,
    one of each alternative's, one of a set's characters; else none."""
    for index, (op, av) in enumerate(items):
        if op in (ops.ASSERT, ops.ASSERT_NOT, ops.AT):
            continue
        if op is ops.LITERAL:
            run = [chr(code) for o, code in itertools.takewhile(_literal, items[index:])]
            return ("".join(run),)
        if op is ops.SUBPATTERN and not av[1] and not av[2]:
            return _leading(list(av[3]))
        if op in (ops.MAX_REPEAT, ops.MIN_REPEAT) and av[0] >= 1:
            return _leading(list(av[2]))
        if op is ops.BRANCH:
            alternatives = [_leading(list(alt)) for alt in av[1]]
            return tuple(s for alt in alternatives for s in alt) if all(alternatives) else _NONE
        if op is ops.IN and all(o is ops.LITERAL for o, _ in av):
            return tuple(chr(code) for _, code in av)
        return _NONE
    return _NONE


def _literal(item: RegexItem) -> bool:
    return item[0] is ops.LITERAL


def _best(candidates: list[Needs]) -> Needs:
    """The most telling: the longest shortest string, then the fewest strings."""
    found = [c for c in candidates if c and all(c)]
    return max(found, key=lambda c: (min(map(len, c)), -len(c)), default=_NONE)


def _sequence(items: list[RegexItem]) -> list[Needs]:
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
