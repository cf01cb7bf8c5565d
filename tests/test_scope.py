"""The scope-level kind (GX521): the levels an agency's name gives, read from real and made-up
names, and the rule on the corpus report it was written for."""

from __future__ import annotations

import pytest

from conftest import corpus_text, lint
from gxlint.engine import load_pack
from gxlint.kinds.scope_level import _name_levels

PARAMS = load_pack("gov-2021").rule("GX521").params


@pytest.mark.parametrize(
    ("name", "levels"),
    [
        ("淮安市洪泽区人民政府", ["市", "区"]),
        ("平潭综合实验区地方税务局", ["区"]),
        ("平潭综合实验区市场监督管理局", ["区"]),  # 市场 is no place
        ("沭阳县发展和改革局", ["县"]),
        ("沛县人民政府", ["县"]),  # a one-character county
        ("某某县城市管理局", ["县"]),  # 城市 is no place
        ("广西壮族自治区人民政府办公厅", ["区"]),
        ("延边朝鲜族自治州财政局", ["州"]),
        ("上海市浦东新区人民政府", ["市", "区"]),
        ("某某县某某镇人民政府", ["县", "镇"]),
        ("国家税务总局", []),
        ("徐州市", ["市"]),  # a place named after an older 州: its own suffix is its level
        ("宣州区溪口镇人民政府", ["区", "镇"]),
        ("杭州市西湖区财政局", ["市", "区"]),
    ],
)
def test_levels_of_an_agency_name(name, levels) -> None:
    assert _name_levels(name, PARAMS) == levels


def test_the_copied_passage_of_pingtan_tax_2013() -> None:
    """INDEX.md: 全市地税系统 in the report of a district-level bureau (checked by hand: the
    report never says 全区, 本区 or 我区)."""
    found = [f for f in lint(corpus_text("pingtan-tax-2013")) if f.code == "GX521"]
    assert [(f.span.line, f.span.column, f.span.end_column) for f in found] == [(12, 10, 12)]
    assert "「全市」1 处" in found[0].message and "「全区」「本区」「我区」" in found[0].message


@pytest.mark.parametrize("name", ["hongze-2024", "pingtan-county-2013", "xuchang-justice-2023"])
def test_reports_that_speak_of_their_own_level_or_their_parent(name) -> None:
    assert not [f for f in lint(corpus_text(name)) if f.code == "GX521"]
