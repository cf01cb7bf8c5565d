"""What a recognised table lacks: rows of the template the report does not have (a group given
as one row, as the 2019 layout of （六）其他处理, is told once), and a table that is missing or
was flattened into a paragraph (a crawl or a PDF extraction ran its cells together)."""

from __future__ import annotations

import re

from gxlint.analysis.tables.model import Problem, TableMatch
from gxlint.analysis.tables.problems import Problems
from gxlint.document.labels import normalise
from gxlint.document.model import Section
from gxlint.pack.template import RowSpec, TableSpec

_HAS_DIGIT = re.compile(r"[0-9０-９]")


def missing_rows(spec: TableSpec, match: TableMatch, problems: Problems) -> None:
    order = list(spec.rows)
    for index, row in enumerate(order):
        if row.key in match.rows or spec.is_label_only(row):
            continue
        if _in_single_row_group(spec, match, row, problems):
            continue
        following = next(
            (match.rows[r.key] for r in order[index + 1 :] if r.key in match.rows), None
        )
        anchor = following or next(reversed(match.rows.values()))
        problems.add(Problem.MISSING_ROW, spec, anchor.line.span, row=row.label)


def blank_rows(spec: TableSpec, match: TableMatch, problems: Problems) -> None:
    """A row left wholly blank in a table that writes its zeros: a row not filled in (a table
    that leaves its zeros blank is told once, as GX208)."""
    rows = [r for r in match.rows.values() if r.values]
    if not any(v.value == 0 and not v.blank for r in rows for v in r.values or []):
        return
    for row in rows:
        if all(v.blank for v in row.values or []):
            problems.add(Problem.BLANK_ROW, spec, (row.label or row.line).span, row=row.name)


def _in_single_row_group(
    spec: TableSpec, match: TableMatch, row: RowSpec, problems: Problems
) -> bool:
    """True when `row` is a sub-item of a group the report gives as one row of numbers; the
    group is reported once, at its first sub-item."""
    parent = match.rows.get(row.parent) if row.parent else None
    children = spec.children(row.parent) if row.parent else []
    if parent is None or parent.values is None or any(c.key in match.rows for c in children):
        return False
    if children[0].key == row.key:
        problems.add(
            Problem.SINGLE_ROW_GROUP,
            spec,
            (parent.label or parent.line).span,
            row=parent.name,
            children="、".join(c.label for c in children),
            count=len(children),
        )
    return True


def no_rows(section: Section, specs: list[TableSpec], problems: Problems) -> None:
    """A section without table rows: its tables are missing, or flattened into a paragraph."""
    if not specs:
        return
    flattened = next(
        (
            ln
            for ln in section.prose_lines()
            if _HAS_DIGIT.search(ln.raw) and _mentions_table(specs, normalise(ln.raw))
        ),
        None,
    )
    if flattened is not None:
        problems.add(Problem.FLATTENED, specs[0], flattened.span, section=section.title)
        return
    for spec in specs:
        problems.add(Problem.MISSING_TABLE, spec, section.heading.span)


def _mentions_table(specs: list[TableSpec], text: str) -> bool:
    labels = [label for spec in specs for label in spec.header_labels]
    labels += [r.label for spec in specs for r in spec.rows if r.label]
    return sum(1 for label in labels if normalise(label) in text) >= 3
