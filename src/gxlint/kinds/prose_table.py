"""Numbers the prose states against the tables (A8): 「受理…申请 95 件」 vs 一、本年新收 总计.

Each pattern is a regular expression over folded prose with a group `n` for the number; a pattern
without `n` states zero (「未收到政府信息公开申请」). The number must equal one of the `expect`
values (sums of `row.column` cells). When the sentence before the match says the figure is someone
else's (`uncertain`, e.g. 代表 — the office reporting for the government), a mismatch is a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.numbers import format_number
from gxlint.document.prose import sentences
from gxlint.findings import Finding, Severity
from gxlint.kinds._common import (
    TABLE,
    applies,
    compiled,
    validate_limits,
    validate_patterns,
)
from gxlint.kinds.base import Kind, Param
from gxlint.pack.expr import RelationSyntaxError, parse_value
from gxlint.pack.rule import Rule


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    table = ctx.tables.tables.get(rule.params["table"])
    if table is None or not table.found or not applies(rule, ctx):
        return
    expected = [(e, table.total(parse_value(e))) for e in rule.params["expect"]]
    if any(value is None for _, value in expected):
        return  # the table lacks a cell: the shape rules say so
    main_ref, main_value = expected[0]
    seen: set[int] = set()
    for key in rule.params.get("sections") or [s.key for s in ctx.pack.sections]:
        for prose in ctx.prose(key):
            bounds = sentences(prose)
            for pattern in rule.params["patterns"]:
                for match in compiled(pattern).finditer(prose.text):
                    start, end = match.span("n") if "n" in match.re.groupindex else match.span()
                    if start in seen:
                        continue
                    seen.add(start)
                    said = Decimal(match.group("n")) if "n" in match.re.groupindex else Decimal(0)
                    if any(said == value for _, value in expected):
                        continue
                    before = prose.text[next(a for a, b in bounds if a <= start < b) : start]
                    uncertain = rule.params.get("uncertain")
                    hedged = bool(uncertain) and compiled(uncertain).search(before) is not None
                    yield rule.finding(
                        prose.span(start, end),
                        severity=Severity.WARNING if hedged else None,
                        said=format_number(said),
                        phrase=match.group(0),
                        value=format_number(main_value),
                        cell=" + ".join(table.describe(t.name) for t in parse_value(main_ref)),
                        table=table.spec.title,
                    )


def _validate(params: dict[str, Any]) -> str | None:
    if problem := validate_patterns("patterns", params["patterns"]):
        return problem
    for expr in params["expect"]:
        try:
            parse_value(expr)
        except (RelationSyntaxError, TypeError) as exc:
            return f"键 expect: {exc}"
    return validate_limits(params)


def _check_in_pack(
    params: dict[str, Any], sections: list[Any], tables: dict[str, Any]
) -> str | None:
    spec = tables.get(params["table"])
    if spec is None:
        return f"键 table: 没有表格 {params['table']!r}"
    known = {f"{r.key}.{c.key}" for r in spec.rows for c in spec.columns}
    for expr in params["expect"]:
        unknown = [t.name for t in parse_value(expr) if t.kind == "key" and t.name not in known]
        if unknown:
            return (
                f"键 expect: 表格 {params['table']} 没有单元格 {', '.join(unknown)}（应为 行.列）"
            )
    keys = {s.key for s in sections} | {"preamble"}
    unknown_sections = set(params.get("sections") or ()) - keys
    if unknown_sections:
        return f"键 sections: 没有章节 {sorted(unknown_sections)}"
    return None


KIND = Kind(
    "prose-table",
    "正文数字与表格一致 — a number the prose states equals the table",
    _check,
    params={
        "table": TABLE,
        "patterns": Param(
            list,
            required=True,
            doc="patterns over folded prose; (?P<n>…) is the number",
        ),
        "expect": Param(list, required=True, doc="cells row.column (or sums) it may equal"),
        "sections": Param(list, doc="section keys read (default all; preamble)"),
        "uncertain": Param(str, doc="said before it: a mismatch is a warning"),
        "agency": Param(
            list, doc="agency kinds the rule applies to (government, department, township, unknown)"
        ),
    },
    fields=frozenset({"said", "phrase", "value", "cell", "table"}),
    validate=_validate,
    check_in_pack=_check_in_pack,
)
