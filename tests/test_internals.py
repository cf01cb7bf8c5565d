"""What gxlint relies on in other libraries' internals (gxlint/internals.py), held to it: a new
Python or Lark that changes one fails here, by name, before any report is checked wrongly."""

from __future__ import annotations

import re
from importlib.metadata import version

from gxlint import internals
from gxlint.document.scan import lark_pattern


def test_python_parses_a_pattern_into_the_items_the_shortcut_reads():
    ops = internals.regex_ops
    assert ops is not None, "re._constants is gone: kinds/_patterns.py searches every text"
    items = internals.regex_items("(?<!被)行政(诉讼|复议)[ab]+")
    assert items is not None, "re._parser is gone: kinds/_patterns.py searches every text"
    opcodes = [op for op, _ in items]
    assert opcodes == [ops.ASSERT_NOT, ops.LITERAL, ops.LITERAL, ops.SUBPATTERN, ops.MAX_REPEAT]
    assert items[1] == (ops.LITERAL, ord("行"))
    group = items[3][1]  # (group number, flags added, flags removed, its items)
    assert group[1:3] == (0, 0)
    [(branch, (_, alternatives))] = list(group[3])
    assert branch is ops.BRANCH and len(alternatives) == 2
    low, high, repeated = items[4][1]
    assert (low, next(iter(repeated))[0]) == (1, ops.IN)
    assert high == ops.MAXREPEAT


def test_a_pattern_python_cannot_use_or_that_ignores_case_gives_no_items():
    assert internals.regex_items("(") is None
    assert internals.regex_items("(?i)abc") is None


def test_successive_matches_stop_at_the_first_gap():
    found = internals.successive_matches(re.compile(r"(?P<A>a+)|(?P<B>b)"), "aabaxa")
    assert [(m.lastgroup, m.group()) for m in found] == [("A", "aa"), ("B", "b"), ("A", "a")]


def test_lark_gives_its_terminals_as_one_pattern_in_the_lexers_order():
    grammar = 'start: (WORD | NUMBER)+\nWORD: /[a-z]+/\nNUMBER.2: /[0-9]+/\n%ignore " "\n'
    pattern, flags = internals.lark_terminal_pattern(grammar)
    names = re.findall(r"\(\?P<(\w+)>", pattern)
    assert names[0] == "NUMBER" and set(names) >= {"NUMBER", "WORD"}
    compiled = re.compile(pattern, flags)
    assert [m.lastgroup for m in internals.successive_matches(compiled, "12ab")] == [
        "NUMBER",
        "WORD",
    ]


def test_the_report_grammar_still_makes_one_pattern_with_the_installed_lark():
    pattern, _ = lark_pattern()
    assert "(?P<H1_NUM>" in pattern and "(?P<_NL>" in pattern


def test_the_installed_lark_is_in_the_range_pyproject_pins():
    major, minor = (int(x) for x in version("lark").split(".")[:2])
    assert (1, 1) <= (major, minor) < (1, 4)
