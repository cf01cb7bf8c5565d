"""Where packs are and how their YAML is read: a pack is a YAML file, or a folder whose
`pack.yaml` is completed by the other YAML files beside it (tables, rules grouped by category).

YAML is read with the safe loader, aliases refused (a pack has no need of them, and an alias
chain expands a 1 KB file into gigabytes), and only from regular files of bounded size.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from gxlint.errors import GxlintError
from gxlint.resources import is_builtin, portable, resource_dir

PACK_FILE = "pack.yaml"
MAX_PACK_BYTES = 2 * 1024 * 1024  # the built-in packs are 100 KB together
_SUFFIXES = (".yaml", ".yml")


def display(path: Path) -> str:
    """A path as messages show it: a built-in pack's file by its portable name (the same in
    every install and working directory), any other relative to the working directory where it
    can be."""
    name = portable(path)
    try:
        return name if is_builtin(name) else str(Path(name).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return name


def builtin_pack_names() -> list[str]:
    """The packs shipped with gxlint, by name (gov-2008, gov-2019, gov-2021)."""
    folder = resource_dir("rules")
    files = {p.stem for p in folder.glob("*.yaml")}
    folders = {p.parent.name for p in folder.glob(f"*/{PACK_FILE}")}
    return sorted(files | folders)


def _as_pack(path: Path) -> Path | None:
    """`path` as a pack's main file: a YAML file, or a folder's pack.yaml."""
    if path.is_dir() and (path / PACK_FILE).is_file():
        return path / PACK_FILE
    if path.suffix in _SUFFIXES and path.is_file():
        return path
    return None


def find_pack(name: str, beside: Path | None = None) -> Path:
    """The main file of a pack named by path, by name (`gov-2021`) or by version (`2021`).

    `beside` is the folder of a pack that extends `name`: a sibling pack there wins.
    """
    candidates = [Path(name)]
    if beside is not None:
        candidates += [beside / name, beside / f"{name}.yaml"]
    rules = resource_dir("rules")
    candidates += [rules / stem for stem in (name, f"gov-{name}")]
    candidates += [rules / f"{stem}.yaml" for stem in (name, f"gov-{name}")]
    for candidate in candidates:
        found = _as_pack(candidate)
        if found is not None:
            return found.resolve()
    if Path(name).suffix in _SUFFIXES:
        raise GxlintError(name, "规则包文件不存在 (no such rule pack)")
    known = "、".join(builtin_pack_names())
    raise GxlintError(name, f"没有这个规则包 (unknown rule pack); 可用：{known}")


def pack_files(main: Path) -> list[Path]:
    """The files that make up the pack whose main file is `main`, main file first."""
    if main.name != PACK_FILE:
        return [main]
    rest = sorted(p for p in main.parent.rglob("*") if p.suffix in _SUFFIXES and p != main)
    return [main, *rest]


def read_yaml(path: Path) -> dict[str, Any]:
    """A pack file's mapping, or a GxlintError naming the file (and line) and the problem."""
    import yaml

    where = display(path)
    text = _read_text(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is not None and _has_alias(node):
            raise GxlintError(where, "规则包中不允许使用 YAML 别名 (aliases: write it out)")
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise GxlintError(at, f"YAML 格式错误 (malformed YAML): {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise GxlintError(where, "规则包应为映射 (a pack must be a YAML mapping)")
    return data


def _has_alias(root: Any) -> bool:
    """Whether a composed YAML node graph reuses a node (which only an alias does)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        value = node.value
        if isinstance(value, list):
            for item in value:
                stack.extend(item if isinstance(item, tuple) else (item,))
    return False


def _read_text(path: Path) -> str:
    where = display(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise GxlintError(where, "不是普通文件 (not a regular file)")
        if info.st_size > MAX_PACK_BYTES:
            raise GxlintError(where, "规则包文件过大 (pack file too large)")
        with path.open("rb") as handle:
            return handle.read(MAX_PACK_BYTES + 1).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GxlintError(where, f"无法读取规则包 (cannot read: {exc})") from None
