"""What the cross-report kinds share: who wrote a report and for which year (the key that pairs
an agency's consecutive reports). Facts hold spans, never source lines: a batch of thousands
keeps the facts of every report to the end (app/lines.py reads the lines a finding shows).

An agency is known by the name its report gives. A name whose first place is a town, township
or street (城关镇人民政府, 新华街道办事处) is shared by many places across a province: such a report
is not paired with others, since a batch of a whole province would pair different towns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.labels import normalise
from gxlint.findings import Finding
from gxlint.pack.rule import Rule

_TOWN_FIRST = re.compile(r"^[^省市县区州盟]+?(?:镇|乡|街道|苏木)")


def identity(ctx: Context) -> dict[str, Any] | None:
    """The agency (normalised), year and path of a report; None if it names no agency, no year,
    or an agency whose name alone does not tell which one it is (a town's, without its county)."""
    if not ctx.agency.name or ctx.version.year is None or _TOWN_FIRST.match(ctx.agency.name):
        return None
    return {"agency": normalise(ctx.agency.name), "year": ctx.version.year, "path": ctx.doc.path}


def shown(fact: dict[str, Any]) -> str:
    """How a message names a report: its path as the run names reports to the reader (relative
    to the configuration's folder; `shown`, set by the app), else its path."""
    return fact.get("shown") or fact["path"]


def alone(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """What a cross-report kind finds in one report alone: nothing (its findings come from
    comparing the facts it collects)."""
    return iter(())


def by_agency_and_year(facts: list[dict[str, Any]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """The reports of each agency and year, by path."""
    grouped: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for fact in sorted(facts, key=lambda f: f["path"]):
        grouped.setdefault((fact["agency"], fact["year"]), []).append(fact)
    return grouped


def consecutive(
    facts: list[dict[str, Any]],
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Each report with its agency's report of the year before, when the batch holds both (of
    two reports of one agency and year, the first by path)."""
    reports = {key: group[0] for key, group in by_agency_and_year(facts).items()}
    for (agency, year), report in sorted(reports.items()):
        before = reports.get((agency, year - 1))
        if before is not None:
            yield report, before
