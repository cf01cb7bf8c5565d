"""A pack's patterns search only texts that hold what their matches need (kinds/_patterns.py):
what `needs` reads from a pattern, and the same matches as the plain pattern on every pattern
of the built-in packs and the kinds' own, over every corpus report's prose and pieces of it."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from conftest import CORPUS_NAMES, corpus_text
from gxlint.document.build import build_document
from gxlint.engine import context_for, load_pack
from gxlint.kinds._common import validate_patterns
from gxlint.kinds._patterns import Matcher, compiled, needs, starts
from gxlint.kinds._stated import _LISTED, _WITHIN, _listed
from gxlint.kinds.numbering import numbered_is
from gxlint.kinds.percentages import _RATE
from gxlint.kinds.scope_level import _scope_pattern
from gxlint.pack.files import builtin_pack_names
from gxlint.records import fields, is_record


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        ("(?<!被)行政诉讼(?:案件)?(?P<n>\\d+)(?:件|起)", ("行政诉讼",)),  # a look-behind first
        ("(?<!不)(?:予以公开|同意公开)(?:的)?(?P<n>\\d+)件", ("予以公开", "同意公开")),
        ("统计(?:期限|时限|期间)(?:为|是)?。", ("统计",)),  # one string beats three
        ("(?:x)?abc", ("abc",)),  # an optional group breaks a run
        ("ab(?=c)d", ("abd",)),  # a look-ahead matches nothing: the run goes on
        ("(?:件|起)", ("件", "起")),
        ("a|b", ("a", "b")),
        ("x(?:a|\\d)", ("x",)),
        ("(?:a|\\d)", ()),  # an alternative that needs nothing
        ("([一-鿿]{2,4})\\1", ()),
        ("(?i)abc", ()),  # ignoring case: a literal is not one string
        ("x(?i:abc)", ("x",)),
        ("[^a]", ()),
    ],
)
def test_what_a_pattern_needs(pattern, needed) -> None:
    assert needs(pattern) == needed


@pytest.mark.parametrize(
    ("pattern", "started"),
    [
        ("(?<!被)行政诉讼(?:案件)?(?P<n>\\d+)", ("行政诉讼",)),  # after a look-behind
        ("(?<!不)(?:予以公开|同意公开)(?:的)?", ("予以公开", "同意公开")),
        ("(?:件|起)x", ("件", "起")),
        ("\\b(?:ab)+c", ("ab",)),
        ("(?:x)?abc", ()),  # an optional start
        ("(?:a|\\d)b", ()),  # an alternative that starts with anything
        ("(?P<n>\\d+)件", ()),
        ("(?i)abc", ()),
    ],
)
def test_what_every_match_of_a_pattern_starts_with(pattern, started) -> None:
    assert starts(pattern) == started
    # Tried only where they are when the pattern starts with a look-around (no prefix of its own)
    assert Matcher(pattern).starts == (started if pattern.startswith("(?<") else ())


def _builtin_patterns() -> list[str]:
    found: set[str] = set()
    for name in builtin_pack_names():
        for rule in load_pack(name).rules:
            _collect(rule.params, found)
    return sorted(found)


def _collect(value, found: set[str]) -> None:
    """Every string that compiles as a pattern, anywhere in a rule's params (those naming the
    report's year are filled in when a report is checked: left out)."""
    if is_record(value):
        for one in fields(value):
            _collect(getattr(value, one.name), found)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect(item, found)
    elif isinstance(value, str) and "{year}" not in value and "{last_year}" not in value:
        try:
            re.compile(value)
        except re.error:
            return
        found.add(value)


def _prose_texts() -> list[str]:
    texts = []
    for name in CORPUS_NAMES:
        ctx = context_for(build_document(f"{name}.txt", corpus_text(name)))
        keys = ("preamble", *(s.key for s in ctx.pack.sections))
        texts += [p.text for key in keys for p in ctx.prose(key)]
    return texts


def test_the_same_matches_as_the_plain_pattern() -> None:
    (scope,) = [r for r in load_pack("gov-2021").rules if r.kind == "scope-level"]
    params = scope.params
    levels = tuple(sorted(set(params.levels.values())))
    words = (tuple(params.prefixes), levels, params.not_after, params.not_before)
    assert _scope_pattern(*words).starts  # after its look-behind: tried where a prefix is
    kinds_own = [_WITHIN.pattern.pattern, _RATE.pattern.pattern]
    kinds_own.append(_scope_pattern(*words).pattern.pattern)
    patterns = [*_builtin_patterns(), *kinds_own]
    assert len(patterns) > 40 and all(needs(p) for p in kinds_own)
    assert sum(1 for p in patterns if compiled(p).needs) > len(patterns) // 2
    assert sum(1 for p in patterns if compiled(p).starts) >= 4  # those after a look-behind
    texts = _prose_texts()
    rng = random.Random(20261127)
    texts += [
        t[a : a + rng.randint(1, 80)]
        for t in texts
        for a in rng.sample(range(len(t) + 1), min(5, len(t) + 1))
    ]
    skipped = 0
    for pattern in patterns:
        matcher, plain = compiled(pattern), compiled(pattern).pattern
        for text in texts:
            ours = [m.span() for m in matcher.finditer(text)]
            assert ours == [m.span() for m in plain.finditer(text)], (pattern, text)
            found, expected = matcher.search(text, 2, 60), plain.search(text, 2, 60)
            assert (found and found.span()) == (expected and expected.span()), (pattern, text)
            skipped += not matcher.may_match(text)
    assert skipped > len(patterns) * len(texts) // 4  # most texts are not searched at all


def test_totals_found_from_their_opening_words_are_the_patterns_matches() -> None:
    """Stated totals (「3585 条，其中…」) are matched from the words that open their list,
    back to the number (kinds/_stated.py): the same matches, with the same groups, as the
    pattern's own finditer, on every corpus report's prose and thousands of mutations of it."""
    rng = random.Random(20261127)
    noise = [*"0123456789..,;:(（其中包括分别为是条件万元次人家", "其中", "包括", "分别为"]
    texts = _prose_texts()
    texts += ["收取5万元;(其中1万元", "12.5人次,(其中3人次", "5万元;(包括", "共3件其中包括2件"]
    texts += ["1.2.3件其中", ".5件其中", "5件;3其中", "a5万元;;(其中", "5件其中其中"]
    for _ in range(3000):
        text = rng.choice(texts)
        at = rng.randint(0, len(text))
        piece = "".join(rng.choices(noise, k=rng.randint(1, 8)))
        texts.append(text[max(0, at - 30) : at] + piece + text[at : at + 30])
    found = 0
    for text in texts:
        ours = [(m.span(), m.groupdict()) for m in _listed(text)]
        assert ours == [(m.span(), m.groupdict()) for m in _LISTED.finditer(text)], text
        found += len(ours)
    assert found > 100


def test_numbered_markers_found_from_their_shi_are_the_patterns_matches() -> None:
    """一是 … 十二是 are found from each 是 back (kinds/numbering.py): the same spans as the
    pattern's finditer, on every corpus report's prose and every string of 三, 十, 是 and x
    up to 7 long (runs of numerals longer than two, 是 twice, at the edges)."""
    pattern = re.compile("[一二三四五六七八九十]{1,2}是")
    texts = [*_prose_texts()]
    texts += ["".join(p) for n in range(8) for p in itertools.product("三十是x", repeat=n)]
    found = 0
    for text in texts:
        ours = list(numbered_is(text))
        assert ours == [m.span() for m in pattern.finditer(text)], text
        found += len(ours)
    assert found > 1000


@pytest.mark.parametrize(
    "pattern", ["(?:aa)+b", "(?<!a)ab", "(?:ab|ba)a", "[ab]b", "a(?=b)", "(?<=b)aa", "ab|b", "aa"]
)
def test_tried_where_matches_start_the_same_as_everywhere(pattern) -> None:
    """On every string of a and b up to 9 long (starts that overlap, matches that would
    overlap, look-arounds at the edges), and from every start to every end."""
    plain = re.compile(pattern)
    ours = Matcher(pattern, needs(pattern), starts(pattern))
    assert ours.starts
    for size in range(10):
        for letters in itertools.product("ab", repeat=size):
            text = "".join(letters)
            assert [m.span() for m in ours.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ], text
            for pos, end in ((1, size), (0, size - 1), (2, size - 2)):
                found, expected = ours.search(text, pos, end), plain.search(text, pos, end)
                assert (found and found.span()) == (expected and expected.span()), text


def test_a_pattern_is_read_and_compiled_only_when_first_used() -> None:
    """A run compiles only the patterns its texts may match: one whose strings a text lacks is
    never compiled for it."""
    pattern = Matcher("(?P<n>\\d+)件申请")
    assert pattern._needs is None and pattern._pattern is None  # nothing done yet
    assert pattern.search("本年度无变化") is None
    assert pattern.needs == ("件申请",) and pattern._pattern is None  # read, not compiled
    found = pattern.search("收到 12件申请")
    assert found is not None and found.group("n") == "12" and pattern._pattern is not None


def test_a_pack_pattern_that_does_not_compile_is_the_packs_error_at_once() -> None:
    problem = validate_patterns("patterns", ["予以公开", "(未闭合"])
    assert problem is not None and problem.startswith("键 patterns: 正则表达式 '(未闭合' 有误")
