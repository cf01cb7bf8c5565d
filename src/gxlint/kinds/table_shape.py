"""Table shape: the recogniser's problems of one type (missing row, cell count …) as findings."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import PROBLEM_FIELDS, Problem
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of table-shape."""

    problem: Problem = param("the shape problem (missing-row …)")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    wanted = rule.params_as(Params).problem
    for problem in ctx.tables.by_problem.get(wanted, ()):
        yield rule.finding(problem.span, fix=problem.fix, **problem.fields)


KIND = Kind(
    "table-shape",
    "表格形式：缺行、多行、单元格数、非数字、空白、标签 — table shape problems of one type",
    _check,
    params=Params,
    fields=frozenset().union(*PROBLEM_FIELDS.values()),
    fields_for=lambda params: PROBLEM_FIELDS.get(params.problem, frozenset()),
)
