"""Required statements: a section's prose must say certain things (patterns in the pack).

Patterns are regular expressions matched against the section's folded prose (see prose.py:
NFKC, whitespace removed; full-width ，（）： become , ( ) : while 。、 stay). A rule may apply
only to some agency kinds (`agency: [government]`) or only when a table cell is above a value
(`when: {table: applications, value: other_fee_unpaid.total, above: 0}`). A requirement with a
`table` is also met when the report has that table (六's fee table states the fee situation).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from gxlint.analysis.context import Context
from gxlint.document.model import Section
from gxlint.findings import Finding, Severity
from gxlint.kinds._common import (
    InSection,
    Requirement,
    applies,
    check_in_section,
    validate_limits,
    validate_requirements,
)
from gxlint.kinds._patterns import compiled
from gxlint.kinds.base import Kind, param
from gxlint.pack.rule import Rule
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record


@record(frozen=True, kw_only=True)
class Params(InSection):
    """The parameters of required-statement."""

    require: list[Requirement] = param("[{name, any: [patterns], example, table}]")
    also: list[str] | None = param(
        "section keys whose prose also counts (一 for 六's topics)", None
    )
    together: bool = param("one finding naming every requirement missing", False)
    partial: Literal["error", "warning", "info"] = param(
        "with together: severity if some are met", "warning"
    )


def _check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    params = rule.params_as(Params)
    if not applies(params, ctx):
        return
    key = params.section
    extra = " ".join(p.text for k in params.also or [] for p in ctx.prose(k))
    for section, prose in zip(ctx.sections_for(key), ctx.prose(key), strict=False):
        text = f"{prose.text} {extra}"
        requirements = params.require
        missing = [r for r in requirements if not _met(r, text, ctx)]
        if missing and params.together:
            partly = len(missing) < len(requirements)
            severity = Severity.parse(params.partial) if partly else None
            yield _finding(rule, ctx, section, missing, severity)
        else:
            for requirement in missing:
                yield _finding(rule, ctx, section, [requirement], None)
        return  # the first of duplicated sections only


def _finding(
    rule: Rule,
    ctx: Context,
    section: Section,
    missing: list[Requirement],
    severity: Severity | None,
) -> Finding:
    return rule.finding(
        section.heading.span,
        severity=severity,
        section=section.heading.raw.strip(),
        name="、".join(r.name for r in missing),
        example=missing[0].example,
        agency=ctx.agency.kind.chinese,
    )


def _met(requirement: Requirement, text: str, ctx: Context) -> bool:
    """A requirement is met by a pattern in the prose, or by its `table` in the report."""
    table = ctx.tables.tables.get(requirement.table or "")
    if table is not None and table.found:
        return True
    return any(compiled(p).search(text) for p in requirement.any)


def _check_tables(
    params: Params, sections: list[SectionSpec], tables: dict[str, TableSpec]
) -> str | None:
    unknown_also = set(params.also or ()) - {s.key for s in sections}
    if unknown_also:
        return f"键 also: 没有章节 {sorted(unknown_also)}"
    unknown = [r.table for r in params.require if r.table and r.table not in tables]
    if unknown:
        return f"键 require.table: 没有表格 {unknown}"
    return check_in_section(params, sections, tables)


def _validate(params: Params) -> str | None:
    return validate_requirements(params.require) or validate_limits(params)


KIND = Kind(
    "required-statement",
    "章节必须包含的表述 — a section must state certain things",
    _check,
    params=Params,
    fields=frozenset({"section", "name", "example", "agency"}),
    validate=_validate,
    check_in_pack=_check_tables,
)
