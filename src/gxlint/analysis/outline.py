"""Which of the report's level-1 sections is which template section, and how well its title fits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gxlint.document.labels import normalise, similarity, strip_numbering
from gxlint.document.model import Document, Section
from gxlint.pack.template import SectionSpec

_TITLE_NEAR = 0.6


def title_score(spec: SectionSpec, section: Section) -> float:
    """How alike a report section's title is to a template section's (1.0: the same)."""
    title = strip_numbering(section.heading.raw)
    return max(similarity(title, normalise(name)) for name in (spec.title, *spec.variants))


class Fit(StrEnum):
    EXACT = "exact"  # the official title or an accepted variant
    NEAR = "near"  # close to the official title: a typo
    NUMBER = "number"  # only the numeral matches


@dataclass(frozen=True, slots=True)
class Placement:
    section: Section
    spec: SectionSpec | None
    fit: Fit | None


def place_sections(doc: Document, specs: list[SectionSpec]) -> list[Placement]:
    """Map each level-1 section of `doc` to the template section it is, or to None."""
    placements: list[Placement] = []
    for section in doc.sections:
        scored = sorted(((title_score(spec, section), spec) for spec in specs), key=lambda p: -p[0])
        best_score, best = scored[0] if scored else (0.0, None)
        if best is not None and best_score == 1.0:
            placements.append(Placement(section, best, Fit.EXACT))
        elif best is not None and best_score >= _TITLE_NEAR:
            placements.append(Placement(section, best, Fit.NEAR))
        else:
            by_number = next((s for s in specs if s.number == section.number), None)
            placements.append(Placement(section, by_number, Fit.NUMBER if by_number else None))
    return placements
