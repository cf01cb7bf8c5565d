"""Which of the report's level-1 sections is which template section, and how well it fits.

Sections are matched by title first (the official title or a variant; then a near miss), then
by content (the template tables their rows belong to), and by number last — and a number alone
places a section only where the template's order allows it (after the sections placed before
it, before those placed after it). So a report that numbers its body its own way, appends the
tables under a restarted 一/二/三, or inserts a section of its own is still read section by
section: what is missing is missing, what is extra is extra.
"""

from __future__ import annotations

from enum import StrEnum

from gxlint.document.labels import NEAR, normalise, similarity, strip_numbering
from gxlint.document.model import Document, LineKind, Section
from gxlint.pack.template import SectionSpec, TableSpec
from gxlint.records import record

_TITLE_NEAR = 0.6
_CONTENT_ROWS = 3  # row labels of a section's tables that make its content decisive


def title_score(spec: SectionSpec, section: Section) -> float:
    """How alike a report section's title is to a template section's (1.0: the same)."""
    title = strip_numbering(section.heading.raw)
    return max(similarity(title, normalise(name)) for name in (spec.title, *spec.variants))


class Fit(StrEnum):
    EXACT = "exact"  # the official title or an accepted variant
    NEAR = "near"  # close to the official title: a typo
    CONTENT = "content"  # holds the section's tables under another title
    NUMBER = "number"  # only the numeral matches, in the template's order


@record(frozen=True, slots=True)
class Placement:
    """A section of the report, the template section it was placed as, and how it fits."""

    section: Section
    spec: SectionSpec | None
    fit: Fit | None


def place_sections(
    doc: Document, specs: list[SectionSpec], tables: dict[str, TableSpec] | None = None
) -> list[Placement]:
    """Map each level-1 section of `doc` to the template section it is, or to None. A template
    section placed twice by its exact title is a duplicate (both placements kept)."""
    sections = doc.sections
    placed: dict[int, tuple[SectionSpec, Fit]] = {}
    _by_title(sections, specs, placed)
    _by_content(sections, specs, tables or {}, placed)
    _by_number(sections, specs, placed)
    return [Placement(s, *placed.get(i, (None, None))) for i, s in enumerate(sections)]


def _taken(placed: dict[int, tuple[SectionSpec, Fit]]) -> set[str]:
    return {spec.key for spec, _ in placed.values()}


def _by_title(
    sections: list[Section], specs: list[SectionSpec], placed: dict[int, tuple[SectionSpec, Fit]]
) -> None:
    best = [max(((title_score(p, s), p) for p in specs), key=lambda x: x[0]) for s in sections]
    for index, (score, spec) in enumerate(best):
        if score == 1.0:
            placed[index] = (spec, Fit.EXACT)  # duplicates too: GX103 reports them
    for index, (score, spec) in enumerate(best):
        if index not in placed and score >= _TITLE_NEAR and spec.key not in _taken(placed):
            placed[index] = (spec, Fit.NEAR)


def _by_content(
    sections: list[Section],
    specs: list[SectionSpec],
    tables: dict[str, TableSpec],
    placed: dict[int, tuple[SectionSpec, Fit]],
) -> None:
    for index, section in enumerate(sections):
        if index in placed:
            continue
        key = _tables_key(section, tables)
        spec = next((s for s in specs if s.key == key), None)
        if spec is not None and spec.key not in _taken(placed):
            placed[index] = (spec, Fit.CONTENT)


def _tables_key(section: Section, tables: dict[str, TableSpec]) -> str | None:
    """The template section whose tables this section's row labels belong to, if decisive."""
    labels = [
        strip_numbering(ln.cells[0].text)
        for ln in section.lines
        if ln.kind is LineKind.ROW and ln.cells and ln.cells[0].text
    ]
    counts: dict[str, int] = {}
    for spec in tables.values():
        norms = {n for row in spec.rows if row.label for n in row.norms}
        hits = sum(1 for label in labels if any(similarity(label, n) >= NEAR for n in norms))
        counts[spec.section] = counts.get(spec.section, 0) + hits
    key, hits = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
    return key if hits >= _CONTENT_ROWS else None


def _by_number(
    sections: list[Section], specs: list[SectionSpec], placed: dict[int, tuple[SectionSpec, Fit]]
) -> None:
    order = {spec.key: rank for rank, spec in enumerate(specs)}
    for index, section in enumerate(sections):
        spec = next((s for s in specs if s.number == section.number), None)
        if index in placed or spec is None or spec.key in _taken(placed):
            continue
        before = [order[p.key] for i, (p, _) in placed.items() if i < index]
        after = [order[p.key] for i, (p, _) in placed.items() if i > index]
        if max(before, default=-1) < order[spec.key] < min(after, default=len(specs)):
            placed[index] = (spec, Fit.NUMBER)
