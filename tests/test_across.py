"""Across reports (A5): this year's 上年结转 against last year's 结转下年度, same agency."""

from __future__ import annotations

import json
import re
from array import array

import pytest

from conftest import corpus_text, lint_batch
from gxlint.app.cli import main
from gxlint.document.build import build_document
from gxlint.engine import check_report
from gxlint.records import fields, is_record

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


def _year_before(text: str, in_force: str) -> str:
    """洪泽区 2024 as if it were the 2023 report, with another 现行有效件数 for 行政规范性文件."""
    text = text.replace("2024 年政府信息公开工作年度报告", "2023 年政府信息公开工作年度报告", 1)
    changed, count = re.subn(r"^(行政规范性文件\t3\t0\t)8$", rf"\g<1>{in_force}", text, flags=re.M)
    assert count == 1
    return changed


def _codes(reports: list[tuple[str, str]], prefix: str) -> list[tuple[str, str, int]]:
    findings = lint_batch(reports)
    return [(f.code, f.path, f.span.line) for f in findings if f.code.startswith(prefix)]


def test_documents_in_force_against_last_year() -> None:
    # 洪泽区 2024 (checked by hand): 行政规范性文件 制发 3, 废止 0, 现行有效 8 → 2023 should be 5.
    this = corpus_text("hongze-2024")
    agrees = [("hongze-2023.txt", _year_before(this, "5")), ("hongze-2024.txt", this)]
    assert _codes(agrees, "GX602") == []
    differs = [("hongze-2023.txt", _year_before(this, "9")), ("hongze-2024.txt", this)]
    (finding,) = [f for f in lint_batch(differs) if f.code == "GX602"]
    assert (finding.path, finding.span.line, finding.severity.label) == (
        "hongze-2024.txt",
        43,
        "info",
    )
    assert "2023 年的 9 + 本年制发 3 − 本年废止 0 = 12" in finding.message


def test_same_report_twice_in_a_batch() -> None:
    this = corpus_text("hongze-2024")
    reports = [("a/hongze-2024.txt", this), ("b/洪泽区报告.txt", this)]
    assert _codes(reports, "GX603") == [("GX603", "b/洪泽区报告.txt", 1)]
    others = [("hongze-2024.txt", this), ("huaian-2024.txt", corpus_text("huaian-2024"))]
    assert _codes(others, "GX603") == []


def test_a_copy_of_last_year_with_new_numbers() -> None:
    # Every other digit changed: still the same sentences, so the later report is a near-copy.
    this = corpus_text("hongze-2024")
    rotated = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), this.replace("2024", "@"))
    renumbered = rotated.replace("@", "2025")
    reports = [("hongze-2024.txt", this), ("hongze-2025.txt", renumbered)]
    (finding,) = [f for f in lint_batch(reports) if f.code == "GX604"]
    # pinned on the first shared sentence: 一、总体情况's first line (line 10)
    assert (finding.path, finding.span.line, finding.severity.label) == (
        "hongze-2025.txt",
        10,
        "warning",
    )
    assert re.fullmatch(r"正文有 100% 的句子（\d+ 句）与 hongze-2024\.txt 相同", finding.message)
    assert "「2025年,淮安市洪泽区人民政府坚持以习近平新时" in finding.hint


def test_different_reports_are_not_copies() -> None:
    # The corpus holds one agency's reports over several years, and agencies of one place: none
    # repeats another beyond half its sentences (read by hand).
    names = ["pingtan-2021", "pingtan-2023", "pingtan-2024", "hongze-2024", "huaian-2024"]
    reports = [(f"{name}.txt", corpus_text(name)) for name in names]
    assert _codes(reports, "GX604") == []


def test_wording_shared_by_many_reports_is_common_not_copied() -> None:
    # Twelve agencies with one model text: each sentence is in 12 reports (> boilerplate 10).
    this = corpus_text("hongze-2024")
    reports = [
        (f"r{i}.txt", this.replace("洪泽区", f"第{'一二三四五六七八九十'[i % 10]}{i}区"))
        for i in range(12)
    ]
    findings = lint_batch(reports)
    assert [f for f in findings if f.code == "GX604"] == []
    assert [f for f in findings if f.code == "GX603"] == []  # twelve agencies, not one


def test_towns_named_without_their_county_are_not_paired() -> None:
    # Many counties have a 城关镇: two such reports of one year are two towns, not one twice; a
    # town named with its county is paired as usual.
    this = corpus_text("hongze-2024")
    first, second = (
        this.replace("淮安市洪泽区人民政府", name, 1)
        for name in ("城关镇人民政府", "城关镇人民政府")
    )
    second = second.replace("行政规范性文件\t3\t0\t8", "行政规范性文件\t1\t0\t4")
    assert _codes([("a.txt", first), ("b.txt", second)], "GX603") == []
    qualified = this.replace("淮安市洪泽区人民政府", "洪泽区城关镇人民政府", 1)
    assert _codes([("a.txt", qualified), ("b.txt", qualified)], "GX603") == [("GX603", "b.txt", 1)]


def test_history_folder_is_compared_with_but_not_checked(tmp_path, capsys) -> None:
    # Last year's report sits in an archive that is not being checked: this year's report is
    # compared with it (GX601 here), and the archive's own findings are not shown.
    (tmp_path / "archive").mkdir()
    previous = ROW.sub(r"\g<1>2\g<2>", corpus_text("pingtan-2023"))
    (tmp_path / "archive" / "2023.txt").write_text(previous, "utf-8")
    (tmp_path / "2024.txt").write_text(corpus_text("pingtan-2024"), "utf-8")
    this = str(tmp_path / "2024.txt")
    main(["--format", "json", "--fail-on", "never", this])
    alone = json.loads(capsys.readouterr().out)
    assert "GX601" not in {i["code"] for i in alone}
    history = ["--history", str(tmp_path / "archive")]
    main(["--format", "json", "--fail-on", "never", *history, this])
    items = json.loads(capsys.readouterr().out)
    assert {i["path"] for i in items} == {this}  # nothing about the archive itself
    assert [(i["code"], i["line"]) for i in items if i["code"] == "GX601"] == [("GX601", 17)]
    assert len(items) == len(alone) + 1


def test_history_in_the_config_and_a_missing_history_folder(tmp_path, capsys) -> None:
    (tmp_path / "old").mkdir()
    previous = ROW.sub(r"\g<1>2\g<2>", corpus_text("pingtan-2023"))
    (tmp_path / "old" / "2023.txt").write_text(previous, "utf-8")
    (tmp_path / "2024.txt").write_text(corpus_text("pingtan-2024"), "utf-8")
    (tmp_path / "gxlint.toml").write_text('history = ["old"]\n', "utf-8")
    this = str(tmp_path / "2024.txt")
    main(["--format", "json", "--fail-on", "never", "--select", "GX6", this])
    assert [i["code"] for i in json.loads(capsys.readouterr().out)] == ["GX601"]
    assert main(["--history", str(tmp_path / "nowhere"), this]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere" in err and "history" in err


def test_a_near_copy_on_the_command_line_shows_its_line(tmp_path, capsys) -> None:
    """Facts hold no source lines: the line a finding across reports shows is read again from
    its file (app/lines.py)."""
    this = corpus_text("hongze-2024")
    (tmp_path / "a-2024.txt").write_text(this, "utf-8")
    (tmp_path / "b-2025.txt").write_text(this.replace("2024", "2025"), "utf-8")
    main(["--fail-on", "never", "--select", "GX604", str(tmp_path)])
    out = capsys.readouterr().out
    assert f"{tmp_path / 'b-2025.txt'}:10:" in out
    assert "10 │ " + this.split("\n")[9].replace("2024", "2025")[:20] in out


@pytest.mark.parametrize(("output", "read"), [("json", False), ("sarif", False), ("text", True)])
def test_a_near_copys_line_is_read_again_only_for_an_output_that_shows_it(
    tmp_path, capsys, monkeypatch, output, read
) -> None:
    from gxlint.app import lines

    this = corpus_text("hongze-2024")
    (tmp_path / "a-2024.txt").write_text(this, "utf-8")
    (tmp_path / "b-2025.txt").write_text(this.replace("2024", "2025"), "utf-8")
    reads: list[str] = []
    real = lines._lines
    monkeypatch.setattr(lines, "_lines", lambda path: reads.append(path) or real(path))
    main(["--fail-on", "never", "--select", "GX604", "--format", output, str(tmp_path)])
    out = capsys.readouterr().out
    assert "GX604" in out
    assert reads == ([str(tmp_path / "b-2025.txt")] if read else [])


def _leaves(value: object) -> list[object]:
    """Every plain value inside a fact (its records, mappings and sequences opened)."""
    if is_record(value) and not isinstance(value, type):
        return [x for f in fields(value) for x in _leaves(getattr(value, f.name))]
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in (*_leaves(k), *_leaves(v))]
    if isinstance(value, list | tuple):  # a Span is a tuple of four numbers
        return [x for v in value for x in _leaves(v)]
    if isinstance(value, str):
        return value.split("\n")  # GX604 keeps its sentences' first words as one string
    return [value]


@pytest.mark.parametrize("name", ["hongze-2024", "shanghai-office-2019", "pingtan-2021"])
def test_facts_hold_only_compact_plain_values(name) -> None:
    """A batch keeps every report's facts to the end: no line of the report in them, no rule,
    no Decimal — only names, numbers as text, spans, and the first words of each sentence (in
    one string, a line each; GX604's fingerprints and places in arrays)."""
    facts = check_report(build_document(f"{name}.txt", corpus_text(name))).facts
    assert {"GX601", "GX602", "GX603", "GX604"} <= set(facts)
    leaves = [x for f in facts.values() for x in _leaves(f)]
    assert {type(x) for x in leaves} <= {str, int, array, type(None)}
    assert max(len(x) for x in leaves if isinstance(x, str)) <= 40


def test_a_batch_compared_in_groups_on_disk_finds_what_it_finds_at_once(monkeypatch) -> None:
    # A large batch is compared a group (an agency's reports) or a bucket (sentences, pairs of
    # reports) at a time; with groups of two reports and buckets of one, a batch where every
    # comparison fires (GX601–GX604) finds exactly what it finds in one piece.
    from gxlint.kinds import _across, near_copy

    names = ["pingtan-2021", "pingtan-2023", "pingtan-2024", "hongze-2024", "shuyang-2025"]
    reports = [(f"{name}.txt", corpus_text(name)) for name in names]
    hongze = corpus_text("hongze-2024")
    rotated = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), hongze.replace("2024", "@"))
    reports += [("copy/hongze-2024.txt", hongze), ("hongze-2025.txt", rotated.replace("@", "2025"))]
    pingtan = corpus_text("pingtan-2024").replace("2024", "2025").replace("2023", "2024")
    reports += [("pingtan-2025.txt", ROW.sub(r"\g<1>7\2", pingtan))]
    whole = lint_batch(reports)
    assert {"GX601", "GX603", "GX604"} <= {f.code for f in whole}
    monkeypatch.setattr(_across, "GROUP", 2)
    monkeypatch.setattr(near_copy, "REPORTS_A_BUCKET", 1)
    assert lint_batch(reports) == whole
