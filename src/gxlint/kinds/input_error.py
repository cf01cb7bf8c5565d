"""A file gxlint could not read or check (GX902). No report to look at: the application makes
these findings from the errors of a batch, so that every output format reports them."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds.base import Kind
from gxlint.pack.rule import Rule


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    return iter(())


KIND = Kind(
    "input-error",
    "无法读取的文件 — a file that could not be read or checked (made by the application)",
    _check,
    fields=frozenset({"problem"}),
)
