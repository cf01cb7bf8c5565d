"""What several kinds share: the `agency:` and `when:` limits of a rule, and checks of patterns
(kinds/_patterns.py compiles them) and section keys in a pack."""

from __future__ import annotations

import re
from typing import Any

from gxlint.analysis.context import Context
from gxlint.kinds._patterns import compiled
from gxlint.pack.expr import RelationSyntaxError, parse_value
from gxlint.pack.rule import Rule
from gxlint.pack.schema import Param
from gxlint.pack.template import SectionSpec, TableSpec

AGENCY_KINDS = ("government", "department", "township", "unknown")
# Parameters several kinds take, described once.
TABLE = Param(str, required=True, doc="template table key (tables: in the pack)")
SECTION = Param(str, required=True, doc="template section key (sections: in the pack)")
AGENCY = Param(list, doc=f"apply only to these agency kinds: {', '.join(AGENCY_KINDS)}")
WHEN = Param(dict, doc="{table, value: row.column, above: N}: apply only when the cell > N")
CHECK = Param(str, required=True, doc="which of the kind's checks this rule makes")
SECTIONS = Param(list, doc="section keys read (default: all, and the preamble)")
SINCE = Param(
    int, doc="apply only to reports for this year on (by the report's year, not its template)"
)


def applies(rule: Rule, ctx: Context) -> bool:
    """Whether a rule limited by `agency:`, `since:` or `when:` applies to this report."""
    agencies = rule.params.get("agency")
    if agencies and ctx.agency.kind.value not in agencies:
        return False
    since = rule.params.get("since")
    if since and (ctx.version.year or _first_year(ctx.version.version)) < since:
        return False
    when = rule.params.get("when")
    if when:
        table = ctx.tables.tables.get(when["table"])
        value = table.total(parse_value(when["value"])) if table is not None else None
        return value is not None and value > when.get("above", 0)
    return True


def _first_year(version: str) -> int:
    """The first report year of a format version ("2019", "2021"); 0 for one not named so."""
    return int(version) if version.isdecimal() else 0


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
            compiled(pattern)
        except (re.error, TypeError) as exc:
            return f"键 {key}: 正则表达式 {pattern!r} 有误: {exc}"
    return None


def check_section(
    params: dict[str, Any], sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    """`section` must name a template section; `when.table` a template table."""
    if "section" in params and params["section"] not in {s.key for s in sections}:
        return f"键 section: 没有章节 {params['section']!r}"
    when = params.get("when")
    if when and when["table"] not in tables:
        return f"键 when: 没有表格 {when['table']!r}"
    return None


def validate_requirements(params: dict[str, Any]) -> str | None:
    """`require`: a list of {name, any: [patterns], example}."""
    for i, req in enumerate(params["require"]):
        if not isinstance(req, dict) or not req.get("name"):
            return f"键 require[{i}]: 需要 name 和 any（正则表达式列表）"
        if problem := validate_patterns(f"require[{i}].any", req.get("any")):
            return problem
    return None


def check_read_sections(
    params: dict[str, Any], sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    """`sections` (the keys a rule reads) must be template sections or `preamble`."""
    unknown = set(params.get("sections") or ()) - {s.key for s in sections} - {"preamble"}
    return f"键 sections: 没有章节 {sorted(unknown)}" if unknown else None


def read_sections(rule: Rule, ctx: Context) -> list[str]:
    """The section keys a rule reads: its `sections`, else every section and the preamble."""
    return rule.params.get("sections") or ["preamble", *(s.key for s in ctx.pack.sections)]
