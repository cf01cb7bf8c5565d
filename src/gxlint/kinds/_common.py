"""What several kinds share: the `agency:` and `when:` limits of a rule, and checks of patterns
(kinds/_patterns.py compiles them) and section keys in a pack."""

from __future__ import annotations

import re
from typing import Any

from gxlint.analysis.context import Context
from gxlint.kinds._patterns import compiled
from gxlint.pack.expr import RelationSyntaxError, parse_value
from gxlint.pack.params import param
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record

AGENCY_KINDS = ("government", "department", "township", "unknown")
# What several kinds' parameters mean, said once.
TABLE_DOC = "template table key (tables: in the pack)"
SECTION_DOC = "template section key (sections: in the pack)"
CHECK_DOC = "which of the kind's checks this rule makes"
SECTIONS_DOC = "section keys read (default: all, and the preamble)"


@record(frozen=True, slots=True, kw_only=True)
class When:
    """`when: {table, value: row.column, above: N}`: a rule that applies only when a cell > N."""

    table: str = param("template table key")
    value: str = param("the cell: row.column")
    above: float = param("the rule applies when the cell is above this", 0)


@record(frozen=True, kw_only=True)
class Limits:
    """The limits any rule of a kind that honours them (`applies`) may take."""

    agency: list[str] | None = param(
        f"apply only to these agency kinds: {', '.join(AGENCY_KINDS)}", None
    )
    since: int | None = param(
        "apply only to reports for this year on (by the report's year, not its template)", None
    )
    when: When | None = param(
        "{table, value: row.column, above: N}: apply only when the cell > N", None
    )


@record(frozen=True, kw_only=True)
class Sections:
    """The sections a rule of a kind that reads all prose by default reads (`read_sections`)."""

    sections: list[str] | None = param(SECTIONS_DOC, None)


def applies(params: Limits, ctx: Context) -> bool:
    """Whether a rule limited by `agency:`, `since:` or `when:` applies to this report."""
    if params.agency and ctx.agency.kind.value not in params.agency:
        return False
    if params.since and (ctx.version.year or _first_year(ctx.version.version)) < params.since:
        return False
    when = params.when
    if when:
        table = ctx.tables.tables.get(when.table)
        value = table.total(parse_value(when.value)) if table is not None else None
        return value is not None and value > when.above
    return True


def _first_year(version: str) -> int:
    """The first report year of a format version ("2019", "2021"); 0 for one not named so."""
    return int(version) if version.isdecimal() else 0


def validate_limits(params: Limits) -> str | None:
    """Check `agency:` and `when:` (shared by the kinds that take them)."""
    unknown = set(params.agency or ()) - set(AGENCY_KINDS)
    if unknown:
        return f"键 agency: 应为 {'、'.join(AGENCY_KINDS)}，实有 {sorted(unknown)}"
    if params.when is not None:
        try:
            parse_value(params.when.value)
        except RelationSyntaxError as exc:
            return f"键 when: {exc}"
    return None


def validate_patterns(key: str, patterns: Any) -> str | None:
    if not isinstance(patterns, list) or not patterns:
        return f"键 {key}: 应为正则表达式列表"
    for pattern in patterns:
        try:
            _ = compiled(pattern).pattern  # compiled now: an error is the pack's, not a report's
        except (re.error, TypeError) as exc:
            return f"键 {key}: 正则表达式 {pattern!r} 有误: {exc}"
    return None


def check_section(section: str, sections: list[SectionSpec]) -> str | None:
    """`section` must name a template section."""
    if section not in {s.key for s in sections}:
        return f"键 section: 没有章节 {section!r}"
    return None


def check_when(params: Limits, tables: dict[str, TableSpec]) -> str | None:
    """`when.table` must name a template table."""
    if params.when and params.when.table not in tables:
        return f"键 when: 没有表格 {params.when.table!r}"
    return None


@record(frozen=True, kw_only=True)
class InSection(Limits):
    """The parameters of a kind that reads one section, within the limits of `applies`."""

    section: str = param(SECTION_DOC)


def check_in_section(
    params: InSection, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    """`section` must name a template section; `when.table` a template table."""
    return check_section(params.section, sections) or check_when(params, tables)


@record(frozen=True, slots=True, kw_only=True)
class Requirement:
    """One thing a rule requires: its name, patterns any of which meets it, an example, and a
    table whose presence meets it too."""

    name: str = param("what is required (named in the message)")
    any: list[str] = param("patterns, any of which meets it")
    example: str = param("a wording that meets it (in the hint)", "")
    table: str | None = param("a template table whose presence meets it too", None)


def validate_requirements(requirements: list[Requirement]) -> str | None:
    """Each requirement's patterns must compile."""
    for i, requirement in enumerate(requirements):
        if problem := validate_patterns(f"require[{i}].any", requirement.any):
            return problem
    return None


def check_read_sections(
    params: Sections, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    """`sections` (the keys a rule reads) must be template sections or `preamble`."""
    return unknown_sections(params.sections, sections)


def unknown_sections(keys: list[str] | None, sections: list[SectionSpec]) -> str | None:
    """The problem with section keys a rule reads that are no template section or `preamble`."""
    unknown = set(keys or ()) - {s.key for s in sections} - {"preamble"}
    return f"键 sections: 没有章节 {sorted(unknown)}" if unknown else None


def read_sections(params: Sections, ctx: Context) -> list[str]:
    """The section keys a rule reads: its `sections`, else every section and the preamble."""
    return params.sections or ["preamble", *(s.key for s in ctx.pack.sections)]
