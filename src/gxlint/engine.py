"""The rule engine: one document, one pack → sorted findings."""

from __future__ import annotations

from dataclasses import replace

from gxlint.context import Context
from gxlint.findings import Finding
from gxlint.kinds import registry
from gxlint.model import Document
from gxlint.packs import Pack


def check_document(
    doc: Document, pack: Pack, select: frozenset[str] = frozenset()
) -> list[Finding]:
    """Run every rule of `pack` (or only the codes in `select`) over `doc`."""
    kinds = registry()
    ctx = Context(doc, pack)
    findings: list[Finding] = []
    for rule in pack.rules:
        if select and rule.code not in select:
            continue
        for finding in kinds[rule.kind].check(rule, ctx):
            findings.append(replace(finding, path=doc.path))
    return sorted(findings, key=Finding.sort_key)
