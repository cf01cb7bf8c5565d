"""What the cross-report kinds share: who wrote a report and for which year (the key that pairs
an agency's consecutive reports), and a source line to show with a finding."""

from __future__ import annotations

from typing import Any

from gxlint.analysis.context import Context
from gxlint.document.labels import normalise
from gxlint.document.model import Span


def identity(ctx: Context) -> dict[str, Any] | None:
    """The agency (normalised), year and path of a report, or None if it names neither."""
    if not ctx.agency.name or ctx.version.year is None:
        return None
    return {"agency": normalise(ctx.agency.name), "year": ctx.version.year, "path": ctx.doc.path}


def shown(ctx: Context, value: Any, span: Span) -> tuple[Any, Span, str]:
    """A value with its span and source line (compare_reports shows those lines)."""
    source = ctx.doc.source_lines
    return (value, span, source[span.line - 1] if span.line <= len(source) else "")


def by_agency_and_year(facts: list[dict[str, Any]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    grouped: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for fact in sorted(facts, key=lambda f: f["path"]):
        grouped.setdefault((fact["agency"], fact["year"]), []).append(fact)
    return grouped
