"""A pack's data with its `extends` chain applied.

A pack is one YAML file, or a folder of them (pack.yaml first). A pack that extends another
states only what differs:
- `rules:` adds rules; a code the parent already has is an error naming both files;
- `change:` changes inherited rules, code → the keys to change (`GX406: {severity: info}`);
- `remove:` drops inherited rules; `keep:` keeps only the inherited rules it lists;
- `tables:` changes tables key by key (`remove_rows:`; a table of null is dropped);
- any other key (sections, detect, title …) replaces the parent's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gxlint.errors import GxlintError
from gxlint.pack.files import PACK_FILE, display, find_pack, pack_files, read_yaml
from gxlint.resources import is_builtin, portable

PACK_KEYS = frozenset(
    {"pack", "version", "title", "basis", "extends", "sections", "tables", "rules", "change"}
    | {"remove", "keep", "detect", "unchecked", "prefix"}
)
_PREFIX = re.compile(r"^[A-Z]{2,4}$")
_CHANGES = ("change", "remove", "keep")
MAX_EXTENDS = 16


def merged_pack(main: Path) -> tuple[dict[str, Any], list[Path]]:
    """The pack's merged data, and every file read to make it (for the cache's key)."""
    return _merged(main.resolve(), ())


def _merged(main: Path, chain: tuple[Path, ...]) -> tuple[dict[str, Any], list[Path]]:
    if main in chain:
        raise GxlintError(display(main), "extends 形成循环 (extends cycle)")
    if len(chain) >= MAX_EXTENDS:
        raise GxlintError(display(main), f"extends 层数超过 {MAX_EXTENDS} (extends too deep)")
    data, files = _own(main)
    parent_name = data.pop("extends", None)
    if parent_name is None:
        stray = [key for key in _CHANGES if key in data]
        if stray:
            raise GxlintError(display(main), f"{'、'.join(stray)} 只能用于 extends 的规则包")
        return data, files
    if not isinstance(parent_name, str) or not parent_name:
        raise GxlintError(display(main), "键 extends: 应为规则包名称或路径")
    folder = main.parent.parent if main.name == PACK_FILE else main.parent
    parent, parent_files = _merged(find_pack(parent_name, beside=folder), (*chain, main))
    national = any(is_builtin(portable(f)) for f in parent_files)
    if national and not is_builtin(portable(main)):  # a province's (or a city's) pack
        _check_prefix(display(main), data)
    return _over(display(main), parent, data), [*files, *parent_files]


def _check_prefix(where: str, data: dict[str, Any]) -> None:
    """A province's pack names its own rules with its own prefix (`prefix: FJ` → FJ101), so that
    a national rule added next year never takes its code; GX is the national packs'. Its
    change: and remove: still name national rules by their GX codes."""
    prefix = data.get("prefix")
    codes = [str(_code(r)) for r in data.get("rules") or [] if _code(r) is not None]
    if not codes:
        return
    if not isinstance(prefix, str) or not _PREFIX.match(prefix) or prefix == "GX":
        raise GxlintError(
            where,
            "扩展国家规则包并新增规则时，请用 prefix: 声明本包的代码前缀（两到四个大写字母，"
            "如 prefix: FJ，规则写作 FJ101）；GX 留给国家规则包",
        )
    wrong = [c for c in codes if not c.startswith(prefix)]
    if wrong:
        raise GxlintError(where, f"规则代码应以本包的前缀 {prefix} 开头：{', '.join(wrong[:5])}")


def _own(main: Path) -> tuple[dict[str, Any], list[Path]]:
    """A pack's own data, its files combined: `rules` lists add up, other keys once each."""
    files = pack_files(main)
    data: dict[str, Any] = {}
    name = main.parent.name if main.name == PACK_FILE else main.stem
    for file in files:
        part = read_yaml(file)
        where = display(file)
        unknown = sorted(map(str, set(part) - PACK_KEYS))
        if unknown and not set(part) & PACK_KEYS:  # another YAML file: its keys are not said
            raise GxlintError(where, "不是规则包：没有 pack、extends、rules 等键 (not a rule pack)")
        if unknown:
            names = ", ".join(unknown[:5]) + ("…" if len(unknown) > 5 else "")
            raise GxlintError(where, f"规则包有未知的键 (unknown key): {names}")
        name = str(data.get("pack") or part.get("pack") or name)
        _tag(where, part, name)
        for key, value in part.items():
            if key == "rules" and "rules" in data:
                data["rules"] = [*data["rules"], *value]
            elif key in data:
                raise GxlintError(where, f"键 {key} 已在本规则包的另一个文件中出现")
            else:
                data[key] = value
    codes = [_code(r) for r in data.get("rules") or [] if _code(r) is not None]
    duplicated = sorted({str(c) for c in codes if codes.count(c) > 1})
    if duplicated:
        raise GxlintError(
            display(main), f"规则代码重复 (duplicate rule code): {', '.join(duplicated)}"
        )
    return data, files


def _tag(where: str, part: dict[str, Any], pack: str) -> None:
    """Note on each rule and change the file and pack it is written in."""
    rules = part.get("rules")
    if rules is not None and not isinstance(rules, list):
        raise GxlintError(where, "键 rules: 应为列表")
    changes = part.get("change")
    if changes is not None and not isinstance(changes, dict):
        raise GxlintError(where, "键 change: 应为映射（规则代码 → 要修改的键）")
    mark = {"_from": where, "_pack": pack}
    part["rules"] = [{**r, **mark} if isinstance(r, dict) else r for r in rules or []]
    if changes is not None:
        for code, change in changes.items():
            if not isinstance(change, dict):
                raise GxlintError(where, f"change 中的 {code}: 应为映射")
        part["change"] = {code: {**change, **mark} for code, change in changes.items()}
    if rules is None:
        del part["rules"]


def _over(where: str, parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    replaced = {k: v for k, v in child.items() if k not in ("rules", "tables", *_CHANGES)}
    merged = {**parent, **replaced}
    tables = child.get("tables") or {}
    if not isinstance(tables, dict):
        raise GxlintError(where, "键 tables: 应为映射 (a mapping of table keys)")
    merged["tables"] = _tables(where, parent.get("tables") or {}, tables)
    rules = _rules(parent.get("rules") or [], child.get("rules") or [], child.get("change") or {})
    merged["rules"] = _select(where, rules, child)
    return merged


def _code(entry: Any) -> Any:
    return entry.get("code") if isinstance(entry, dict) else None


def _rules(parent: list[Any], own: list[Any], changes: dict[Any, dict[str, Any]]) -> dict[Any, Any]:
    rules = {_code(r): r for r in parent}
    for entry in own:
        code = _code(entry)
        if code is not None and code in rules:
            first = rules[code].get("_from", "?")
            raise GxlintError(
                f"{entry['_from']}: 规则 {code}",
                f"代码 {code} 已在 {first} 中定义 (code taken); "
                f"要修改继承的规则，请写在 change: 下；新规则请换一个代码",
            )
        rules[code] = entry
    for code, change in changes.items():
        if code not in rules:
            raise GxlintError(
                f"{change['_from']}: change", f"{code} 不是被扩展的规则包中的规则 (unknown rule)"
            )
        rules[code] = {**rules[code], **change}
    return rules


def _select(where: str, rules: dict[Any, Any], child: dict[str, Any]) -> list[Any]:
    """Apply `keep` (only these inherited rules) and `remove` (not these)."""
    lists = {key: child.get(key) or [] for key in ("remove", "keep")}
    for key, codes in lists.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise GxlintError(where, f"键 {key}: 应为规则代码列表")
        unknown = sorted(map(str, set(codes) - set(rules)))
        if unknown:
            raise GxlintError(where, f"{key} 中的 {unknown} 不在被扩展的规则包中")
    own = {_code(r) for r in child.get("rules") or []}
    keep = set(lists["keep"] or rules) | own
    drop = set(lists["remove"])
    return [r for code, r in rules.items() if code in keep and code not in drop]


def _tables(where: str, parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """A child pack's tables over its parent's: each entry merged key by key; `remove_rows`
    drops rows of the parent's table (as 2019's single-row （六）其他处理 drops its sub-items);
    an entry of null drops the table."""
    merged = dict(parent)
    for key, entry in child.items():
        if entry is None:
            merged.pop(key, None)
            continue
        if not isinstance(entry, dict):
            raise GxlintError(where, f"表格 {key}: 应为映射")
        base = dict(parent.get(key) or {})
        drop = entry.get("remove_rows") or []
        if not isinstance(drop, list) or not all(isinstance(k, str) for k in drop):
            raise GxlintError(where, f"表格 {key}: remove_rows 应为行键列表")
        unknown = set(drop) - {r.get("key") for r in base.get("rows", []) if isinstance(r, dict)}
        if unknown:
            raise GxlintError(
                where, f"表格 {key}: remove_rows 中的 {sorted(unknown)} 不是被扩展表格的行"
            )
        base.update({k: v for k, v in entry.items() if k != "remove_rows"})
        rows = base.get("rows") or []
        base["rows"] = [r for r in rows if not (isinstance(r, dict) and r.get("key") in drop)]
        merged[key] = base
    return merged
