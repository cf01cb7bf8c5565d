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
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 0
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
    try:
        code = main(args)
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert not any(word in err for word in ENGLISH)
