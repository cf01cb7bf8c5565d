"""The fast NFKC gives Unicode's own NFKC: on every corpus line, on the characters that fold in
more than one way, and on random mixes of them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fuzz_strategies import LINES
from gxlint.document.nfkc import nfkc

# Full-width forms and their neighbours, characters NFKC expands or composes, combining marks.
TRICKY = "Ａａ０９，：；（）！？％＋－．　\u3000㈠①⑩㎡㍿ｶﾞﾟ\uff9e\u0301\u0308\u3099ＡÅ丽豈\ufe10﹐"


def test_every_corpus_line() -> None:
    assert [nfkc(line) for line in LINES] == [unicodedata.normalize("NFKC", x) for x in LINES]


@pytest.mark.parametrize(
    "text",
    ["２０２３年度，共１２件", "Ａ\u0301", "ｶﾞ", "ｶ\uff9e", "面积１２㎡（㈠）", "", "ascii only"],
)
def test_folds_in_context(text) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(TRICKY + "政府信息公开abc 1")), max_size=30))
def test_random_mixes(text) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_a_whole_texts_fold_split_at_its_line_breaks_is_its_lines_folded() -> None:
    """build_document folds a report's text once and splits it into lines: that holds only
    because NFKC makes no line break and folds none into its neighbours. Every character on
    a line of its own (after every other), and marks that compose with what comes before."""
    import sys

    lines = [chr(c) for c in range(sys.maxunicode + 1) if chr(c) != "\n"]
    lines += ["e", "\u0301", "\u1100", "\u1161", "ｶ", "ﾞ", "e\u0301", "\u1100\u1161"]
    text = "\n".join(lines) + "\n"
    assert nfkc(text).split("\n") == [*(unicodedata.normalize("NFKC", ln) for ln in lines), ""]
