"""The command line speaks Chinese end to end: argparse's own words through gxlint's zh_CN
catalogue (locale/zh_CN/LC_MESSAGES/argparse.po, compiled to .mo), "是不是……？" for a
mistyped option, choice or command, and `gxlint --help` shows the check options."""

from __future__ import annotations

import pytest

from gxlint.app.catalogue import PO, compile_mo, read_po
from gxlint.app.cli import main

ENGLISH = (
    "usage:",
    "options:",
    "positional arguments",
    "show this help",
    "unrecognized",
    "invalid choice",
    "required:",
)


def test_the_compiled_catalogue_is_the_po_file() -> None:
    entries = read_po(PO.read_text("utf-8"))
    assert entries["usage: "] == "用法：" and entries["expected %s argument\0expected %s arguments"]
    assert PO.with_suffix(".mo").read_bytes() == compile_mo(entries)


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"]])
def test_help_is_chinese_and_shows_the_check_options(capsys, args) -> None:
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：gxlint [check]")
    assert "选项" in out and "显示本帮助并退出" in out
    assert "--fail-on" in out and "-o FILE, --output-file FILE" in out and "-q, --quiet" in out
    assert not any(word in out for word in ENGLISH)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--fial-on", "warning", "r.txt"], "无法识别的参数：--fial-on（是不是 --fail-on？）"),
        (["--format", "jsn", "r.txt"], "参数 --format：无效的取值：'jsn'"),
        (["--format", "jsn", "r.txt"], "（是不是 json？）"),
        (["rules", "--pak", "2019"], "（是不是 --pack？）"),
        (["explain"], "缺少必需的参数：CODE"),
        (["--jobs"], "参数 --jobs：需要一个值"),
        (["chek", "r.txt"], "chek: 不是 gxlint 的命令，也不是文件（是不是 check？）"),
        (["extrct", "r.txt"], "（是不是 extract？）"),
    ],
)
def test_errors_are_chinese_with_a_suggestion(capsys, args, says) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert not any(word in err for word in ENGLISH)


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["rules", "--help"]])
def test_output_that_cannot_be_written_is_an_error_not_a_traceback_or_silence(args) -> None:
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "gxlint", *args], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert (
        run.stderr.strip()
        == "gxlint: 标准输出: 无法写出结果 (cannot write the output: No space left on device)"
    )


def test_with_stderr_closed_error_lines_never_reach_stdout(tmp_path) -> None:
    """JSON on stdout stays JSON when stderr is closed (print(file=None) wrote to stdout)."""
    import json
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "gxlint", "--format", "json", str(tmp_path / "missing.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=lambda: __import__("os").close(2),
    )
    assert run.returncode == 2
    assert [f["code"] for f in json.loads(run.stdout)] == ["GX902"]
