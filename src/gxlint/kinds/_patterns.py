"""A pack's patterns, compiled after folding them as the prose is folded, with what every match
must contain: the strings one of which each match holds (`行政诉讼`, or `予以公开` or `同意公开`),
and, where every match starts with one of them, those strings. Python's regular expressions skip
ahead quickly only to a literal a pattern itself starts with; one that starts with a look-behind
(`(?<!被)行政诉讼`), a group of alternatives or a character class is tried at every character.
A text that holds none of the strings is not searched at all; where matches start with them,
the pattern is tried only where they are. The strings are read from the pattern's parse
(Python's own parser); where it cannot say, every text is searched as the pattern would be.
Both the strings and the compiled pattern are made at a pattern's first use: a one-report run
compiles only the patterns its text may match (a pack validated when loaded compiles all).
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
    """A pattern that searches only texts holding one of the strings its matches need, and
    tries it only where one of the strings its matches start with is (the same matches as the
    pattern's own `finditer` and `search`). What its matches need is read, and the pattern
    compiled, when it is first used: a run compiles only the patterns its reports may match
    (a report of one agency has no use for most of a pack's)."""

    __slots__ = ("_needs", "_pattern", "_starts", "source")

    def __init__(self, source: str, needs: Needs | None = None, starts: Needs = _NONE) -> None:
        self.source = source
        self._needs = needs  # None: read at first use (and the strings matches start with)
        self._starts = starts
        self._pattern: re.Pattern[str] | None = None

    @property
    def needs(self) -> Needs:
        """Strings one of which every match holds (none: nothing known)."""
        if self._needs is None:
            self._read()
        return self._needs or _NONE

    @property
    def starts(self) -> Needs:
        """Strings one of which every match starts with, where it is tried only there."""
        if self._needs is None:
            self._read()
        return self._starts

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (a pattern that does not compile raises re.error here)."""
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if not self.may_match(text):
            return iter(())
        if self._starts:
            return self._from_starts(text, 0, sys.maxsize)
        return self.pattern.finditer(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text):
            return None
        if self._starts:
            return next(self._from_starts(text, pos, endpos), None)
        return self.pattern.search(text, pos, endpos)

    def may_match(self, text: str) -> bool:
        """False when `text` holds none of the strings every match needs (nothing to search)."""
        if self._needs is None:
            self._read()
        needs = self._needs
        if not needs:
            return True
        if len(needs) == 1:
            return needs[0] in text
        return any(need in text for need in needs)

    def _from_starts(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """The matches, leftmost first and not overlapping, as the pattern's finditer gives
        them: each tried where a string its matches start with is (a match is never empty)."""
        for at in _places(text, self._starts, pos, endpos):
            if at >= pos and (match := self.pattern.match(text, at, endpos)) is not None:
                yield match
                pos = match.end()

    def _read(self) -> None:
        """What every match needs, and, where the pattern starts with a look-around (Python's
        regular expressions then skip ahead to nothing; otherwise their own skipping is faster
        than ours), the strings its matches start with."""
        items = regex_items(self.source)
        self._needs = _best(_sequence(items)) if items else _NONE
        if items and items[0][0] in (ops.ASSERT, ops.ASSERT_NOT):
            self._starts = _leading(items)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> Matcher:
    """A pack's pattern, folded as prose is folded (a full-width ，in a pattern matches the ,
    that NFKC makes of it in the prose). A kind's own patterns, written for folded prose, are
    `Matcher`s as they are."""
    return Matcher(fold_pattern(pattern))


def needs(pattern: str) -> Needs:
    """Strings one of which every match of `pattern` holds (the most telling such set found),
    or none."""
    return Matcher(pattern).needs


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
