"""The command line's grammar: the commands and their options (what each does: app/cli.py and the
modules it calls). Options follow ruff's names where ruff has one."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from gxlint import version_text
from gxlint.app.catalogue import use_chinese
from gxlint.app.choices import COMMANDS, DEFAULT_PACK, FAIL_ON, FORMAT_VERSIONS, FORMATS
from gxlint.errors import EXIT_ERROR


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # --format is never read as --format-version
        kwargs.setdefault("fromfile_prefix_chars", "@")  # gxlint @urls.txt: a path a line
        super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]  # argparse's overloads: gxlint uses the first
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            unknown = " ".join(extras)
            self.error(f"无法识别的参数：{unknown}{_did_you_mean(extras[0], _options(self))}")
        return parsed

    def print_help(self, file: Any = None) -> None:
        """The help, with a failure to write it raised (argparse's own print swallows it: a
        `--help > /dev/full` exited 0 with nothing written)."""
        (file or sys.stdout).write(self.format_help())

    def error(self, message: str) -> NoReturn:  # one line, exit 2, like every input error
        if choice := _CHOICE.search(message):
            choices = [c.strip(" '") for c in choice.group("choices").split(",")]
            message += _did_you_mean(choice.group("value"), choices)
        self.exit(EXIT_ERROR, f"gxlint: 用法错误 (usage error): {message}\n")


# The catalogue's words for argparse's "invalid choice" (locale/…/argparse.po).
_CHOICE = re.compile(r"无效的取值：'(?P<value>[^']*)'（可选：(?P<choices>[^）]*)）")


def _did_you_mean(word: str, known: list[str]) -> str:
    """「（是不是 --fail-on？）」 for a word close to one that gxlint knows (ruff's hint)."""
    import difflib

    close = difflib.get_close_matches(word.split("=")[0], known, n=1, cutoff=0.6)
    return f"（是不是 {close[0]}？）" if close else ""


def did_you_mean_command(word: str) -> str:
    """The hint for a first word that is no command and no file (gxlint chek r.txt)."""
    return _did_you_mean(word, list(COMMANDS))


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string of the parser and its commands' parsers."""
    found = [s for action in parser._actions for s in action.option_strings]
    for action in parser._actions:
        for sub in (action.choices or {}).values() if isinstance(action.choices, dict) else ():
            found += _options(sub)
    return found


def build_parser() -> argparse.ArgumentParser:
    use_chinese()
    parser = _Parser(
        prog="gxlint",
        description="政府信息公开工作年度报告合规检查",
        epilog="gxlint 报告.txt 等同于 gxlint check 报告.txt。"
        "退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法或输入错误。",
    )
    parser.add_argument(
        "--version", action="version", version=version_text(), help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="检查报告 (check reports)",
        usage="gxlint [check] [选项] PATH …",
        description="政府信息公开工作年度报告合规检查：检查报告文件、目录或网址。",
        epilog="其他命令：gxlint rules（列出规则）、explain 代码（说明一条规则）、"
        "kinds（规则类型）、parse 文件（显示读取结果）、extract（导出表格数据）；"
        "gxlint 命令 --help 查看各自的选项。"
        "退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法或输入错误。",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录；- 表示标准输入")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text（默认）、json、sarif（代码扫描）、github（GitHub Actions 注释）、"
        "csv（每份报告一行）、html（供审阅的网页）",
    )
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="出现该级别及以上的问题时退出码为 1（默认 error）",
    )
    check.add_argument(
        "--fix", action="store_true", help="自动改正可修复的问题（如标签错字），原文件按原编码写回"
    )
    check.add_argument("--config", metavar="FILE", help="配置文件（默认向上查找 gxlint.toml）")
    check.add_argument("--no-config", action="store_true", help="不读取配置文件")
    check.add_argument(
        "--show-settings", action="store_true", help="显示使用的配置文件和生效的设置，然后退出"
    )
    check.add_argument(
        "--select", default=None, help="只运行这些规则，逗号分隔；可写前缀，如 GX1,GX401"
    )
    check.add_argument("--ignore", default=None, help="不运行这些规则，逗号分隔；可写前缀")
    check.add_argument(
        "--jobs", type=_jobs, default=0, metavar="N", help="并行进程数；0 为按 CPU 核数自动（默认）"
    )
    _output_options(check)
    _check_options(check)

    rules = commands.add_parser("rules", help="列出全部规则 (list rules)")
    rules.add_argument("--pack", default=DEFAULT_PACK, help=_PACK_HELP)
    _text_or_json(rules)

    explain = commands.add_parser("explain", help="说明一条规则 (explain a rule)")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--pack", default=None, help=_PACK_HELP + "；默认在全部内置规则包中查找")

    commands.add_parser("kinds", help="列出规则类型及其参数 (list rule kinds)")

    parse = commands.add_parser("parse", help="显示 gxlint 如何读取报告 (show the parse)")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument(
        "--text", action="store_true", help="只显示从文件中提取的文本，带行号（网页、Word 文件）"
    )
    _text_or_json(parse)
    _check_options(parse)

    test = commands.add_parser(
        "test", help="运行规则包里的用例 (run a rule pack's annotated cases)"
    )
    test.add_argument("packs", nargs="+", metavar="PACK", help=_PACK_HELP)

    serve = commands.add_parser(
        "serve", help="在浏览器中检查：启动检查服务 (the checks as a web service; gxlint[web])"
    )
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认只在本机：127.0.0.1）")
    serve.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    serve.add_argument(
        "--workers", type=_jobs, default=0, metavar="N", help="同时检查的进程数（默认按 CPU 核数）"
    )
    serve.add_argument(
        "--token", default=None, help="API 的共享令牌（也可用环境变量 GXLINT_TOKEN）；不设则不校验"
    )

    extract = commands.add_parser(
        "extract", help="把报告中识别出的表格导出为数据 (the tables as data: csv or json)"
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录")
    extract.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="csv（默认）或 json"
    )
    extract.add_argument("-o", "--output-file", metavar="FILE", help="写入文件，而不是标准输出")
    return parser


_PACK_HELP = "规则包：名称（gov-2021）、版本（2021）或 YAML 文件路径"


def _check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", default=None, help=_PACK_HELP + "；默认按报告的格式版本选择")
    parser.add_argument(
        "--format-version",
        choices=FORMAT_VERSIONS,
        default=None,
        help="按指定的格式版本检查，不自动判断",
    )


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"应为 0 或正整数，实为 {value!r}")
    return int(value)


def _text_or_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="输出格式：text（默认）或 json"
    )


def _output_options(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--exit-zero", action="store_true", help="总是以 0 退出（同 --fail-on never）"
    )
    check.add_argument("-q", "--quiet", action="store_true", help="只列出问题，不打印汇总")
    check.add_argument(
        "--statistics", action="store_true", help="只按规则代码统计问题个数（同 ruff --statistics）"
    )
    check.add_argument("-o", "--output-file", metavar="FILE", help="把结果写入文件，而不是标准输出")
    check.add_argument(
        "--diff", action="store_true", help="与 --fix 同用：只打印修改的差异，不写回文件"
    )
    check.add_argument("--baseline", metavar="FILE", help="只报告基线文件中没有的新问题")
    check.add_argument(
        "--annotate-docx",
        metavar="OUT.docx",
        help="另存一份 Word 文档，每个问题作为批注标在所在段落或单元格上（原文件不变）",
    )
    check.add_argument(
        "--history",
        metavar="DIR",
        action="append",
        help="往年的报告（不检查，只用于跨年度对照）；可重复",
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="把现有的问题写入基线文件（之后用 --baseline）"
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="命令行直接指定的文件也按配置中的 exclude 排除（pre-commit 传入文件时使用）",
    )
