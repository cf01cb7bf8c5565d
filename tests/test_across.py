"""Across reports (A5): this year's 上年结转 against last year's 结转下年度, same agency."""

from __future__ import annotations

import json
import re

from conftest import corpus_text, lint_batch
from gxlint.app.cli import main

ROW = re.compile(r"^(四、结转下年度继续办理\t+)0(\t)", re.M)


def _pair(previous: str) -> list:
    reports = [("pingtan-2023.txt", previous), ("pingtan-2024.txt", corpus_text("pingtan-2024"))]
    return [f for f in lint_batch(reports) if f.code == "GX601"]


def test_real_consecutive_reports_agree() -> None:
    # 平潭综合实验区: 2023 结转下年度 and 2024 上年结转 are both all 0 (checked by hand).
    assert _pair(corpus_text("pingtan-2023")) == []


def test_last_years_carried_forward_changed() -> None:
    previous, count = ROW.subn(r"\g<1>2\g<2>", corpus_text("pingtan-2023"))
    assert count == 1
    (finding,) = _pair(previous)
    assert (finding.path, finding.span.line, finding.severity.label) == (
        "pingtan-2024.txt",
        17,
        "warning",
    )
    line = corpus_text("pingtan-2024").split("\n")[16]
    assert line[finding.span.column - 1 : finding.span.end_column - 1] == "0"
    assert finding.message == (
        "「二、上年结转政府信息公开申请数量」自然人为 0，"
        "而 2023 年报告的「四、结转下年度继续办理」为 2"
    )
    assert "pingtan-2023.txt" in finding.hint


def test_only_the_same_agency_in_consecutive_years() -> None:
    changed = ROW.sub(r"\g<1>2\g<2>", corpus_text("pingtan-2021"))
    reports = [
        ("pingtan-2021.txt", changed),  # 2021 → 2023: not consecutive
        ("pingtan-2023.txt", corpus_text("pingtan-2023")),
        ("police-2022.txt", corpus_text("pingtan-police-2022")),  # another agency
    ]
    assert [f for f in lint_batch(reports) if f.code == "GX601"] == []


def test_batch_on_the_command_line(tmp_path, capsys) -> None:
    previous = ROW.sub(r"\g<1>2\g<2>", corpus_text("pingtan-2023"))
    (tmp_path / "a-2023.txt").write_text(previous, "utf-8")
    (tmp_path / "b-2024.txt").write_text(corpus_text("pingtan-2024"), "utf-8")
    main(["--format", "json", "--fail-on", "never", "--select", "GX6", str(tmp_path)])
    items = json.loads(capsys.readouterr().out)
    assert [(i["code"], i["path"], i["line"]) for i in items] == [
        ("GX601", str(tmp_path / "b-2024.txt"), 17)
    ]
    main(["--fail-on", "never", "--select", "GX6", str(tmp_path)])
    assert "17 │ 二、上年结转政府信息公开申请数量" in capsys.readouterr().out
