"""Loading a rule pack: find it, merge its extends chain, validate every rule against its kind's
schema, and cache the result. The kinds' schemas are handed in by the caller (the engine): this
layer knows nothing of the kinds' code.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from gxlint.errors import GxlintError
from gxlint.pack import expr
from gxlint.pack.cache import cached_pack
from gxlint.pack.files import display, find_pack
from gxlint.pack.merge import merged_pack
from gxlint.pack.model import Pack
from gxlint.pack.params import params_classes
from gxlint.pack.schema import KindSchema, rule_from_entry
from gxlint.pack.template import section_specs, table_specs

_LOADED: dict[Path, Pack] = {}
_BY_NAME: dict[str, Pack] = {}


def load_pack(name: str, kinds: Mapping[str, KindSchema]) -> Pack:
    """Load, merge and validate a pack; a GxlintError names the file, rule and key at fault."""
    if name in _BY_NAME:  # a batch asks for the same pack by the same name for every report
        return _BY_NAME[name]
    main = find_pack(name)
    if main not in _LOADED:
        _LOADED[main] = cached_pack(main, lambda: build_pack(main, kinds), param_types(kinds))
        expr.remember(_LOADED[main].expressions)
    _BY_NAME[name] = _LOADED[main]
    return _LOADED[main]


def param_types(kinds: Mapping[str, KindSchema]) -> set[type]:
    """The types the kinds' parameters are made of (what a cached pack may hold besides its
    own)."""
    return {c for kind in kinds.values() for c in params_classes(kind.params)}


def build_pack(main: Path, kinds: Mapping[str, KindSchema]) -> tuple[Pack, list[Path]]:
    """The pack whose main file is `main`, and every file read to build it."""
    data, files = merged_pack(main)
    where = display(main)
    sections = section_specs(where, data.get("sections"))
    tables = table_specs(where, data.get("tables") or {}, {s.key for s in sections})
    with expr.recording() as expressions:  # what the rules' checks parse, kept in the cache
        rules = [rule_from_entry(where, entry, kinds) for entry in data.get("rules") or []]
        for rule in rules:
            check_in_pack = kinds[rule.kind].check_in_pack
            if check_in_pack and (problem := check_in_pack(rule.params, sections, tables)):
                raise GxlintError(f"{rule.source}: 规则 {rule.code}", problem)
    detect = data.get("detect") or {}
    if not isinstance(detect, dict):
        raise GxlintError(where, "键 detect: 应为映射")
    pack = Pack(
        name=str(data.get("pack") or (main.parent.name if main.name == "pack.yaml" else main.stem)),
        version=str(data.get("version", "")),
        title=str(data.get("title", "")),
        basis=str(data.get("basis", "")),
        path=where,
        sections=sections,
        tables=tables,
        rules=rules,
        detect=detect,
        unchecked=bool(data.get("unchecked", False)),
        expressions=expressions,
    )
    return pack, files
