"""The rule engine: one document, one pack → sorted findings."""

from __future__ import annotations

from dataclasses import replace

from gxlint.build import build_document
from gxlint.context import Context
from gxlint.findings import Finding
from gxlint.kinds import registry
from gxlint.model import Document
from gxlint.packs import Pack
from gxlint.read import read_report


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


def check_text(path: str, text: str, pack: Pack) -> list[Finding]:
    return check_document(build_document(path, text), pack)


def check_file(path: str, pack: Pack) -> list[Finding]:
    """Read, tokenise, build and check one report. Raises GxlintError for unreadable input."""
    return check_text(path, read_report(path), pack)
