"""The command line: exit codes, the JSON contract, the commands, and errors without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEED
from gxlint import __version__
from gxlint.app.cli import main
from gxlint.pack.params import schema_of

JSON_KEYS = {"path", "code", "severity", "line", "column", "end_line", "end_column", "message"}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args],
        input=stdin.decode("utf-8") if stdin else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "NO_COLOR": "1",
            "PYTHONPATH": str(ROOT / "src"),
            "GXLINT_CACHE_DIR": os.environ["GXLINT_CACHE_DIR"],
        },
    )


@pytest.fixture
def broken_seed(tmp_path, seed_text):
    path = tmp_path / "draft.txt"
    path.write_text(seed_text.replace("本年度未收取信息处理费。", ""), "utf-8")
    return path


def test_seed_exits_zero(capsys) -> None:
    assert main([str(SEED)]) == 0
    assert main(["check", str(SEED)]) == 0


def test_error_exits_one_and_json_contract(broken_seed, capsys) -> None:
    assert main(["--format", "json", str(broken_seed)]) == 1
    out = capsys.readouterr().out
    assert "\\u" not in out and "信息处理费" in out
    items = json.loads(out)
    assert isinstance(items, list) and items
    for item in items:
        assert set(item) >= JSON_KEYS
        assert item["severity"] in ("error", "warning", "info")
        assert item["line"] >= 1 and item["column"] >= 1
    fee = next(i for i in items if i["code"] == "GX401")
    assert fee["path"] == str(broken_seed)
    assert fee["line"] == 88 and fee["column"] == 1 and fee["end_column"] == 12


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on(broken_seed, fail_on, code, capsys) -> None:
    assert main(["--fail-on", fail_on, str(broken_seed)]) == code


def test_fail_on_warning_counts_warnings(tmp_path, seed_text, capsys) -> None:
    path = tmp_path / "typo.txt"
    path.write_text(seed_text.replace("改进情况", "改进请况"), "utf-8")
    assert main([str(path)]) == 0
    assert main(["--fail-on", "warning", str(path)]) == 1


def test_text_output_is_plain_and_marks_the_span(broken_seed) -> None:
    result = run(str(broken_seed))
    assert result.returncode == 1
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    head = next(i for i, ln in enumerate(lines) if "GX401" in ln)
    assert lines[head].startswith(f"{broken_seed}:88:1: GX401 error[错误] ")
    assert lines[head + 2] == "88 │ 六、其他需要报告的事项"
    assert lines[head + 3] == "   │ " + "^" * 22  # eleven CJK characters, two columns each
    assert lines[head + 4].startswith("help: ")
    assert "1 个错误" in lines[-1]


def test_stdin(seed_text) -> None:
    result = run("-", stdin=seed_text.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    heads = [ln for ln in result.stdout.splitlines() if ln.startswith("<stdin>:")]
    assert heads == [
        "<stdin>:11:37: GX509 warning[警告] 「3585条」所列分项之和只有 3385条，比总数少 200",
        "<stdin>:32:13: GX211 warning[警告] "
        "表格标签「本年度止件数」与格式规定的「本年废止件数」不一致",
    ]


def test_directory_recurses(tmp_path, seed_text, capsys) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(seed_text, "utf-8")
    (tmp_path / "two.md").write_text(seed_text.replace("本年度未收取信息处理费。", ""), "utf-8")
    assert main(["--format", "json", str(tmp_path)]) == 1
    items = json.loads(capsys.readouterr().out)
    assert {i["path"] for i in items} == {str(tmp_path / "a" / "one.txt"), str(tmp_path / "two.md")}
    assert {i["path"] for i in items if i["severity"] == "error"} == {str(tmp_path / "two.md")}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "missing.txt: 文件不存在"),
        (["--pack", "gov-1999", "x.txt"], "没有这个规则包"),
        (["--select", "GX999", "examples/xuchang-justice-2023.txt"], "GX999"),
        (["explain", "GX999"], "GX999"),
        (["--format", "xml", "x.txt"], "用法错误"),
    ],
)
def test_errors_are_one_line_exit_two(args, message) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_binary_file_among_good_ones_exits_two(tmp_path, capsys) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PDF")
    assert main([str(SEED), str(binary)]) == 2
    captured = capsys.readouterr()
    assert f"{binary}: 含有 NUL 字节" in captured.err
    assert "检查了 2 个文件，其中 1 个无法读取" in captured.out
    assert "GX509" in captured.out  # the readable report's findings are still shown


def test_version_rules_explain_parse(capsys) -> None:
    result = run("--version")
    assert result.stdout.strip() == f"gxlint {__version__}"
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "GX101" in out and "GX401" in out and "section-missing" in out
    assert main(["explain", "gx401"]) == 0
    out = capsys.readouterr().out
    assert "GX401 fee-statement" in out and "违反示例" in out and "本年度未收取信息处理费" in out
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "section 六 其他需要报告的事项 → other (exact)" in out
    assert "year=2023 年" in out
    assert "agency 许昌市司法局 → department（政府部门）" in out
    # Each recognised table, keyed by template keys, with the report's own row labels.
    assert "收到和处理政府信息公开申请情况表  (applications)" in out
    flat = out.replace("│", "").replace(" ", "").replace("\n", "")
    assert "handled_total" in flat and "(七)总计" in flat and "withheld_secret" in flat


def test_never_writes_the_input(broken_seed) -> None:
    before = broken_seed.read_bytes()
    run(str(broken_seed))
    assert broken_seed.read_bytes() == before


def test_parallel_batch_matches_serial(tmp_path, capsys) -> None:
    from conftest import CORPUS

    for i, report in enumerate(sorted(CORPUS.glob("*.txt")) * 2):
        (tmp_path / f"{i:02d}-{report.name}").write_text(report.read_text("utf-8"), "utf-8")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["--format", "json", "--fail-on", "never", "--jobs", jobs, str(tmp_path)]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert len({i["path"] for i in outputs[0]}) > 1


def test_jobs_must_be_a_count() -> None:
    result = run("--jobs", "-1", str(SEED))
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_explain_finds_any_rule_gxlint_emits_without_pack(capsys) -> None:
    assert main(["explain", "GX107"]) == 0
    out = capsys.readouterr().out
    assert "GX107" in out and "为什么 Why" in out
    assert main(["explain", "GX999"]) == 2


def test_kinds_lists_parameters_and_message_fields_from_the_code(capsys) -> None:
    from gxlint.kinds import registry

    assert main(["kinds"]) == 0
    out = capsys.readouterr().out
    for name, kind in registry().items():
        assert name in out
        assert all(param in out for param in schema_of(kind.params))
    assert "direction" in out and "difference" in out  # stated-parts: a param and a field


def test_sarif_province_rule_metadata(tmp_path, capsys) -> None:
    pack = str(ROOT / "examples" / "province-example.yaml")
    text = "某某县人民政府2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开。\n"
    text += "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    report = tmp_path / "r.txt"
    report.write_text(text, "utf-8")
    main(["--pack", pack, "--format", "sarif", "--fail-on", "never", str(report)])
    log = json.loads(capsys.readouterr().out)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SL480"]["name"] == "province-grassroots-standards"
    assert rules["SL480"]["defaultConfiguration"]["level"] == "warning"
    assert rules["GX406"]["defaultConfiguration"]["level"] == "note"  # changed to info
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_paths_from_a_file_one_a_line(tmp_path, capsys) -> None:
    """gxlint @list.txt (argparse's fromfile convention): an office checks the addresses or
    paths of its province's reports from one list."""
    import json

    from conftest import CORPUS

    listing = tmp_path / "list.txt"
    names = ["hongze-2024.txt", "huaian-2024.txt"]
    listing.write_text("".join(f"{CORPUS / n}\n" for n in names), "utf-8")
    assert main(["--format", "json", "--fail-on", "never", f"@{listing}"]) == 0
    paths = {f["path"] for f in json.loads(capsys.readouterr().out)}
    assert paths == {str(CORPUS / n) for n in names}


def test_serve_without_the_web_extra_says_how_to_install_it(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    assert main(["serve"]) == 2
    assert "pip install 'gxlint[web]'" in capsys.readouterr().err
