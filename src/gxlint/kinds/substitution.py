"""A wording to replace with another (Vale's `substitution`): each key of `swap` is a pattern
over the folded prose, its value the wording that should stand there; a finding per match, with
the replacement as its fix (`--fix` writes it where the match is on one line).

    - code: FJ501
      kind: substitution
      swap: {政府信息公开年报: 政府信息公开工作年度报告, 依申请公开件: 依申请公开申请}
      message: 「{found}」应为「{right}」
"""

from __future__ import annotations

from collections.abc import Iterator

from gxlint.analysis.context import Context
from gxlint.findings import Finding, Fix
from gxlint.kinds._common import Sections, check_read_sections, read_sections, validate_patterns
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.records import record


@record(frozen=True, kw_only=True)
class Params(Sections):
    """The parameters of substitution."""

    swap: dict[str, str] = param("pattern → the wording that should stand there")


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    for key in read_sections(params, ctx):
        for prose in ctx.prose(key):
            for wrong, right in params.swap.items():
                for match in compiled(wrong).finditer(prose.text):
                    span = prose.span(match.start(), match.end())
                    fix = Fix(span, right) if span.line == span.end_line else None
                    yield rule.finding(span, fix=fix, found=match.group(0), right=right)


def _validate(params: Params) -> str | None:
    swap = params.swap
    if not swap or not all(isinstance(k, str) and isinstance(v, str) for k, v in swap.items()):
        return "键 swap: 应为「错误写法: 正确写法」的映射"
    return validate_patterns("swap", list(swap))


KIND = Kind(
    "substitution",
    "应当替换的写法 — a wording to replace with another (with a fix)",
    _check,
    params=Params,
    fields=frozenset({"found", "right"}),
    validate=_validate,
    check_in_pack=check_read_sections,
)
