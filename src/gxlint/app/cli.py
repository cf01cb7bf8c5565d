"""Command line: commands and options only; the checking lives in engine.py and the kinds.

    gxlint [check] PATH...     check reports (files or directories of .txt/.md)
    gxlint rules               list the rules of a pack
    gxlint explain CODE        print a rule's documentation
    gxlint parse FILE          show how gxlint reads a report

Exit codes: 0 no finding at or above --fail-on; 1 some; 2 usage or input error.
"""

from __future__ import annotations

import os
import sys

from gxlint import version_text
from gxlint.app.choices import COMMANDS
from gxlint.errors import EXIT_ERROR, EXIT_OK, GxlintError, tell

# Not typing's: `gxlint --version` imports nothing but this module and its three small ones.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # before argparse is imported: a version check stays fast
        return _printed(version_text())
    from gxlint.app.arguments import build_parser, did_you_mean_command

    if not args or args in (["-h"], ["--help"]):
        args = ["check", "--help"]  # gxlint FILE is a check: its options are the ones to show
    elif args[0] not in COMMANDS:
        hint = "" if os.path.exists(args[0]) else did_you_mean_command(args[0])
        if hint:  # gxlint chek r.txt
            return _fail(args[0], f"不是 gxlint 的命令，也不是文件{hint}")
        args.insert(0, "check")

    try:
        options = build_parser().parse_args(args)
    except SystemExit as done:  # --help, or a usage error (its line already on stderr)
        return _printed("") if done.code == 0 else EXIT_ERROR
    except OSError as exc:  # the help could not be written
        _silence_stdout()
        return _fail("标准输出", f"无法写出结果 (cannot write the output: {exc.strerror})")
    return _checked(options)


def _printed(text: str) -> int:
    """Print `text` (if any) and make sure it was written: a full disk (> /dev/full) is an
    error, never a silent success nor a traceback at exit."""
    try:
        if text:
            print(text)
        sys.stdout.flush()
    except OSError as exc:
        _silence_stdout()
        return _fail("标准输出", f"无法写出结果 (cannot write the output: {exc.strerror})")
    return EXIT_OK


def _checked(options: argparse.Namespace) -> int:
    """Run the command; every failure one line and an exit code, never a traceback."""
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
    tell(where, problem)
    return EXIT_ERROR


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail again."""
    import contextlib

    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(options: argparse.Namespace) -> int:
    from gxlint.app import commands
    from gxlint.app.batch import Options
    from gxlint.app.check import Request, check

    if options.command != "check":
        return commands.run(options)
    from pathlib import Path

    from gxlint.app.config import load_config

    if options.no_config:
        config = load_config(None)
    else:
        config = load_config(Path(options.config) if options.config else _nearest(options.paths))
    select = _codes(options.select) if options.select is not None else frozenset(config.select)
    ignore = _codes(options.ignore) if options.ignore is not None else frozenset(config.ignore)
    request = Request(
        paths=options.paths,
        options=Options(
            pack=options.pack or config.pack,
            format_version=options.format_version or config.format_version,
            select=select,
            ignore=ignore,
            whole_text=options.format == "html",
        ),
        output=options.format,
        fail_on="never" if options.exit_zero else options.fail_on or config.fail_on or "error",
        jobs=options.jobs,
        exclude=config.exclude,
        fix=options.fix,
        diff=options.diff,
        force_exclude=options.force_exclude,
        quiet=options.quiet,
        statistics=options.statistics,
        output_file=options.output_file,
        root=config.root,
        per_file_ignores=config.per_file_ignores,
        baseline=options.baseline or _under(config.root, config.baseline),
        write_baseline=options.write_baseline,
        annotate_docx=options.annotate_docx,
        history=tuple(options.history or (str(config.root / h) for h in config.history)),
        rules_url=config.rules_url,
    )
    if options.show_settings:
        from gxlint.app.settings import show_settings

        return show_settings(options, config, request)
    return check(request)


def _nearest(paths: list[str]) -> Path | None:
    """The configuration of the reports named: each one's nearest gxlint.toml upwards (ruff's
    rule: it applies wherever gxlint is started from), the working directory's for stdin and
    addresses. Reports under two configurations are not checked under either one's settings:
    a one-line error names both (check each part on its own, or name one with --config)."""
    from pathlib import Path

    from gxlint.app.config import find_config

    starts = {
        (path if path.is_dir() else path.parent).resolve()
        for p in paths
        if p != "-" and (path := Path(p)).exists()
    }
    found = {find_config(start) for start in starts or {Path.cwd()}}
    if len(found) > 1:
        names = "、".join(sorted(str(f or "（无配置）") for f in found))
        raise GxlintError(
            "--config", f"这些报告属于不同的配置文件：{names}；请分别检查，或用 --config 指定一个"
        )
    return found.pop()


def _under(root: Path, path: str | None) -> str | None:
    return str(root / path) if path else None


def _codes(value: str) -> frozenset[str]:
    return frozenset(c.strip().upper() for c in value.split(",") if c.strip())
