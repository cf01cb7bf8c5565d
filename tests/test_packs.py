"""Rule packs: validation errors name the file, the rule and the key; extends and remove merge."""

from __future__ import annotations

import textwrap

import pytest

import gxlint.pack.load
from gxlint.engine import load_pack
from gxlint.errors import GxlintError
from gxlint.kinds import registry

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
        "pack: child\nextends: base\nremove: [GX402]\nchange:\n  GX401: {severity: warning}\n",
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
    assert load_pack(good).rule("GX301").params.expr == "a + b == total"
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


def test_a_child_cannot_take_a_parents_code(tmp_path) -> None:
    write(
        tmp_path,
        "pack: base\nsections:\n  - {key: other, number: 六, title: 其他}\nrules:\n" + RULE,
        name="base.yaml",
    )
    child = write(tmp_path, "pack: child\nextends: base\nrules:\n" + RULE, name="child.yaml")
    with pytest.raises(GxlintError) as exc:
        load_pack(child)
    assert exc.value.where.endswith("child.yaml: 规则 GX401")
    assert "base.yaml" in exc.value.problem and "change:" in exc.value.problem
    unknown = write(
        tmp_path, "pack: c\nextends: base\nchange:\n  GX499: {severity: info}\n", "c.yaml"
    )
    with pytest.raises(GxlintError, match="GX499"):
        load_pack(unknown)


def test_full_width_punctuation_in_a_pattern_matches(tmp_path) -> None:
    from conftest import lint

    rule = RULE.replace("any: [处理费]", "any: ['标准化，规范化（试点）']")
    path = pack(tmp_path, rule)
    report = "某局2024年政府信息公开工作年度报告\n六、其他需要报告的事项\n"
    report += "推进标准化，规范化（试点）工作。\n"
    assert [f.code for f in lint(report, pack=path)] == []
    assert [f.code for f in lint(report.replace("规范化", "规范"), pack=path)] == ["GX401"]


def test_a_message_field_the_problem_does_not_supply_is_refused(tmp_path) -> None:
    shape = """
  - code: GX201
    name: table-missing
    kind: table-shape
    problem: missing-table
    severity: error
    message: 缺少表格「{table}」的「{row}」行
    doc: {why: w, bad: b, good: g}
"""
    path = pack(tmp_path, shape)
    with pytest.raises(GxlintError) as exc:
        load_pack(path)
    assert "row" in exc.value.problem and "table" in exc.value.problem  # what it may use
    assert load_pack(pack(tmp_path, shape.replace("的「{row}」行", ""))).rule("GX201")


def _fresh(monkeypatch, tmp_path):
    from gxlint.pack import load

    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(load, "_LOADED", {})
    monkeypatch.setattr(load, "_BY_NAME", {})


def test_pack_cache_follows_edits_to_every_file_read(tmp_path, monkeypatch) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    write(
        sub,
        "pack: base\nsections:\n  - {key: other, number: 六, title: 其他}\nrules:\n" + RULE,
        "base.yaml",
    )
    child = write(tmp_path, "pack: child\nextends: sub/base.yaml\n", "child.yaml")
    _fresh(monkeypatch, tmp_path)
    assert load_pack(child).rule("GX401").severity.label == "error"
    entries = list((tmp_path / "cache").glob("pack-*.json"))
    assert len(entries) == 1
    _fresh(monkeypatch, tmp_path)
    assert load_pack(child).rule("GX401").severity.label == "error"  # from the cache
    (sub / "base.yaml").write_text((sub / "base.yaml").read_text().replace("error", "warning"))
    _fresh(monkeypatch, tmp_path)
    assert load_pack(child).rule("GX401").severity.label == "warning"  # the parent's edit seen


@pytest.mark.parametrize("damage", ["corrupt", "foreign", "world-writable-folder"])
def test_a_bad_cache_is_ignored_never_fatal(tmp_path, monkeypatch, damage) -> None:
    import os

    path = pack(tmp_path, RULE)
    _fresh(monkeypatch, tmp_path)
    load_pack(path)
    (entry,) = (tmp_path / "cache").glob("pack-*.json")
    if damage == "corrupt":
        entry.write_bytes(b"\x80not json")
    elif damage == "foreign":  # a planted entry anyone could have written
        os.chmod(entry, 0o666)
    else:
        os.chmod(tmp_path / "cache", 0o777)
    _fresh(monkeypatch, tmp_path)
    assert [r.code for r in load_pack(path).rules] == ["GX401"]


def test_the_cache_holds_plain_json(tmp_path, monkeypatch) -> None:
    import json

    _fresh(monkeypatch, tmp_path)
    load_pack(pack(tmp_path, RULE))
    (entry,) = (tmp_path / "cache").glob("pack-*.json")
    value = json.loads(entry.read_text("utf-8"))["value"]
    assert value["$"] == "gxlint.pack.model.Pack"
    assert oct((tmp_path / "cache").stat().st_mode & 0o777) == "0o700"
    # A rule's parameters are stored as its kind's params class, and read back as one.
    kind = registry()[value["rules"][0]["kind"]]
    assert value["rules"][0]["params"]["$"] == f"{kind.params.__module__}.Params"
    assert isinstance(load_pack(pack(tmp_path, RULE)).rules[0].params, kind.params)


def test_a_cache_entry_naming_another_type_is_rebuilt(tmp_path, monkeypatch) -> None:
    """Only the pack's own types and the kinds' params classes are made from an entry."""
    import json

    _fresh(monkeypatch, tmp_path)
    path = pack(tmp_path, RULE)
    load_pack(path)
    (entry,) = (tmp_path / "cache").glob("pack-*.json")
    data = json.loads(entry.read_text("utf-8"))
    data["value"]["rules"][0]["params"]["$"] = "subprocess.Popen"
    entry.write_text(json.dumps(data), "utf-8")
    _fresh(monkeypatch, tmp_path)
    built, build = [], gxlint.pack.load.build_pack
    monkeypatch.setattr(gxlint.pack.load, "build_pack", lambda *a: built.append(1) or build(*a))
    assert [r.code for r in load_pack(path).rules] == ["GX401"] and built == [1]


def test_example_province_pack() -> None:
    from conftest import ROOT, corpus_text, lint
    from gxlint.app.cases import strip_expectations

    path = str(ROOT / "examples" / "province-example.yaml")
    pack = load_pack(path)
    codes = {r.code for r in pack.rules}
    assert "SL480" in codes and "GX409" not in codes and "GX301" in codes
    assert pack.rule("GX406").severity.label == "info"
    for case in pack.rule("SL480").cases:
        text, expected = strip_expectations(case.text)
        assert {
            (f.code, f.span.line) for f in lint(text, pack=path) if f.code == "SL480"
        } == expected
    huaian = {f.code: f.severity.label for f in lint(corpus_text("huaian-2024"), pack=path)}
    assert huaian.get("GX406") == "info" and "GX409" not in huaian


def test_a_run_imports_no_yaml_toml_lark_or_rich_once_entries_are_built(tmp_path, shipped) -> None:
    """Start-up cost (issue 13): with the entries built and no config file, checking a report
    loads neither the YAML parser (the formats and the pack come from the cache) nor tomllib (a
    pyproject.toml without a [tool.gxlint] table is not parsed), nor Lark (the grammar's
    terminals and the pack's parsed relations are cached), nor Rich's console (the output is
    not a terminal), nor the process pool. A fresh install finds them shipped (prebuilt/); with
    the shipped ones out of date, the first run builds them into the private cache."""
    import os
    import subprocess
    import sys

    from conftest import SEED

    (tmp_path / "report.txt").write_text(SEED.read_text("utf-8"), "utf-8")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'gxlint-reports'\n", "utf-8")
    probe = (
        "import sys; from pathlib import Path; import gxlint.cachedir as c; "
        "c.SHIPPED = Path(sys.argv[1]); "
        "from gxlint.app.cli import main; "
        "main(['--fail-on', 'never', 'report.txt']); "
        "print(sorted(m for m in ('yaml', 'tomllib', 'concurrent.futures', 'lark', 'rich.console')"
        " if m in sys.modules), file=sys.stderr)"
    )

    def run(cache: str, *shipped: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "GXLINT_CACHE_DIR": str(tmp_path / cache)}
        command = [sys.executable, "-c", probe, *shipped]
        return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)

    no_shipped = str(tmp_path / "none")
    runs = [run("cold", no_shipped), run("cold", no_shipped), run("fresh", str(shipped))]
    assert runs[0].stderr.strip() == "['lark', 'yaml']"  # nothing built: packs, grammar read
    assert runs[1].stderr.strip() == "[]"  # from the private cache the first run filled
    assert runs[2].stderr.strip() == "[]"  # a fresh install: from the shipped entries
    assert not any((tmp_path / "fresh").iterdir())  # which need no copy
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert "report.txt:11:37: GX509" in runs[2].stdout


def test_a_pack_read_from_the_cache_equals_the_one_built(tmp_path, monkeypatch) -> None:
    """The cache stores what was validated and derives the rest again: a template table's group
    rows and column index, and the parsed relations, come back the same."""
    from gxlint.kinds import registry
    from gxlint.pack.cache import cached_pack
    from gxlint.pack.files import find_pack
    from gxlint.pack.load import build_pack, param_types

    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "cache"))
    main = find_pack("gov-2021")
    built, _ = build_pack(main, registry())
    types = param_types(registry())
    cached_pack(main, lambda: (built, [main]), types)  # stored
    read = cached_pack(main, lambda: pytest.fail("rebuilt instead of read from the cache"), types)
    assert read is not built and read == built
    assert read.expressions == built.expressions and read.expressions
    for key, table in built.tables.items():
        assert read.tables[key].parents == table.parents
        assert read.tables[key].column_index == table.column_index
    assert read.tables["applications"].parents and read.tables["applications"].column_index


def test_a_packs_files_are_named_from_the_working_directory_of_each_run(
    tmp_path, monkeypatch
) -> None:
    """A user's pack names its files relative to where gxlint runs; its cache entry is kept per
    working directory, so a run elsewhere does not show the first run's relative paths. A
    built-in file is named the same from anywhere."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    path = pack(tmp_path / "a", RULE)
    seen = []
    for where in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a"):
        monkeypatch.chdir(where)
        _fresh(monkeypatch, tmp_path)
        seen.append(load_pack(path).rule("GX401").source)
    assert seen == ["p.yaml", str(tmp_path / "a" / "p.yaml"), "p.yaml"]
    assert len(list((tmp_path / "cache").glob("pack-*.json"))) == 2
    _fresh(monkeypatch, tmp_path)
    assert load_pack("2021").rule("GX101").source == "gxlint/rules/gov-2021/rules/1xx-sections.yaml"


def test_another_yaml_file_given_as_a_pack_is_not_listed(tmp_path, capsys) -> None:
    """--pack pointed at some other YAML file (credentials, say): it is "not a rule pack", its
    keys are never printed."""
    from conftest import SEED
    from gxlint.app.cli import main

    other = tmp_path / "secrets.yaml"
    other.write_text("db_password: hunter2\nadmin_user: root\n", "utf-8")
    assert main(["--pack", str(other), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "不是规则包" in err and "db_password" not in err and "admin_user" not in err


def test_a_provinces_rules_carry_its_own_prefix(tmp_path, capsys) -> None:
    """prefix: FJ → its rules are FJ…; a GX code of its own is refused (GX is the national
    packs'); change: still names national rules; selection, ignore, explain and SARIF take FJ."""
    import json

    from conftest import SEED
    from gxlint.app.cli import main

    own = RULE.replace("GX401", "FJ401").replace("section: other", "section: overview")
    body = (
        "pack: fj\nextends: gov-2021\nprefix: FJ\nchange:\n  GX406: {severity: warning}\nrules:\n"
    )
    path = write(tmp_path, body + own, name="fj.yaml")
    loaded = load_pack(path)
    assert loaded.rule("FJ401") is not None and loaded.rule("GX406").severity.label == "warning"
    taken = write(tmp_path, body + RULE.replace("GX401", "GX491"), name="taken.yaml")
    with pytest.raises(GxlintError) as exc:
        load_pack(taken)
    assert "FJ" in exc.value.problem and "GX491" in exc.value.problem
    bare = write(tmp_path, body.replace("prefix: FJ\n", "") + own, name="bare.yaml")
    with pytest.raises(GxlintError) as exc:
        load_pack(bare)
    assert "prefix:" in exc.value.problem and "GX 留给国家规则包" in exc.value.problem
    report = str(SEED)
    assert main(["--pack", path, "--select", "FJ4", "--format", "json", report]) == 1  # an error
    assert {f["code"] for f in json.loads(capsys.readouterr().out)} == {"FJ401"}
    main(["--pack", path, "--ignore", "FJ", "--format", "sarif", "--fail-on", "never", report])
    assert "FJ401" not in capsys.readouterr().out
    main(["--pack", path, "--format", "sarif", "--fail-on", "never", report])
    assert '"ruleId": "FJ401"' in capsys.readouterr().out
    assert main(["explain", "FJ401", "--pack", path]) == 0
    assert "FJ401" in capsys.readouterr().out


def test_the_example_province_pack_passes_its_cases_and_runs_on_the_corpus(capsys) -> None:
    """examples/province-example.yaml (a required statement, an occurrence rule, a word list of
    substitutions): its cases pass under `gxlint test`, and it checks every corpus report."""
    import json

    from conftest import CORPUS, ROOT
    from gxlint.app.cli import main

    example = str(ROOT / "examples" / "province-example.yaml")
    assert main(["test", example]) == 0
    assert "0 个失败" in capsys.readouterr().out
    main(["--pack", example, "--format", "json", "--fail-on", "never", str(CORPUS)])
    found = json.loads(capsys.readouterr().out)
    assert not [f for f in found if f["code"] == "GX902"]  # every report checked
    assert any(f["code"] == "SL481" for f in found)  # reports without 政务新媒体 in 一


def test_occurrence_at_most(tmp_path) -> None:
    from conftest import lint

    rule = """
  - code: FJ520
    name: no-template-words
    kind: occurrence
    severity: warning
    patterns: [XX局, ××局]
    max: 0
    message: 模板文字「{phrase}」没有替换（出现 {count} 处）
    doc: {why: w, bad: b, good: g}
"""
    path = write(tmp_path, "pack: fj\nextends: gov-2021\nprefix: FJ\nrules:\n" + rule)
    text = "某局2024年政府信息公开工作年度报告\n一、总体情况\n××局全年公开信息 10 条，XX局……\n"
    found = [f for f in lint(text, pack=path) if f.code == "FJ520"]  # each one past the max
    assert [(f.span.line, f.span.column, f.message) for f in found] == [
        (3, 1, "模板文字「××局」没有替换（出现 2 处）"),
        (3, 16, "模板文字「XX局」没有替换（出现 2 处）"),
    ]


def test_a_parameter_not_given_takes_its_kinds_default() -> None:
    """One place for a default: the kind's params class; the loader fills it in (GX604 writes
    none) and a kind reads typed attributes."""
    from gxlint.kinds.near_copy import Params

    rule = load_pack("gov-2021").rule("GX604")
    assert rule.params_as(Params) == Params(share=0.5, at_least=10, boilerplate=10)
    assert load_pack("gov-2021").rule("GX401").params.partial == "warning"
