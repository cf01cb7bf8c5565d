"""A file gxlint could not read or check (GX902). No report to look at: the application makes
these findings from the errors of a batch, so that every output format reports them."""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.document.model import Span
from gxlint.errors import GxlintError
from gxlint.findings import Finding
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record, replace


@record(frozen=True, slots=True, kw_only=True)
class Params:
    """The parameters of input-error."""

    helps: dict[str, str] | None = param(
        "cause (missing, word97, scanned, encoding) → its help", None
    )


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    return iter(())


def input_finding(rule: Rule, error: GxlintError) -> Finding:
    """The finding for a file that could not be checked, with the help for its cause."""
    finding = rule.finding(Span(1, 1, 1, 1), problem=error.problem).at(error.where)
    helps = rule.params_as(Params).helps or {}
    return replace(finding, hint=helps[error.cause]) if error.cause in helps else finding


KIND = Kind(
    "input-error",
    "无法读取的文件 — a file that could not be read or checked (made by the application)",
    _check,
    params=Params,
    fields=frozenset({"problem"}),
)
