"""A loaded rule pack: its template (sections, tables), its rules, and how to recognise it."""

from __future__ import annotations

from typing import Any

from gxlint.pack.expr import Parsed
from gxlint.pack.rule import Rule
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import field, record


@record
class Pack:
    """A rule pack as loaded: its template (sections, tables) and its rules."""

    name: str
    version: str
    title: str
    basis: str
    path: str
    sections: list[SectionSpec]
    tables: dict[str, TableSpec]
    rules: list[Rule] = field(default_factory=list)
    detect: dict[str, Any] = field(default_factory=dict)  # how to recognise this format
    unchecked: bool = False  # an old template gxlint recognises but does not check
    expressions: dict[str, Parsed] = field(default_factory=dict)  # parsed: see pack/expr.py

    def rule(self, code: str) -> Rule | None:
        return next((r for r in self.rules if r.code == code), None)
