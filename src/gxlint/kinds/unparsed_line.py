"""Lines the grammar could not place: reported, never a crash."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, NoParams
from gxlint.pack.rule import Rule


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for line in ctx.doc.unparsed:
        yield rule.finding(line.span, text=line.raw.strip()[:40])


KIND = Kind(
    "unparsed-line",
    "语法无法识别的行 — a line the grammar could not place",
    _check,
    params=NoParams,
    fields=frozenset({"text"}),
)
