"""The character index of labels (document/labels.py: NearIndex) never leaves out a label that
is near: every label at least as similar as the threshold is a candidate, so placing a table
row through it finds the same template row as comparing it with every label did."""

from __future__ import annotations

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
