"""What a rule sees: the document, the pack, and what is derived from them once per report."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from gxlint.outline import Placement, place_sections

if TYPE_CHECKING:
    from gxlint.model import Document, Section
    from gxlint.packs import Pack


@dataclass
class Context:
    doc: Document
    pack: Pack

    @cached_property
    def placements(self) -> list[Placement]:
        return place_sections(self.doc, self.pack.sections)

    def sections_for(self, key: str) -> list[Section]:
        """The report's sections placed as template section `key` (none, one, or duplicates)."""
        return [p.section for p in self.placements if p.spec is not None and p.spec.key == key]
