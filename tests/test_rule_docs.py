"""docs/rules/ (a page a rule, and an index) is what `python -m gxlint.app.rule_docs` makes of
the built-in packs now: edit a rule, regenerate the pages."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from gxlint.app.rule_docs import rule_pages
from gxlint.pack.params import schema_of

DOCS = ROOT / "docs" / "rules"


def test_the_rule_pages_are_current() -> None:
    pages = rule_pages()
    on_disk = {p.name: p.read_text("utf-8") for p in DOCS.glob("*.md")}
    stale = sorted(n for n in pages if on_disk.get(n) != pages[n])
    assert stale == [], f"run python -m gxlint.app.rule_docs: {stale[:5]}"
    assert sorted(on_disk) == sorted(pages)


def test_a_rule_page_says_what_explain_says() -> None:
    page = rule_pages()["GX401.md"]
    assert page.startswith("# GX401 fee-statement\n")
    assert "- 级别 severity: 错误 error" in page and "- 适用格式 formats: 2021、2019" in page
    assert "## 违反示例 Violation" in page and "## 正确示例 Fix" in page
    assert "[GX401](GX401.md)" in rule_pages()["README.md"]


def test_the_pack_guide_lists_every_kind_as_gxlint_kinds_does() -> None:
    """docs/packs.md is what `python -m gxlint.app.rule_docs` makes of the kinds now, and its
    kinds section names every registered kind with its parameters."""
    from gxlint.app.rule_docs import guide
    from gxlint.kinds import registry

    text = guide()
    assert (ROOT / "docs" / "packs.md").read_text("utf-8") == text, (
        "run python -m gxlint.app.rule_docs"
    )
    for name, kind in registry().items():
        assert f"### `{name}`" in text
        assert all(f"- `{key}`" in text for key in schema_of(kind.params))
    assert "- `min`: int — at least this many matches" in text
    assert "- `per`（必填 required）: str，取值 one of: column、row" in text  # Literal choices
    assert "  - `when.above`: float，默认 0 — " in text  # a nested mapping's keys


def test_a_pack_written_from_the_guide_alone_passes_its_cases_and_runs_on_the_corpus(
    tmp_path, capsys
) -> None:
    """docs/packs.md's example — an occurrence rule, a substitution list and a relation on a
    national table, with their cases — is a working pack as printed. On the corpus its findings
    were checked by hand: pingtan-police-2022 says 「依申请公开件」 on line 59; xuchang-justice
    -2023's 一、总体情况 never names 政务新媒体; no real report discloses more than it received."""
    import json
    import re

    from gxlint.app.cli import main

    text = (ROOT / "docs" / "packs.md").read_text("utf-8")
    pack = tmp_path / "fujian.yaml"
    pack.write_text(re.search(r"```yaml\n(.*?)```", text, re.S).group(1), "utf-8")
    assert main(["test", str(pack)]) == 0
    assert "6 个用例，6 个通过，0 个失败" in capsys.readouterr().out
    reports = sorted(str(p) for p in (ROOT / "tests" / "corpus").glob("*.txt"))
    assert main(["--pack", str(pack), "--format", "json", "--fail-on", "never", *reports]) == 0
    found = json.loads(capsys.readouterr().out)
    mine = {(Path(f["path"]).name, f["line"], f["code"]) for f in found if f["code"][:2] == "FJ"}
    assert ("pingtan-police-2022.txt", 59, "FJ501") in mine
    assert ("xuchang-justice-2023.txt", 5, "FJ481") in mine
    assert not any(code == "FJ301" for _, _, code in mine)
    assert not any(f["code"] == "GX409" for f in found)  # removed
    assert {f["severity"] for f in found if f["code"] == "GX406"} <= {"info"}  # changed
