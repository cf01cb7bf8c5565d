"""Command line: commands and options only; the checking lives in engine.py and the kinds.

    gxlint [check] PATH...     check reports (files or directories of .txt/.md)
    gxlint rules               list the rules of a pack
    gxlint explain CODE        print a rule's documentation
    gxlint parse FILE          show how gxlint reads a report

Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage or input error.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gxlint import __version__
from gxlint.app.choices import DEFAULT_PACK, FAIL_ON, FORMAT_VERSIONS, FORMATS
from gxlint.errors import EXIT_ERROR, EXIT_OK, GxlintError
from gxlint.printable import printable

if TYPE_CHECKING:
    from gxlint.app.check import Request

COMMANDS = ("check", "rules", "explain", "kinds", "parse")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # --format is never read as --format-version
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # one line, exit 2, like every other input error
        self.exit(EXIT_ERROR, f"gxlint: 用法错误 (usage error): {message}\n")


def _arguments() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gxlint",
        description="政府信息公开工作年度报告合规检查",
        epilog="gxlint 报告.txt 等同于 gxlint check 报告.txt。"
        "退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法或输入错误。",
    )
    parser.add_argument("--version", action="version", version=f"gxlint {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = commands.add_parser("check", help="检查报告 (check reports)")
    check.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录；- 表示标准输入")
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text（默认）、json、sarif（代码扫描）、github（GitHub Actions 注释）",
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
    _check_options(check)

    rules = commands.add_parser("rules", help="列出全部规则 (list rules)")
    rules.add_argument("--pack", default=DEFAULT_PACK, help=_PACK_HELP)

    explain = commands.add_parser("explain", help="说明一条规则 (explain a rule)")
    explain.add_argument("code", metavar="CODE")
    explain.add_argument("--pack", default=None, help=_PACK_HELP + "；默认在全部内置规则包中查找")

    commands.add_parser("kinds", help="列出规则类型及其参数 (list rule kinds)")

    parse = commands.add_parser("parse", help="显示 gxlint 如何读取报告 (show the parse)")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument(
        "--text", action="store_true", help="只显示从文件中提取的文本，带行号（网页、Word 文件）"
    )
    _check_options(parse)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "check")
    if not args:
        args = ["--help"]
    options = _arguments().parse_args(args)
    if sys.stdout is None:
        return _fail("标准输出", "已关闭，无法写出结果 (standard output is closed)")
    try:
        return _run(options)
    except GxlintError as exc:
        return _fail(exc.where, exc.problem)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:  # writing the output: a full disk, a closed file
        _silence_stdout()
        return _fail("标准输出", f"无法写出结果 (cannot write the output: {exc.strerror})")
    except Exception as exc:
        return _fail("内部错误", f"请报告 (internal error, please report): {exc!r}")


def _fail(where: str, problem: str) -> int:
    """One line on stderr (if there is one), exit code 2."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError):
            print(f"gxlint: {printable(where)}: {printable(problem)}", file=sys.stderr)
    return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(options: argparse.Namespace) -> int:
    from gxlint.app import commands
    from gxlint.app.batch import Options
    from gxlint.app.check import Request, check

    if options.command == "rules":
        return commands.list_rules(options.pack)
    if options.command == "explain":
        return commands.explain(options.code, options.pack)
    if options.command == "kinds":
        return commands.list_kinds()
    if options.command == "parse":
        if options.text:
            return commands.show_text(options.path)
        return commands.show_parse(options.path, options.pack, options.format_version)
    from gxlint.app.config import find_config, load_config

    if options.no_config:
        config = load_config(None)
    else:
        config = load_config(Path(options.config) if options.config else find_config(Path.cwd()))
    select = _codes(options.select) if options.select is not None else frozenset(config.select)
    ignore = _codes(options.ignore) if options.ignore is not None else frozenset(config.ignore)
    request = Request(
        paths=options.paths,
        options=Options(
            pack=options.pack or config.pack,
            format_version=options.format_version or config.format_version,
            select=select,
            ignore=ignore,
        ),
        output=options.format,
        fail_on=options.fail_on or config.fail_on or "error",
        jobs=options.jobs,
        exclude=config.exclude,
        fix=options.fix,
    )
    if options.show_settings:
        return _show_settings(config.path, request)
    return check(request)


def _show_settings(path: Path | None, request: Request) -> int:
    """Which configuration file applies and what gxlint will do (ruff's --show-settings)."""
    print(f"配置文件 config: {path or '（无 none）'}")
    opts = request.options
    settings = {
        "fail-on": request.fail_on,
        "select": ",".join(sorted(opts.select)) or "（全部 all）",
        "ignore": ",".join(sorted(opts.ignore)) or "（无 none）",
        "exclude": ",".join(request.exclude) or "（无 none）",
        "pack": opts.pack or "（按格式版本 by format version）",
        "format-version": opts.format_version or "（自动 detected）",
    }
    for key, value in settings.items():
        print(f"{key} = {value}")
    return EXIT_OK


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"应为 0 或正整数，实为 {value!r}")
    return int(value)


def _codes(value: str) -> frozenset[str]:
    return frozenset(c.strip().upper() for c in value.split(",") if c.strip())
