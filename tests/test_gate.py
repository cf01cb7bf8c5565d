"""A CI gate for a repository of reports: baselines, per-file ignores, --force-exclude, config
found next to the report, statistics, quiet, exit-zero, output file, --fix --diff."""

from __future__ import annotations

import json

import pytest

from conftest import SEED
from gxlint.app.cli import main


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / "reports" / "archive" / "2019").mkdir(parents=True)
    seed = SEED.read_text("utf-8")
    (tmp_path / "reports" / "2023.txt").write_text(seed, "utf-8")
    (tmp_path / "reports" / "archive" / "2019" / "old.txt").write_text(seed, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(capsys) -> list[dict]:
    return json.loads(capsys.readouterr().out)


def test_baseline_survives_inserted_paragraphs_and_flags_a_new_finding(repo, capsys) -> None:
    assert main(["--write-baseline", "gxlint-baseline.json", "reports"]) == 0
    capsys.readouterr()
    baseline = json.loads((repo / "gxlint-baseline.json").read_text("utf-8"))
    entries = baseline["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["code"], e["message"], e["text"]))
    assert {e["code"] for e in baseline["findings"]} == {"GX211", "GX509"}
    report = repo / "reports" / "2023.txt"
    text = report.read_text("utf-8")
    # a paragraph added above: old findings move down a line, and are not new
    report.write_text(text.replace("一、总体情况\n", "一、总体情况\n新增一段文字。\n", 1), "utf-8")
    assert main(["--baseline", "gxlint-baseline.json", "--format", "json", "reports"]) == 0
    assert _json(capsys) == []
    # a new defect is reported
    report.write_text(report.read_text("utf-8").replace("规章\t0\t0\t0", "规章\t0\t0\t-1"), "utf-8")
    assert main(["--baseline", "gxlint-baseline.json", "--format", "json", "reports"]) == 1
    assert [f["code"] for f in _json(capsys)] == ["GX209"]


def test_the_config_baseline_key_and_per_file_ignores(repo, capsys) -> None:
    (repo / "gxlint.toml").write_text(
        'per-file-ignores = {"reports/archive/*/*" = ["GX5", "GX211"]}\n', "utf-8"
    )
    assert main(["--format", "json", "--fail-on", "never", "reports"]) == 0
    found = _json(capsys)
    assert {(f["path"].split("reports/")[-1], f["code"]) for f in found} == {
        ("2023.txt", "GX211"),
        ("2023.txt", "GX509"),
    }


def test_force_exclude_applies_exclude_to_files_named_on_the_command_line(repo, capsys) -> None:
    (repo / "gxlint.toml").write_text('exclude = ["reports/archive/*"]\n', "utf-8")
    old = "reports/archive/2019/old.txt"
    assert main(["--format", "json", "--fail-on", "never", old]) == 0
    assert _json(capsys) != []  # named explicitly: checked
    assert main(["--format", "json", "--force-exclude", "reports/2023.txt", old]) == 0
    assert {f["path"] for f in _json(capsys)} == {"reports/2023.txt"}


def test_config_is_found_next_to_the_report_from_anywhere(
    repo, tmp_path_factory, capsys, monkeypatch
) -> None:
    (repo / "reports" / "gxlint.toml").write_text('ignore = ["GX5"]\n', "utf-8")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert main(["--format", "json", str(repo / "reports" / "2023.txt")]) == 0
    assert [f["code"] for f in _json(capsys)] == ["GX211"]


def test_an_unknown_key_suggests_the_nearest_known_one(repo, capsys) -> None:
    (repo / "gxlint.toml").write_text("per-file-ignore = {}\n", "utf-8")
    assert main(["reports"]) == 2
    assert "per-file-ignores" in capsys.readouterr().err


def test_statistics_quiet_exit_zero_output_file(repo, capsys) -> None:
    assert main(["--statistics", "reports"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["2", "GX211"], ["2", "GX509"]]
    assert main(["--quiet", "reports"]) == 0
    assert "检查了" not in capsys.readouterr().out
    assert main(["--exit-zero", "--fail-on", "warning", "reports"]) == 0
    capsys.readouterr()
    assert main(["--output-file", "out.json", "--format", "json", "reports"]) == 0
    assert capsys.readouterr().out == ""
    assert len(json.loads((repo / "out.json").read_text("utf-8"))) == 4


def test_fix_diff_prints_the_diff_and_writes_nothing(repo, capsys) -> None:
    report = repo / "reports" / "2023.txt"
    before = report.read_bytes()
    assert main(["--fix", "--diff", str(report)]) == 1
    out = capsys.readouterr().out
    assert (
        "-信息内容\t本年制发件数\t本年度止件数" in out
        and "+信息内容\t本年制发件数\t本年废止件数" in out
    )
    assert report.read_bytes() == before
