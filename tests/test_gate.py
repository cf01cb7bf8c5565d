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
    # The archive holds a copy of the same report, which the cross-report rules (tested in
    # test_across.py) would rightly flag; these tests are about the gate's per-file features.
    _configure(tmp_path, 'ignore = ["GX6"]')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _configure(repo, *lines: str) -> None:
    config = repo / "gxlint.toml"
    before = config.read_text("utf-8") if config.exists() else ""
    config.write_text(before + "".join(f"{line}\n" for line in lines), "utf-8")


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
    _configure(repo, 'per-file-ignores = {"reports/archive/*/*" = ["GX5", "GX211"]}')
    assert main(["--format", "json", "--fail-on", "never", "reports"]) == 0
    found = _json(capsys)
    assert {(f["path"].split("reports/")[-1], f["code"]) for f in found} == {
        ("2023.txt", "GX211"),
        ("2023.txt", "GX509"),
    }


def test_force_exclude_applies_exclude_to_files_named_on_the_command_line(repo, capsys) -> None:
    _configure(repo, 'exclude = ["reports/archive/*"]')
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


def test_csv_summary_has_a_row_per_file_including_unreadable_ones(repo, capsys) -> None:
    import csv
    import io

    (repo / "reports" / "empty.txt").write_text("")
    assert main(["--format", "csv", "--fail-on", "never", "reports"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("\ufeffpath,agency,kind,year,format,errors,warnings,infos,codes,readable")
    rows = {r["path"].split("reports/")[-1]: r for r in csv.DictReader(io.StringIO(out[1:]))}
    assert set(rows) == {"2023.txt", "archive/2019/old.txt", "empty.txt"}
    seed = rows["2023.txt"]
    assert (seed["agency"], seed["kind"], seed["year"], seed["format"]) == (
        "许昌市司法局",
        "department",
        "2023",
        "2021",
    )
    assert (seed["errors"], seed["warnings"], seed["codes"], seed["readable"]) == (
        "0",
        "2",
        "GX211 GX509",
        "yes",
    )
    assert rows["empty.txt"]["readable"].startswith("no: 文件为空")


def test_parse_and_rules_as_json(repo, capsys) -> None:
    assert main(["parse", "--format", "json", "reports/2023.txt"]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert parsed["format"]["version"] == "2021" and parsed["year"] == 2023
    assert parsed["agency"]["kind"] == "department"
    assert [s["key"] for s in parsed["sections"]] == [
        "overview", "proactive", "applications", "review", "problems", "other"
    ]  # fmt: skip
    applications = next(t for t in parsed["tables"] if t["key"] == "applications")
    new = next(r for r in applications["rows"] if r["key"] == "new")
    assert [c["column"] for c in new["cells"]][-1] == "total" and new["cells"][-1]["value"] == "0"
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {"GX101", "GX211", "GX902"} <= {r["code"] for r in rules}
    assert all(r["why"] and r["severity"] in ("error", "warning", "info") for r in rules)


def _batch(folder, count: int) -> None:
    for i in range(count):
        (folder / f"r{i:02}.txt").write_text(SEED.read_text("utf-8"), "utf-8")


def _under_a_terminal(command: list[str], stream: str) -> bytes:
    """What `command` writes to `stream` ("stdout" or "stderr") when it is a terminal."""
    import os
    import pty
    import subprocess

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: follower}
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env, **streams)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.wait(timeout=120)
    os.close(leader)
    return seen


def test_progress_bar_under_a_terminal_and_not_when_piped(tmp_path) -> None:
    import subprocess
    import sys

    _batch(tmp_path, 12)
    command = [sys.executable, "-m", "gxlint", "--jobs", "1", "--exit-zero", str(tmp_path)]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert "checking" not in piped.stderr and piped.stderr == ""
    seen = _under_a_terminal(command, "stderr")
    assert b"checking" in seen  # the bar was drawn on the terminal
    assert b"/12" in seen


def test_text_streams_file_by_file_at_a_terminal_with_the_same_findings(tmp_path) -> None:
    import re
    import subprocess
    import sys

    _batch(tmp_path, 3)
    command = [sys.executable, "-m", "gxlint", "--jobs", "1", "--exit-zero", str(tmp_path)]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    shown = _under_a_terminal(command, "stdout").decode("utf-8")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown).replace("\r\n", "\n")
    locations = re.compile(r"^\S+:\d+:\d+: GX\d{3}", re.M)
    # the same findings; the cross-report ones (three copies: GX603, GX604) come last
    assert sorted(locations.findall(plain)) == sorted(locations.findall(piped))
    per_file = [c for c in locations.findall(plain) if "GX6" not in c]
    assert len(per_file) == 6
    assert {c[-5:] for c in locations.findall(plain)} - {c[-5:] for c in per_file} == {
        "GX603",
        "GX604",
    }
    assert plain.count("检查了 3 个文件") == 1 and piped.count("检查了 3 个文件") == 1


def test_a_baseline_works_from_any_folder(repo, capsys, monkeypatch) -> None:
    """Entries are keyed by paths relative to the baseline's own folder: written from the
    root, used from a subfolder (and the other way round), nothing comes back."""
    assert main(["--write-baseline", "gxlint-baseline.json", "reports"]) == 0
    paths = {e["path"] for e in json.loads((repo / "gxlint-baseline.json").read_text())["findings"]}
    assert paths == {"reports/2023.txt", "reports/archive/2019/old.txt"}
    capsys.readouterr()
    monkeypatch.chdir(repo / "reports")
    assert main(["--baseline", "../gxlint-baseline.json", "--format", "json", "."]) == 0
    assert _json(capsys) == []
    assert main(["--write-baseline", "../b2.json", "."]) == 0
    monkeypatch.chdir(repo)
    assert (repo / "b2.json").read_text() == (repo / "gxlint-baseline.json").read_text()


def test_messages_name_other_reports_from_the_configurations_folder(repo, capsys) -> None:
    """GX603 names the report it repeats by its path from the configuration's folder, wherever
    gxlint is started and however the reports were named."""
    (repo / "gxlint.toml").write_text('select = ["GX603"]\n', "utf-8")
    main(["--format", "json", "--fail-on", "never", str(repo / "reports")])
    (twice,) = _json(capsys)
    assert twice["code"] == "GX603" and twice["path"].endswith("reports/archive/2019/old.txt")
    assert "reports/2023.txt" in twice["message"] and str(repo) not in twice["message"]


def test_a_file_that_is_no_report_is_named_once_and_passes(tmp_path, capsys) -> None:
    """Named on the command line or found in a folder: one notice, no GX101; exit 0, or 1 with
    --fail-on info (a gate that wants every file to be a report)."""
    readme = tmp_path / "README.md"
    readme.write_text("# 年报仓库\n\n本仓库存放各年度报告。\n", "utf-8")
    assert main(["--format", "json", str(readme)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err.count("不是政府信息公开工作年度报告") == 1
    assert main(["--format", "json", "--fail-on", "info", str(readme)]) == 1
    capsys.readouterr()
    (tmp_path / "2023.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    assert main(["--format", "json", "--fail-on", "never", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert {f["path"] for f in json.loads(out)} == {str(tmp_path / "2023.txt")}
    assert "GX101" not in out and "README.md" in err
