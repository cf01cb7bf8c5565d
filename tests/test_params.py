"""A kind's parameters, declared once as a params class (pack/params.py): the loader reads a
rule's entry into it — types checked, defaults filled, nested mappings read the same way — and
names the rule and key of every mistake."""

from __future__ import annotations

from enum import Enum
from typing import Literal

import pytest

from gxlint.errors import GxlintError
from gxlint.kinds import registry
from gxlint.pack.params import param, params_classes, read_params, schema_of
from gxlint.records import record


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


@record(frozen=True, slots=True, kw_only=True)
class Inner:
    table: str = param("a table")
    above: float = param("a threshold", 0)


@record(frozen=True, slots=True, kw_only=True)
class Sample:
    name: str = param("required text")
    count: int = param("a number", 3)
    share: float = param("a share", 0.5)
    flag: bool = param("a switch", False)
    way: Literal["up", "down"] = param("one of two", "up")
    colour: Colour = param("an enum", Colour.RED)
    when: Inner | None = param("a nested mapping", None)
    items: list[Inner] | None = param("a list of mappings", None)
    mixed: list[str | Inner] | None = param("texts or mappings", None)
    if_: str | None = param("a keyword as a key", None, key="if")
    either: str | list[str] | None = param("text or a list", None)


def read(**given):
    return read_params("pack.yaml: 规则 GX999", given, Sample)


def test_a_rule_is_read_into_its_kinds_class_with_defaults_filled():
    assert read(name="x") == Sample(name="x")
    full = read(
        name="x",
        count=5,
        share=1,  # YAML writes 1 for 1.0
        flag=True,
        way="down",
        colour="blue",
        when={"table": "t"},
        items=[{"table": "a", "above": 2}],
        mixed=["p", {"table": "b"}],
        **{"if": "y"},
        either=["a", "b"],
    )
    assert full.share == 1.0 and isinstance(full.share, float)
    assert full.colour is Colour.BLUE and full.way == "down" and full.if_ == "y"
    assert full.when == Inner(table="t", above=0)
    assert full.items == [Inner(table="a", above=2.0)]
    assert full.mixed == ["p", Inner(table="b")]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({}, "缺少键 name"),
        ({"name": 1}, "键 name: 应为 文本"),
        ({"name": "x", "count": "3"}, "键 count: 应为 整数"),
        ({"name": "x", "count": True}, "键 count: 应为 整数"),
        ({"name": "x", "flag": 1}, "键 flag: 应为 true/false"),
        ({"name": "x", "way": "sideways"}, "键 way: 应为 up、down 之一，实为 'sideways'"),
        ({"name": "x", "colour": "green"}, "键 colour: 应为 red、blue 之一"),
        ({"name": "x", "when": "t"}, "键 when: 应为 映射"),
        ({"name": "x", "when": {}}, "缺少键 when.table"),
        (
            {"name": "x", "when": {"table": "t", "below": 1}},
            "未知的键 (unknown key): below",
        ),
        ({"name": "x", "items": [{"table": "a"}, 3]}, "键 items[1]: 应为映射"),
        ({"name": "x", "mixed": [{"above": 1}]}, "缺少键 mixed[0].table"),
        ({"name": "x", "when": {"table": "t", "above": "1"}}, "键 when.above: 应为 小数"),
    ],
)
def test_a_wrong_parameter_is_named_with_its_rule_and_key(given, message):
    with pytest.raises(GxlintError) as exc:
        read(**given)
    assert exc.value.where == "pack.yaml: 规则 GX999"
    assert message in exc.value.problem


def test_the_schema_lists_what_an_author_writes():
    schema = schema_of(Sample)
    assert list(schema)[-2:] == ["if", "either"]
    assert (schema["name"].required, schema["count"].default) == (True, 3)
    assert (schema["colour"].yaml_type, schema["colour"].default) == (str, "red")
    assert schema["way"].choices == ("up", "down")
    assert (schema["when"].yaml_type, schema["when"].item) == (dict, Inner)
    assert (schema["mixed"].yaml_type, schema["mixed"].item, schema["mixed"].text_items) == (
        list,
        Inner,
        True,
    )
    assert schema["either"].yaml_type is object
    assert params_classes(Sample) == {Sample, Inner, Colour}


def test_every_kind_declares_its_parameters_as_a_frozen_params_class():
    for name, kind in registry().items():
        schema = schema_of(kind.params)  # every field typed and documented
        assert all(p.doc for p in schema.values()), name
        assert kind.params.__record__.frozen, name  # records are frozen for mypy
