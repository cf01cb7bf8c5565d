"""The report's title (GX110): it names the year and what the report is, as the format has it
(「××局 2023 年政府信息公开工作年度报告」). Patterns are matched against the title's lines joined
and folded like prose; a missing part is reported on the title."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.document.prose import fold
from gxlint.findings import Finding
from gxlint.kinds._common import Requirement, validate_requirements
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of report-title."""

    require: list[Requirement] = param("[{name, any: [patterns], example}]")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not ctx.doc.title:
        return
    title = fold(ctx.doc.title).text
    first, last = ctx.doc.title[0].span, ctx.doc.title[-1].span
    span = Span(first.line, first.column, last.end_line, last.end_column)
    for requirement in rule.params_as(Params).require:
        if not any(compiled(p).search(title) for p in requirement.any):
            yield rule.finding(
                span, title=title, name=requirement.name, example=requirement.example
            )


def _validate(params: Params) -> str | None:
    return validate_requirements(params.require)


KIND = Kind(
    "report-title",
    "报告标题写明年度和报告名称 — the title names the year and the report",
    _check,
    params=Params,
    fields=frozenset({"title", "name", "example"}),
    validate=_validate,
)
