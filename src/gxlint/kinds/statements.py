"""Required statements: a section's prose must say certain things (patterns in the pack).

Patterns are regular expressions matched against the section's folded prose (see prose.py:
NFKC, whitespace removed; full-width ，（）： become , ( ) : while 。、 stay). A rule may apply
only to some agency kinds (`agency: [government]`) or only when a table cell is above a value
(`when: {table: applications, value: other_fee_unpaid.total, above: 0}`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from gxlint.analysis.context import Context
from gxlint.findings import Finding
from gxlint.kinds import Kind
from gxlint.pack.expr import RelationSyntaxError, parse_value
from gxlint.pack.rule import Rule

AGENCY_KINDS = ("government", "department", "township", "unknown")


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def applies(rule: Rule, ctx: Context) -> bool:
    """Whether a rule limited by `agency:` or `when:` applies to this report."""
    agencies = rule.params.get("agency")
    if agencies and ctx.agency.kind.value not in agencies:
        return False
    when = rule.params.get("when")
    if when:
        table = ctx.tables.tables.get(when["table"])
        value = table.total(parse_value(when["value"])) if table is not None else None
        return value is not None and value > when.get("above", 0)
    return True


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not applies(rule, ctx):
        return
    for section, prose in zip(
        ctx.sections_for(rule.params["section"]), ctx.prose(rule.params["section"]), strict=False
    ):
        for requirement in rule.params["require"]:
            if not any(compiled(p).search(prose.text) for p in requirement["any"]):
                yield rule.finding(
                    section.heading.span,
                    section=section.heading.raw.strip(),
                    name=requirement["name"],
                    example=requirement.get("example", ""),
                    agency=ctx.agency.kind.chinese,
                )
        return  # the first of duplicated sections only


def validate_limits(params: dict[str, Any]) -> str | None:
    """Check `agency:` and `when:` (shared by the kinds that take them)."""
    unknown = set(params.get("agency") or ()) - set(AGENCY_KINDS)
    if unknown:
        return f"键 agency: 应为 {'、'.join(AGENCY_KINDS)}，实有 {sorted(unknown)}"
    when = params.get("when")
    if when is not None:
        if not isinstance(when, dict) or not {"table", "value"} <= set(when):
            return "键 when: 需要 table 和 value（如 other_fee_unpaid.total），可加 above"
        try:
            parse_value(when["value"])
        except RelationSyntaxError as exc:
            return f"键 when: {exc}"
    return None


def validate_patterns(key: str, patterns: Any) -> str | None:
    if not isinstance(patterns, list) or not patterns:
        return f"键 {key}: 应为正则表达式列表"
    for pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            return f"键 {key}: 正则表达式 {pattern!r} 有误: {exc}"
    return None


def _validate(params: dict[str, Any]) -> str | None:
    for i, req in enumerate(params["require"]):
        if not isinstance(req, dict) or not req.get("name"):
            return f"键 require[{i}]: 需要 name 和 any（正则表达式列表）"
        if problem := validate_patterns(f"require[{i}].any", req.get("any")):
            return problem
    return validate_limits(params)


def check_section(
    params: dict[str, Any], sections: list[Any], tables: dict[str, Any]
) -> str | None:
    """`section` must name a template section; `when.table` a template table."""
    if "section" in params and params["section"] not in {s.key for s in sections}:
        return f"键 section: 没有章节 {params['section']!r}"
    when = params.get("when")
    if when and when["table"] not in tables:
        return f"键 when: 没有表格 {when['table']!r}"
    return None


KIND = Kind(
    "required-statement",
    "章节必须包含的表述 — a section must state certain things",
    _check,
    params={
        "section": (str, True),
        "require": (list, True),
        "agency": (list, False),
        "when": (dict, False),
    },
    fields=frozenset({"section", "name", "example", "agency"}),
    validate=_validate,
    check_in_pack=check_section,
)
