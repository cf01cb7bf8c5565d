"""Project configuration for a repository of reports (a CI gate, a pre-commit hook).

gxlint looks for `gxlint.toml`, `.gxlint.toml`, or a `[tool.gxlint]` table in `pyproject.toml`,
in the working directory and then upwards; `--config FILE` names one. Options given on the
command line win over the file.

    # gxlint.toml
    fail-on = "warning"            # error (default), warning, info, never
    select = ["GX1", "GX3"]        # rule codes or code prefixes
    ignore = ["GX405", "GX406"]
    exclude = ["drafts/**", "*.old.txt"]
    pack = "rules/province.yaml"   # a rule pack (default: by the report's format version)
    format-version = "2021"
    rules-url = "https://intranet.example/gxlint/rules/"   # where docs/rules is published
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gxlint.app.choices import FAIL_ON, FORMAT_VERSIONS
from gxlint.errors import GxlintError
from gxlint.records import field, record

FILES = ("gxlint.toml", ".gxlint.toml", "pyproject.toml")
_KEYS = {"fail-on", "select", "ignore", "exclude", "pack", "format-version"}
_KEYS |= {"per-file-ignores", "baseline", "history", "rules-url"}


@record(frozen=True)
class Config:
    path: Path | None = None
    fail_on: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    pack: str | None = None
    format_version: str | None = None
    # glob (relative to the config file's folder) → codes or prefixes not reported there
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    baseline: str | None = None  # a baseline file, relative to the config file's folder
    history: tuple[str, ...] = ()  # folders of earlier reports, relative to the same folder
    rules_url: str | None = None  # where the rule pages are published (SARIF's helpUri)
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The folder paths in the config are relative to."""
        return self.path.parent if self.path is not None else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start`."""
    for folder in (start, *start.parents):
        for name in FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


# A line that may start gxlint's table, however TOML lets it be written: [tool.gxlint],
# tool.gxlint.key = …, tool = {…}; or gxlint = {…} / gxlint.key = …, which opens it only under
# a [tool] header (under [project.scripts] or a dependency table it is something else).
_TOOL_TABLE = re.compile(rb"""(?m)^[ \t]*\[?[ \t]*["']?tool["']?[ \t]*(\.[ \t]*["']?gxlint|=)""")
_GXLINT_KEY = re.compile(rb"""(?m)^[ \t]*["']?gxlint["']?[ \t]*[=.]""")
_TOOL_HEADER = re.compile(rb"""(?m)^[ \t]*\[[ \t]*["']?tool["']?[ \t]*\]""")


def _may_have_tool_table(text: bytes) -> bool:
    """Whether `text` has a line that could open [tool.gxlint] (if not, no TOML to parse)."""
    if _TOOL_TABLE.search(text):
        return True
    return bool(_GXLINT_KEY.search(text) and _TOOL_HEADER.search(text))


def _has_tool_table(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            if not _may_have_tool_table(handle.read(MAX_CONFIG_BYTES + 1)):
                return False
        tool = _read_toml(path).get("tool", {})
    except (GxlintError, OSError):
        return False
    return isinstance(tool, dict) and "gxlint" in tool


def load_config(path: Path | None) -> Config:
    """Read and check a configuration file (None: no configuration)."""
    if path is None:
        return Config()
    where = str(path)
    data: object = _read_toml(path)
    if path.name == "pyproject.toml" and isinstance(data, dict):
        tool = data.get("tool", {})
        data = tool.get("gxlint", {}) if isinstance(tool, dict) else None
    if not isinstance(data, dict):
        raise GxlintError(where, "[tool.gxlint] 应为表 (must be a table)")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise GxlintError(where, f"未知的配置项 (unknown key): {_suggest(unknown[0])}")
    fail_on = _choice(where, data, "fail-on", FAIL_ON)
    version = _choice(where, data, "format-version", FORMAT_VERSIONS)
    pack = _optional_string(where, data, "pack")
    if pack and pack.endswith((".yaml", ".yml")):
        pack = str((path.parent / pack).resolve())  # relative to the config file
    return Config(
        path=path,
        fail_on=fail_on,
        select=_codes(where, data, "select"),
        ignore=_codes(where, data, "ignore"),
        exclude=_strings(where, data, "exclude"),
        pack=pack,
        format_version=version,
        per_file_ignores=_per_file_ignores(where, data),
        baseline=_optional_string(where, data, "baseline"),
        history=_strings(where, data, "history"),
        rules_url=_optional_string(where, data, "rules-url"),
        values=data,
    )


MAX_CONFIG_BYTES = 1024 * 1024


def _read_toml(path: Path) -> dict[str, Any]:
    """A configuration file's TOML, or a one-line error: missing, not a regular file, too
    large, not UTF-8, malformed, or nested too deeply."""
    import tomllib  # only when a config file exists: a run without one need not load it

    where = str(path)
    try:
        if not path.is_file():
            problem = "不是普通文件" if path.exists() else "配置文件不存在"
            english = "not a regular file" if path.exists() else "no such config file"
            raise GxlintError(where, f"{problem} ({english})")
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise GxlintError(where, "配置文件过大 (config file too large)")
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GxlintError(where, f"无法读取配置文件 (cannot read: {exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise GxlintError(where, f"TOML 格式错误 (malformed TOML): {exc}") from None
    except ValueError:  # an integer of thousands of digits (Python's limit on int conversion)
        raise GxlintError(where, "TOML 中的数字过长 (a number too long to read)") from None
    except RecursionError:
        raise GxlintError(where, "TOML 嵌套过深 (nested too deeply)") from None


def _suggest(key: str) -> str:
    """The unknown key, and the known key it is most likely a typo of (ruff's hint)."""
    import difflib

    close = difflib.get_close_matches(key, sorted(_KEYS), n=1, cutoff=0.5)
    return f"{key}（是不是 {close[0]}？did you mean {close[0]}?）" if close else key


def _per_file_ignores(where: str, data: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = data.get("per-file-ignores", {})
    if not isinstance(table, dict):
        raise GxlintError(where, "配置项 per-file-ignores: 应为表（glob = [代码]）")
    entries = []
    for glob, codes in table.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise GxlintError(where, f"配置项 per-file-ignores.{glob}: 应为规则代码列表")
        entries.append((str(glob), tuple(c.upper() for c in codes)))
    return tuple(entries)


def _choice(where: str, data: dict[str, Any], key: str, choices: tuple[str, ...]) -> str | None:
    value = data.get(key)
    if value is not None and str(value) not in choices:
        raise GxlintError(where, f"配置项 {key}: 应为 {'、'.join(choices)} 之一，实为 {value!r}")
    return None if value is None else str(value)


def _optional_string(where: str, data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise GxlintError(where, f"配置项 {key}: 应为字符串")
    return value


def _strings(where: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GxlintError(where, f"配置项 {key}: 应为字符串列表")
    return tuple(value)


def _codes(where: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(code.upper() for code in _strings(where, data, key))
