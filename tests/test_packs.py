"""Rule packs: validation errors name the file, the rule and the key; extends and remove merge."""

from __future__ import annotations

import textwrap

import pytest

from gxlint.errors import GxlintError
from gxlint.pack.load import load_pack

RULE = """
  - code: GX401
    name: fee
    kind: required-statement
    severity: error
    section: other
    require: [{name: 收费, any: [处理费]}]
    message: 「{section}」没有说明{name}
    doc: {why: w, bad: b, good: g}
"""


def write(tmp_path, body: str, name: str = "p.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), "utf-8")
    return str(path)


def pack(tmp_path, rules: str) -> str:
    return write(
        tmp_path,
        "pack: p\nsections:\n  - {key: other, number: 六, title: 其他需要报告的事项}\nrules:\n"
        + rules,
    )


def test_valid_pack_loads(tmp_path) -> None:
    loaded = load_pack(pack(tmp_path, RULE))
    assert [r.code for r in loaded.rules] == ["GX401"]


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (("severity: error", "severity: fatal"), "规则 GX401", "键 severity"),
        (("kind: required-statement", "kind: nope"), "规则 GX401", "键 kind"),
        (("code: GX401", "code: GX71"), "规则 GX71", "键 code"),
        (("section: other", "section: other\n    colour: red"), "规则 GX401", "colour"),
        (("section: other", "section: elsewhere"), "规则 GX401", "键 section"),
        (("没有说明{name}", "没有说明{nme}"), "规则 GX401", "nme"),
        (("any: [处理费]", "any: ['处理费(']"), "规则 GX401", "正则表达式"),
        (("    doc: {why: w, bad: b, good: g}\n", ""), "规则 GX401", "缺少键 doc"),
    ],
)
def test_invalid_rule_names_file_rule_and_key(tmp_path, change, where, problem) -> None:
    path = pack(tmp_path, RULE.replace(*change))
    with pytest.raises(GxlintError) as exc:
        load_pack(path)
    assert exc.value.where.endswith(f"p.yaml: {where}")
    assert problem in exc.value.problem


def test_malformed_yaml_names_line(tmp_path) -> None:
    path = write(tmp_path, "pack: p\nrules: [\n")
    with pytest.raises(GxlintError) as exc:
        load_pack(path)
    assert "p.yaml:3:" in exc.value.where
    assert "YAML" in exc.value.problem


def test_duplicate_codes(tmp_path) -> None:
    with pytest.raises(GxlintError, match="GX401"):
        load_pack(pack(tmp_path, RULE + RULE))


def test_extends_overrides_and_removes(tmp_path) -> None:
    write(
        tmp_path,
        "pack: base\nsections:\n  - {key: other, number: 六, title: 其他}\nrules:\n"
        + RULE
        + RULE.replace("GX401", "GX402"),
        name="base.yaml",
    )
    child = write(
        tmp_path,
        "pack: child\nextends: base\nremove: [GX402]\n"
        "rules:\n  - {code: GX401, severity: warning}\n",
        name="child.yaml",
    )
    loaded = load_pack(child)
    assert [(r.code, r.severity.label, r.name) for r in loaded.rules] == [
        ("GX401", "warning", "fee")
    ]
    assert loaded.sections[0].title == "其他"


def test_extends_cycle(tmp_path) -> None:
    write(tmp_path, "pack: a\nextends: b\n", name="a.yaml")
    path = write(tmp_path, "pack: b\nextends: a\n", name="b.yaml")
    with pytest.raises(GxlintError, match="循环"):
        load_pack(path)


RELATION = """
  - code: GX301
    name: balance
    kind: relation
    table: t
    per: column
    expr: a + b == total
    severity: error
    message: "{lhs}，{rhs}"
    doc: {why: w, bad: b, good: g}
"""
TABLE = """tables:
  t:
    section: other
    columns: [{key: n, label: 数量}]
    rows: [{key: a, label: 甲}, {key: b, label: 乙}, {key: total, label: 合计}]
"""


def test_relation_loads_and_unknown_keys_are_named(tmp_path) -> None:
    head = "pack: p\nsections:\n  - {key: other, number: 六, title: 其他需要报告的事项}\n"
    good = write(tmp_path, head + TABLE + "rules:\n" + RELATION)
    assert load_pack(good).rule("GX301").params["expr"] == "a + b == total"
    bad = write(tmp_path, head + TABLE + "rules:\n" + RELATION.replace("a + b", "a + c"), "b.yaml")
    with pytest.raises(GxlintError) as exc:
        load_pack(bad)
    assert exc.value.where.endswith("b.yaml: 规则 GX301")
    assert "键 expr" in exc.value.problem and "c" in exc.value.problem
    broken = write(
        tmp_path, head + TABLE + "rules:\n" + RELATION.replace("a + b ==", "a + =="), "c.yaml"
    )
    with pytest.raises(GxlintError, match="无法解析"):
        load_pack(broken)


def test_pack_cache_follows_edits(tmp_path, monkeypatch) -> None:
    from gxlint.pack.cache import cached

    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "p.yaml"
    pack.write_text("pack: p\n")
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    assert cached(pack, build) == 1
    assert cached(pack, build) == 1  # served from the cache
    pack.write_text("pack: p  # edited\n")
    assert cached(pack, build) == 2  # an edited pack is built again
    assert len(list((tmp_path / "cache").glob("pack-p-*.pickle"))) == 1  # the stale entry went


def test_example_province_pack() -> None:
    from conftest import ROOT, corpus_text, lint, strip_expectations

    path = str(ROOT / "examples" / "province-example.yaml")
    pack = load_pack(path)
    codes = {r.code for r in pack.rules}
    assert "GX480" in codes and "GX409" not in codes and "GX301" in codes
    assert pack.rule("GX406").severity.label == "info"
    for case in pack.rule("GX480").cases:
        text, expected = strip_expectations(case.text)
        assert {
            (f.code, f.span.line) for f in lint(text, pack=path) if f.code == "GX480"
        } == expected
    huaian = {f.code: f.severity.label for f in lint(corpus_text("huaian-2024"), pack=path)}
    assert huaian.get("GX406") == "info" and "GX409" not in huaian
