"""The character index of labels (document/labels.py: NearIndex) never leaves out a label that
is near: every label at least as similar as the threshold is a candidate, so placing a table
row through it finds the same template row as comparing it with every label did."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gxlint.analysis.tables.rows import RowPlacer
from gxlint.document.labels import NEAR, NearIndex, similarity, strip_numbering
from gxlint.engine import load_pack

ALPHABET = "予以公开部分不无法提供本年新收申请数量其他处理总计"
labels = st.text(alphabet=ALPHABET, min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(labels, min_size=1, max_size=20), labels, st.sampled_from([0.5, NEAR, 0.9]))
def test_every_label_near_enough_is_a_candidate(known, label, threshold):
    candidates = NearIndex(known).candidates(label, threshold)
    assert candidates == sorted(set(candidates))
    near = [i for i, theirs in enumerate(known) if similarity(label, theirs) >= threshold]
    assert set(near) <= set(candidates)


def _shared(a: str, b: str) -> int:
    """Characters two labels share, with their counts."""
    return sum((Counter(a) & Counter(b)).values())


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=40), max_size=30),
    st.text(alphabet=ALPHABET + "xy", max_size=90),
    st.sampled_from([0.3, 0.5, NEAR, 0.9, 1.0]),
)
@example(["予以公开"], "", NEAR)  # an empty label is near nothing
@example(["予以公开"], "予以公开" * 20, NEAR)  # far longer than any label
@example(["予" * 40], "予" * 40, 1.0)  # a field counted up to its fullest
def test_the_candidates_are_exactly_the_labels_the_shared_characters_allow(known, label, threshold):
    """The counts added up in one integer give what counting each label's shared characters
    gives: a label is a candidate when it shares one or more and 2·shared / both lengths
    reaches the threshold."""
    expected = [
        i
        for i, theirs in enumerate(known)
        if (shared := _shared(label, theirs))
        and 2.0 * shared / (len(label) + len(theirs)) >= threshold
    ]
    assert NearIndex(known).candidates(label, threshold) == expected


def _brute_force(specs, label):
    """The template row a label is most like, comparing it with every label (as before)."""
    norm = strip_numbering(label)
    scored = [
        (max(similarity(norm, n) for n in row.norms), spec, row)
        for spec in specs
        for row in spec.rows
        if row.label
    ]
    return max(scored, key=lambda s: s[0], default=(0.0, None, None))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "（一）二三、.1", min_size=1, max_size=16))
@example("（一）予以公幵")  # a typo of a template label: near
@example("一、本年新收政府信息公开申请数")
@example("予以公开")
@example("结转下年度继续办")
def test_a_row_is_placed_as_comparing_it_with_every_label_placed_it(label):
    specs = list(load_pack("gov-2021").tables.values())
    placer = RowPlacer(specs, {}, None, None)
    score, spec, row = placer.best(label)
    expected = _brute_force(specs, label)
    if expected[0] >= NEAR or score >= NEAR:
        assert (score, spec, row) == expected


def test_a_near_label_is_found_and_a_far_one_is_not():
    specs = list(load_pack("gov-2021").tables.values())
    placer = RowPlacer(specs, {}, None, None)
    score, _, row = placer.best("（一）予以公幵")  # 开 mistyped
    assert NEAR <= score < 1.0 and row is not None and row.key == "disclosed"
    assert placer.best("政务新媒体账号数量")[0] < NEAR
