"""The rule engine: one document → its format version → the pack's rules → sorted findings."""

from __future__ import annotations

from dataclasses import replace

from gxlint.context import Context
from gxlint.findings import Finding
from gxlint.kinds import registry
from gxlint.model import Document
from gxlint.packs import load_pack
from gxlint.versions import choose


def context_for(
    doc: Document, pack_name: str | None = None, format_version: str | None = None
) -> Context:
    """The context a report is checked in: the pack named, or the one for its format version."""
    choice = choose(doc, format_version)
    return Context(doc, load_pack(pack_name or choice.pack), choice)


def check_document(
    doc: Document,
    pack_name: str | None = None,
    *,
    format_version: str | None = None,
    select: frozenset[str] = frozenset(),
    ignore: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Run the rules (all, or those in `select`, less those in `ignore`) over `doc`.
    `select` and `ignore` hold codes or code prefixes (GX3: every arithmetic rule)."""
    kinds = registry()
    ctx = context_for(doc, pack_name, format_version)
    findings: list[Finding] = []
    for rule in ctx.pack.rules:
        if not selected(rule.code, select, ignore):
            continue
        for finding in kinds[rule.kind].check(rule, ctx):
            findings.append(replace(finding, path=doc.path))
    return sorted(findings, key=Finding.sort_key)


def selected(code: str, select: frozenset[str], ignore: frozenset[str]) -> bool:
    """Whether a rule code is chosen by `select` (empty: all) and not dropped by `ignore`."""
    chosen = not select or any(code.startswith(s) for s in select)
    return chosen and not any(code.startswith(i) for i in ignore)
