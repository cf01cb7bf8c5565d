"""`--show-settings` (ruff's): the configuration file that applies, and every setting in force
with where it came from — the command line, that file, or gxlint's default."""

from __future__ import annotations

import argparse

from gxlint.app.check import Request
from gxlint.app.config import Config
from gxlint.errors import EXIT_OK

_COMMAND_LINE, _DEFAULT = "命令行 command line", "默认 default"
_NONE, _ALL = "（无 none）", "（全部 all）"


def show_settings(options: argparse.Namespace, config: Config, request: Request) -> int:
    where = f"配置文件 {config.path}" if config.path else ""
    print(f"配置文件 config: {config.path or '（无 none）'}")
    opts = request.options

    def origin(given: object, key: str) -> str:
        if given not in (None, False, []):
            return _COMMAND_LINE
        return where if where and key in config.values else _DEFAULT

    ignores = "; ".join(f"{glob} → {','.join(codes)}" for glob, codes in request.per_file_ignores)
    rows = [
        ("fail-on", request.fail_on, origin(options.fail_on or options.exit_zero, "fail-on")),
        (
            "select",
            ",".join(sorted(opts.select)) or "（全部 all）",
            origin(options.select, "select"),
        ),
        (
            "ignore",
            ",".join(sorted(opts.ignore)) or _NONE,
            origin(options.ignore, "ignore"),
        ),
        ("exclude", ",".join(request.exclude) or _NONE, origin(None, "exclude")),
        ("per-file-ignores", ignores or _NONE, origin(None, "per-file-ignores")),
        ("baseline", request.baseline or _NONE, origin(options.baseline, "baseline")),
        ("history", ",".join(request.history) or _NONE, origin(options.history, "history")),
        ("pack", opts.pack or "（按格式版本 by format version）", origin(options.pack, "pack")),
        (
            "format-version",
            opts.format_version or "（自动 detected）",
            origin(options.format_version, "format-version"),
        ),
        ("rules-url", request.rules_url or "（默认 default）", origin(None, "rules-url")),
        ("format", request.output, _COMMAND_LINE if options.format != "text" else _DEFAULT),
        ("jobs", str(request.jobs or "自动 auto"), _COMMAND_LINE if options.jobs else _DEFAULT),
    ]
    for key, value, came_from in rows:
        print(f"{key} = {value}    （{came_from}）")
    return EXIT_OK
