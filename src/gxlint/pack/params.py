"""A rule kind's parameters, declared once: a frozen record whose fields are the parameters,
their types, their defaults (none: the rule must give it) and what they are (`param(doc)`).

The loader reads a rule's YAML entry into that class (`read_params`), checking every value's type
and filling the defaults, so a kind reads typed attributes (`params.section`), never dict keys.
A field whose type is another such class (`when: When | None`) or a list of one
(`require: list[Requirement]`) is read the same way, one level down. `gxlint kinds` and
docs/packs.md list the parameters from the same declaration (`schema_of`).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

from gxlint.errors import GxlintError
from gxlint.records import MISSING, field, fields, is_record, record

P = TypeVar("P")

_TYPE_NAMES: dict[type, str] = {str: "文本", int: "整数", float: "小数", bool: "true/false"}
_TYPE_NAMES |= {list: "列表", dict: "映射"}


@record(frozen=True, slots=True)
class Param:
    """One parameter as a pack author sees it: its YAML type, whether a rule must give it, its
    default, what it is; the attribute it fills, and the class a mapping is read into."""

    yaml_type: type
    required: bool = False
    default: Any = None
    doc: str = ""
    attribute: str = ""
    item: type | None = None  # a params class the mapping (or each mapping of the list) becomes
    text_items: bool = False  # a list's items may also be plain text (`list[str | Entry]`)
    choices: tuple[Any, ...] = ()  # the values allowed (a Literal's or an Enum's)
    enum: type[Enum] | None = None  # the Enum a value is read as
    either: str = ""  # for a value of one of several types: their names (`str | list`)

    @property
    def type_name(self) -> str:
        return self.either or self.yaml_type.__name__

    def described(self) -> str:
        """Its type, default and the values it may take, as `gxlint kinds` and the pack
        author's guide show them: `str，默认 'warning'，取值 one of: error、warning、info`."""
        default = f"，默认 {self.default!r}" if self.default is not None else ""
        choices = f"，取值 one of: {'、'.join(map(str, self.choices))}" if self.choices else ""
        return f"{self.type_name}{default}{choices}"


def param(doc: str, default: Any = MISSING, *, key: str = "") -> Any:
    """A field of a kind's params class: what it is, its default (none given: required), and
    its YAML key where that is no Python name (`if`)."""
    return field(default=default, metadata={"doc": doc, "key": key})


def schema_of(cls: type) -> Mapping[str, Param]:
    """The parameters of the params class `cls`, by YAML key, in declaration order."""
    if cls not in _SCHEMAS:
        _SCHEMAS[cls] = _schema(cls)
    return _SCHEMAS[cls]


_SCHEMAS: dict[type, Mapping[str, Param]] = {}


def _schema(cls: type) -> Mapping[str, Param]:
    hints = typing.get_type_hints(cls)
    schema: dict[str, Param] = {}
    for one in fields(cls):
        required = one.default is MISSING
        default = None if required else one.default
        schema[one.metadata.get("key") or one.name] = Param(
            required=required,
            default=default.value if isinstance(default, Enum) else default,
            doc=one.metadata.get("doc", ""),
            attribute=one.name,
            **_runtime(hints[one.name]),
        )
    return schema


def params_classes(cls: type) -> set[type]:
    """`cls`, every params class its fields are read into and every Enum they are read as (the
    types the cache may rebuild them from)."""
    found = {cls}
    for spec in schema_of(cls).values():
        if spec.item is not None:
            found |= params_classes(spec.item)
        if spec.enum is not None:
            found.add(spec.enum)
    return found


def read_params(at: str, given: Mapping[str, Any], cls: type[P], prefix: str = "") -> P:
    """`given` (a rule's entry, or a mapping inside it) read into `cls`; a GxlintError names
    the rule (`at`) and the key of a value missing or of the wrong type."""
    values: dict[str, Any] = {}
    for key, spec in schema_of(cls).items():
        if key not in given:
            if spec.required:
                raise GxlintError(at, f"缺少键 {prefix}{key} (missing key)")
            continue
        values[spec.attribute] = _value(at, f"{prefix}{key}", given[key], spec)
    return cls(**values)


def check_keys(where: str, data: Mapping[str, Any], allowed: frozenset[str], what: str) -> None:
    unknown = sorted(map(str, set(data) - allowed))
    if unknown:
        raise GxlintError(where, f"{what}有未知的键 (unknown key): {', '.join(unknown)}")


def _value(at: str, key: str, given: Any, spec: Param) -> Any:
    expected = spec.yaml_type
    value: Any = given
    if expected is float and isinstance(given, int) and not isinstance(given, bool):
        value = float(given)  # YAML writes 1 for 1.0
    if not isinstance(value, expected) or isinstance(value, bool) is not (expected is bool):
        raise GxlintError(at, f"键 {key}: 应为 {_TYPE_NAMES.get(expected, spec.type_name)}")
    if spec.choices and value not in spec.choices:
        allowed = "、".join(map(str, spec.choices))
        raise GxlintError(at, f"键 {key}: 应为 {allowed} 之一，实为 {value!r}")
    if spec.enum is not None:
        return spec.enum(value)
    if spec.item is None:
        return value
    if expected is dict:
        return _nested(at, key, value, spec.item)
    items: list[Any] = given
    return [
        v if spec.text_items and isinstance(v, str) else _nested(at, f"{key}[{i}]", v, spec.item)
        for i, v in enumerate(items)
    ]


def _nested(at: str, key: str, value: Any, cls: type[P]) -> P:
    if not isinstance(value, dict):
        raise GxlintError(at, f"键 {key}: 应为映射 (a mapping)")
    check_keys(at, value, frozenset(schema_of(cls)), f"键 {key} ")
    return read_params(at, value, cls, f"{key}.")


def _runtime(hint: Any) -> dict[str, Any]:
    """What a YAML value must be for a field typed `hint`: its type, the params class it is
    read into, the values allowed. `str | None` → str; `list[str]` → list; `When | None` → a
    mapping read as When; `list[Requirement]` → a list of them; `Literal["a", "b"]` → one of
    those; an Enum → one of its values; a union of two types → object (the kind checks it)."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        if len(args) == 1:
            return _runtime(args[0])
        names = " | ".join(_runtime(a)["yaml_type"].__name__ for a in args)
        return {"yaml_type": object, "either": names}
    if origin is typing.Literal:
        return {"yaml_type": type(args[0]), "choices": tuple(args)}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"yaml_type": str, "choices": tuple(m.value for m in hint), "enum": hint}
    if is_record(hint):
        return {"yaml_type": dict, "item": hint}
    if origin is list and args:
        items = [a for a in typing.get_args(args[0]) or args if a is not str]
        if len(items) == 1 and is_record(items[0]):
            return {"yaml_type": list, "item": items[0], "text_items": items[0] is not args[0]}
    return {"yaml_type": origin or hint}
