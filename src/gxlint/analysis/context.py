"""What a rule sees: the document, the pack, and what is derived from them once per report."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from gxlint.analysis.agency import Agency, classify
from gxlint.analysis.outline import Fit, Placement, place_sections
from gxlint.analysis.tables import recognise
from gxlint.analysis.tables.model import Recognition
from gxlint.document.prose import Prose, fold
from gxlint.records import field, record

if TYPE_CHECKING:
    from gxlint.analysis.versions import Choice
    from gxlint.document.model import Document, Line, Section
    from gxlint.pack.model import Pack

_REPORT_TITLE = re.compile(r"信息公开.{0,8}报告")
_SURE_FITS = (Fit.EXACT, Fit.NEAR, Fit.CONTENT)  # a numeral alone (一、) names no section


T = TypeVar("T")


class MemoKey(Generic[T]):
    """What a rule kind derives once per report and shares between its rules, and its type:
    `YEARS: MemoKey[list[Mention]] = MemoKey("years")`, then `ctx.remember(YEARS, find)`."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"MemoKey({self.name!r})"


@record
class Context:
    """What the rules of a report read: its document, pack and format, and what they share."""

    doc: Document
    pack: Pack
    version: Choice
    _memo: dict[MemoKey[Any], Any] = field(default_factory=dict, repr=False)
    _prose: dict[str, list[Prose]] = field(default_factory=dict, repr=False)

    def remember(self, key: MemoKey[T], make: Callable[[], T]) -> T:
        """The value of `key` for this report: made by `make` the first time it is asked for."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    @cached_property
    def placements(self) -> list[Placement]:
        return place_sections(self.doc, self.pack.sections, self.pack.tables)

    def sections_for(self, key: str) -> list[Section]:
        """The report's sections placed as template section `key` (none, one, or duplicates)."""
        return [p.section for p in self.placements if p.spec is not None and p.spec.key == key]

    @cached_property
    def tables(self) -> Recognition:
        """The template's tables as recognised in the report (first section of each key)."""
        placed: dict[str, Section] = {}
        for p in self.placements:
            if p.spec is not None:
                placed.setdefault(p.spec.key, p.section)
        return recognise(self.doc, self.pack.tables, placed)

    @cached_property
    def agency(self) -> Agency:
        return classify(self.doc)

    @cached_property
    def is_report(self) -> bool:
        """Whether the document is an annual report at all (a README.md or a requirements.txt
        in a repository of reports is not): a title that names one, a section of the template
        found by its title or its tables, or one of the template's tables."""
        named = any(_REPORT_TITLE.search(line.folded) for line in self.doc.title[:3])
        return (
            named
            or any(p.fit in _SURE_FITS for p in self.placements)
            or any(t.found for t in self.tables.tables.values())
        )

    def prose(self, key: str) -> list[Prose]:
        """The folded prose of the sections placed as `key` ("preamble": title and preamble).
        Sections of the report's own that follow one (headings the template does not have)
        are read as part of it: they are how that report structures its content."""
        cache = self._prose
        if key not in cache:
            if key == "preamble":
                cache[key] = [fold([*self.doc.title, *self.doc.preamble])]
            else:
                cache[key] = [fold(lines) for lines in self._lines_of(key)]
        return cache[key]

    def _lines_of(self, key: str) -> list[list[Line]]:
        found: list[list[Line]] = []
        current: list[Line] | None = None
        for p in self.placements:
            if p.spec is not None:
                current = list(p.section.lines) if p.spec.key == key else None
                if current is not None:
                    found.append(current)
            elif current is not None:
                current += [p.section.heading, *p.section.lines]
        return found
