"""Rule packs: YAML files in rules/, loaded safely, merged along `extends`, validated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from gxlint.analysis.outline import SectionSpec
from gxlint.errors import GxlintError
from gxlint.findings import CATEGORIES, Severity
from gxlint.kinds import registry
from gxlint.pack.cache import cached
from gxlint.pack.rule import Rule, RuleCase, RuleDoc, template_fields
from gxlint.pack.template import TableSpec, merge_tables, table_specs
from gxlint.resources import resource_dir

_CODE = re.compile(r"^GX\d{3}$")
_FOLDED_SPACE = re.compile(r"(?<=[\u2e80-\uffef]) (?=\S)|(?<=\S) (?=[\u2e80-\uffef])")
_RULE_KEYS = {"code", "name", "kind", "severity", "message", "hint", "doc", "cases"}
_PACK_KEYS = {"pack", "version", "title", "basis", "extends", "sections", "tables", "rules"}
_PACK_KEYS |= {"remove", "keep", "detect", "unchecked"}


@dataclass
class Pack:
    name: str
    version: str
    title: str
    basis: str
    path: str
    sections: list[SectionSpec]
    tables: dict[str, TableSpec]
    rules: list[Rule] = field(default_factory=list)
    detect: dict[str, Any] = field(default_factory=dict)  # how to recognise this format
    unchecked: bool = False  # an old template gxlint recognises but does not check

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)


def builtin_pack_names() -> list[str]:
    return sorted(p.stem for p in resource_dir("rules").glob("*.yaml"))


def find_pack(name: str) -> Path:
    """A built-in pack by name (`gov-2021`) or version (`2021`), or a path to a YAML file."""
    path = Path(name)
    if path.suffix in (".yaml", ".yml"):
        if not path.is_file():
            raise GxlintError(name, "规则包文件不存在 (no such rule pack)")
        return path
    for stem in (name, f"gov-{name}"):
        candidate = resource_dir("rules") / f"{stem}.yaml"
        if candidate.is_file():
            return candidate
    known = "、".join(builtin_pack_names())
    raise GxlintError(name, f"没有这个规则包 (unknown rule pack); 可用：{known}")


@cache
def load_pack(name: str) -> Pack:
    """Load, merge and validate a pack; a GxlintError names the file, rule and key at fault."""
    path = find_pack(name)
    return cached(path, lambda: _load(path))


def _load(path: Path) -> Pack:
    data = _merged(path, seen=())
    where = _display(path)
    _check_keys(where, data, _PACK_KEYS, "规则包")
    sections = [_section(where, i, s) for i, s in enumerate(_list(where, data, "sections"))]
    rules = [_rule(where, entry) for entry in data.get("rules", [])]
    tables = table_specs(where, data.get("tables") or {}, {s.key for s in sections})
    kinds = registry()
    for r in rules:
        check_in_pack = kinds[r.kind].check_in_pack
        if check_in_pack and (problem := check_in_pack(r.params, sections, tables)):
            raise GxlintError(f"{where}: 规则 {r.code}", problem)
    codes = [r.code for r in rules]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise GxlintError(where, f"规则代码重复 (duplicate rule code): {', '.join(duplicated)}")
    return Pack(
        name=str(data.get("pack", path.stem)),
        version=str(data.get("version", "")),
        title=str(data.get("title", "")),
        basis=str(data.get("basis", "")),
        path=where,
        sections=sections,
        tables=tables,
        rules=rules,
        detect=dict(data.get("detect") or {}),
        unchecked=bool(data.get("unchecked", False)),
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_yaml(path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{_display(path)}:{mark.line + 1}:{mark.column + 1}" if mark else _display(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise GxlintError(where, f"YAML 格式错误 (malformed YAML): {problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GxlintError(_display(path), f"无法读取规则包 (cannot read: {exc})") from None
    if not isinstance(data, dict):
        raise GxlintError(_display(path), "规则包应为映射 (a pack must be a YAML mapping)")
    return data


def _merged(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    """The pack's data with its `extends` chain applied: rules merged by code, `remove` honoured."""
    if path in seen:
        raise GxlintError(_display(path), "extends 形成循环 (extends cycle)")
    data = _read_yaml(path)
    data["rules"] = [  # each rule notes the file it (or its override) comes from
        {**entry, "_from": _display(path)} if isinstance(entry, dict) else entry
        for entry in data.get("rules") or []
    ]
    parent_name = data.get("extends")
    if not parent_name:
        return data
    parent_path = path.parent / f"{parent_name}.yaml"
    if not parent_path.is_file():
        parent_path = find_pack(str(parent_name))
    parent = _merged(parent_path, (*seen, path))
    merged = {**parent, **{k: v for k, v in data.items() if k not in ("rules", "tables")}}
    merged["tables"] = merge_tables(
        _display(path), parent.get("tables") or {}, data.get("tables") or {}
    )
    rules = {r.get("code"): dict(r) for r in parent.get("rules", []) if isinstance(r, dict)}
    for entry in data.get("rules") or []:
        code = entry.get("code") if isinstance(entry, dict) else None
        rules[code] = {**rules.get(code, {}), **entry} if isinstance(entry, dict) else entry
    for key in ("remove", "keep"):
        unknown = sorted(set(data.get(key) or ()) - set(rules))
        if unknown:
            raise GxlintError(_display(path), f"{key} 中的 {unknown} 不在被扩展的规则包中")
    own = {r.get("code") for r in data.get("rules") or [] if isinstance(r, dict)}
    keep = set(data.get("keep") or rules) | own  # `keep` limits the inherited rules
    drop = set(data.get("remove") or ())
    merged["rules"] = [r for code, r in rules.items() if code in keep and code not in drop]
    for key in ("remove", "keep", "extends"):
        merged.pop(key, None)
    return merged


def _list(where: str, data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise GxlintError(where, f"键 {key}: 应为非空列表 (must be a non-empty list)")
    return value


def _check_keys(where: str, data: dict[str, Any], allowed: set[str], what: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise GxlintError(where, f"{what}有未知的键 (unknown key): {', '.join(map(str, unknown))}")


def _section(where: str, index: int, entry: Any) -> SectionSpec:
    if not isinstance(entry, dict) or not {"key", "number", "title"} <= set(entry):
        raise GxlintError(where, f"sections[{index}]: 需要 key、number、title")
    return SectionSpec(
        key=str(entry["key"]),
        number=str(entry["number"]),
        title=str(entry["title"]),
        variants=tuple(entry.get("variants") or ()),
    )


def _rule(where: str, entry: Any) -> Rule:
    if not isinstance(entry, dict):
        raise GxlintError(where, f"规则应为映射 (a rule must be a mapping), 实为 {entry!r}")
    entry = dict(entry)
    defined_in = str(entry.pop("_from", where))
    code = str(entry.get("code", "?"))
    at = f"{where}: 规则 {code}"

    def need(key: str) -> Any:
        if key not in entry or entry[key] in (None, ""):
            raise GxlintError(at, f"缺少键 {key} (missing key)")
        return entry[key]

    if not _CODE.match(code) or code[2] not in CATEGORIES:
        raise GxlintError(at, "键 code: 应为 GX 加三位数字，首位为类别 1–6 或 9")
    kind = registry().get(need("kind"))
    if kind is None:
        raise GxlintError(at, f"键 kind: 未知的规则类型 {entry['kind']!r}")
    _check_keys(at, entry, _RULE_KEYS | set(kind.params), "规则")
    severity = str(need("severity"))
    if severity not in ("error", "warning", "info"):
        raise GxlintError(at, f"键 severity: 应为 error、warning 或 info，实为 {severity!r}")
    params = _params(at, entry, kind.params)
    if kind.validate and (problem := kind.validate(params)):
        raise GxlintError(at, problem)
    message, hint = str(need("message")), str(entry.get("hint") or "")
    for key, template in (("message", message), ("hint", hint)):
        unknown = template_fields(template) - kind.fields
        if unknown:
            raise GxlintError(at, f"键 {key}: 模板字段 {sorted(unknown)} 不是 {kind.name} 提供的")
    return Rule(
        code=code,
        name=str(need("name")),
        kind=kind.name,
        severity=Severity.parse(severity),
        message=message,
        hint=hint,
        doc=_doc(at, need("doc")),
        cases=tuple(_case(at, i, c) for i, c in enumerate(entry.get("cases") or [])),
        params=params,
        pack=defined_in,
    )


def _params(at: str, entry: dict[str, Any], spec: dict[str, tuple[type, bool]]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, (expected, required) in spec.items():
        if key not in entry:
            if required:
                raise GxlintError(at, f"缺少键 {key} (missing key)")
            continue
        if not isinstance(entry[key], expected):
            raise GxlintError(at, f"键 {key}: 应为 {expected.__name__}")
        params[key] = entry[key]
    return params


def _doc(at: str, doc: Any) -> RuleDoc:
    if not isinstance(doc, dict) or not all(doc.get(k) for k in ("why", "bad", "good")):
        raise GxlintError(at, "键 doc: 需要 why、bad、good 三项")
    return RuleDoc(why=unfold(str(doc["why"])), bad=str(doc["bad"]), good=str(doc["good"]))


def unfold(text: str) -> str:
    """Undo the spaces YAML's folded style puts at line breaks next to Chinese characters."""
    return _FOLDED_SPACE.sub("", text.strip())


def _case(at: str, index: int, case: Any) -> RuleCase:
    if not isinstance(case, dict) or not isinstance(case.get("text"), str):
        raise GxlintError(at, f"cases[{index}]: 需要 text")
    previous = case.get("previous", "")
    if not isinstance(previous, str):
        raise GxlintError(at, f"cases[{index}]: previous 应为文本")
    return RuleCase(
        name=str(case.get("name", f"case {index + 1}")), text=case["text"], previous=previous
    )
