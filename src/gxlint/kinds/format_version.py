"""Format version: a report on an outdated template, and templates gxlint does not check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.findings import Finding
from gxlint.kinds._common import CHECK_DOC
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of format-version."""

    check: Literal["outdated", "unchecked"] = param(CHECK_DOC)


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    choice = ctx.version
    title = ctx.doc.title[0].span if ctx.doc.title else Span(1, 1, 1, 1)
    check = rule.params_as(Params).check
    if (check == "outdated" and choice.outdated) or (check == "unchecked" and ctx.pack.unchecked):
        yield rule.finding(
            title,
            year=choice.year or "?",
            used=choice.title or ctx.pack.title,
            labels="、".join(f"「{m}」" for m in choice.markers[:4]) or "（无）",
            current=choice.expected.basis if choice.expected else "",
            current_version=choice.expected.version if choice.expected else "",
        )


KIND = Kind(
    "format-version",
    "格式版本：过时的模板、不予检查的旧模板 — outdated or unchecked templates",
    _check,
    params=Params,
    fields=frozenset({"year", "used", "labels", "current", "current_version"}),
)
