"""Stated totals and their parts (kinds/_stated.py, GX508/GX509): the reading a finding reports,
its severity by how sure the reading is, and the words that show the reader what was read."""

from __future__ import annotations

import pytest

from conftest import lint
from passages import passage_names, score

HEAD = "某某县某某局2023年政府信息公开工作年度报告\n一、总体情况\n"


def _stated(sentence: str) -> list[tuple[str, str, str, str]]:
    return [
        (f.code, f.severity.label, f.message, f.hint)
        for f in lint(HEAD + sentence + "\n", pack="gov-2021")
        if f.code in ("GX508", "GX509")
    ]


def test_parts_over_the_total_with_one_sure_reading_are_an_error() -> None:
    assert _stated("主动公开信息 100 条，其中网站 60 条、微信 50 条。") == [
        (
            "GX508",
            "error",
            "「100条」所列分项之和 110条 超过了总数",
            "所列各项之和为 110 = 60 + 50，比总数多 10；检查总数或分项",
        )
    ]


def test_a_reading_that_took_a_number_without_its_unit_is_a_warning_that_says_so() -> None:
    [(code, severity, _, hint)] = _stated("公开信息 100 条，其中通知 60 条、动态 50、公告 10 条。")
    assert (code, severity) == ("GX508", "warning")
    assert hint == (
        "所列各项之和为 120 = 60 + 50 + 10（没写单位的 50 按条计入），比总数多 20；检查总数或分项"
    )


def test_parts_in_another_unit_are_left_out_and_named() -> None:
    [(code, severity, message, hint)] = _stated(
        "发布信息 900 条，其中要闻 300 条、公告 400 条、许可事项 50 项。"
    )
    assert (code, severity) == ("GX509", "warning")
    assert message == "「900条」所列分项之和只有 700条，比总数少 200"
    assert hint == "应为 700 = 300 + 400（单位不同的 50项 未计入），或补上未列出的分项"


@pytest.mark.parametrize(
    "sentence",
    [
        # the total said again as its first part, then parts of 0: consistent, never "只有 0件"
        "共受理申请 33 件，其中本年新收 33 件，上年结转 0 件，结转至下年办理 0 件。",
        # a breakdown in brackets belongs to the part before it
        "共发布 583 条，其中网站 455 条（概况 94 条，动态 160 条，目录 201 条，访问 414356 次），"
        "头条号 128 条，订阅 62746 个。",
        # groups after ； go on with the list
        "公开信息 345 条，其中规章 11 条、文件 8 条、其他 102 条；报告 2 条（中英文各 1 条）、"
        "提案 1 条、预决算 4 条、动态 213 条、其他 2 条、年报 2 条。",
        # a list ending in 等 with parts in several units, then another channel after ；
        "公开信息 497 条，其中新闻 165 条，通知 39 条，服务 23 篇，专栏 10 个等；"
        "微信公众号发布 1135 条。",
        # highlights of the total, not its breakdown
        "发布信息 1464 条，其中文件 15 条，政策解读 10 条，工作报告 1 条；发布 29 场发布会信息。",
        # a number that names a part (the 12345 hotline) is no part
        "全年受理群众诉求 20000 件，其中 12345 热线转办 15000 件，来信来访 5000 件。",
        # numbers without their units, the list ending before another channel's count
        "发布信息 854 条，其中新闻 520 文件 55 解读 60 栏目 219、微信平台同步发布 812 条。",
    ],
)
def test_lists_every_province_writes_are_read_as_consistent(sentence) -> None:
    assert _stated(sentence) == []


@pytest.mark.parametrize("name", passage_names())
def test_released_passage_is_scored_right(name) -> None:
    """The twelve released opening passages (tests/prose/truth.yaml, checked by hand)."""
    result = score(name)
    assert result.missed == [], f"defects not found: {result.missed}"
    assert [(f.code, f.span.line, f.message) for f in result.false] == []


def test_a_run_of_small_parts_is_not_cut_wherever_it_would_make_the_total() -> None:
    """A list ends at a group's end or before another channel's own count, never inside a run
    of plain parts: seven parts of 1 under a total of 5 exceed it."""
    [(code, severity, message, _)] = _stated(
        "共受理申请 5 件，其中甲 1 件、乙 1 件、丙 1 件、丁 1 件、戊 1 件、己 1 件、庚 1 件。"
    )
    assert (code, severity, message) == ("GX508", "error", "「5件」所列分项之和 7件 超过了总数")


def test_a_list_of_sixty_thousand_parts_is_read_in_one_pass() -> None:
    """780 KB of 「网站1件、」: read in one pass (the label search restarted for each part took
    minutes), the hint written out to twenty parts and a count."""
    [(code, _, message, hint)] = _stated("共100件，其中" + "网站1件、" * 60_000 + "。")
    assert (code, message) == ("GX508", "「100件」所列分项之和 60000件 超过了总数")
    assert hint.endswith("+ 1 + …（共 60000 项），比总数多 59900；检查总数或分项")


def test_a_number_longer_than_thirty_digits_is_no_total() -> None:
    assert _stated("共" + "9" * 100_000 + "件，其中网站1件、微信2件。") == []


def test_parts_that_may_count_the_same_items_again_are_a_warning() -> None:
    [(code, severity, _, hint)] = _stated(
        "发布信息 100 条，其中网站发布 80 条，微信同步推送 60 条。"
    )
    assert (code, severity) == ("GX508", "warning")
    assert hint.startswith("所列各项之和为 140 = 80 + 60")


def test_a_total_joined_with_the_counts_before_it_is_read_both_ways() -> None:
    """「收到申请 12 件和上年结转 3 件，其中…」: 其中 may be of 12 + 3; parts over the last count
    alone but not over the joined ones are a warning, never an error."""
    assert _stated("收到申请12件和上年结转3件，其中予以公开10件，部分公开5件。") == []
    [(code, severity, *_)] = _stated("收到申请12件和上年结转3件，其中予以公开10件，部分公开6件。")
    assert (code, severity) == ("GX508", "warning")
    [(code, severity, *_)] = _stated("全年收到申请12件，其中予以公开10件，部分公开5件。")
    assert (code, severity) == ("GX508", "error")
