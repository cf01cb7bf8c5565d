"""docs/rules/ (a page a rule, and an index) is what `python -m gxlint.app.rule_docs` makes of
the built-in packs now: edit a rule, regenerate the pages."""

from __future__ import annotations

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
