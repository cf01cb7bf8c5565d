"""Writes the rule pages (docs/rules/GXnnn.md and their index) from the built-in packs, which
SARIF's helpUri points at, and the pack author's guide (docs/packs.md) from the rule kinds.

    python -m gxlint.app.rule_docs [FOLDER]     # default: docs/rules beside src/

tests/test_rule_docs.py fails until the pages match the packs and the kinds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gxlint.engine import load_pack
from gxlint.pack.files import builtin_pack_names
from gxlint.pack.rule import Rule
from gxlint.render.rule_pages import index_page, rule_page

DOCS = Path(__file__).resolve().parents[3] / "docs" / "rules"


def rule_pages() -> dict[str, str]:
    """Every page by file name: a rule's page from the newest pack that holds it."""
    found: dict[str, tuple[Rule, list[str]]] = {}
    for name in sorted(builtin_pack_names(), reverse=True):  # gov-2021 first
        pack = load_pack(name)
        if pack.unchecked:
            continue
        for rule in pack.rules:
            found.setdefault(rule.code, (rule, []))[1].append(pack.version)
    ordered = [found[code] for code in sorted(found)]
    pages = {f"{rule.code}.md": rule_page(rule, formats) for rule, formats in ordered}
    pages["README.md"] = index_page(ordered)
    return pages


NATIONAL = "gov-2021"  # the pack a province's extends (docs/packs.md's example)


def guide() -> str:
    """docs/packs.md: the pack author's guide, its kinds from the registry, its tables from the
    national pack a province's pack extends."""
    from gxlint.engine import load_pack
    from gxlint.kinds import registry
    from gxlint.render.pack_guide import pack_guide

    return pack_guide(registry(), load_pack(NATIONAL).tables, NATIONAL)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DOCS
    folder.mkdir(parents=True, exist_ok=True)
    pages = rule_pages()
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (folder / name).write_text(text, "utf-8")
    (folder.parent / "packs.md").write_text(guide(), "utf-8")
    print(f"{len(pages)} pages in {folder}; {folder.parent / 'packs.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
