"""What the cross-report kinds share: a `Fact`, what one report contributes to one rule — who
wrote it and for which year (the key that pairs an agency's consecutive reports), where it is,
and the kind's own data. Facts hold plain values (numbers as text, spans as tuples), never
source lines or Decimals: a batch keeps the facts of every report to the end, on disk
(engine.FactBook; app/lines.py reads the lines a finding shows), and compares them a group at a
time: all of an agency's reports are in one group (`by_agency`).

An agency is known by the name its report gives. A name whose first place is a town, township
or street (城关镇人民政府, 新华街道办事处) is shared by many places across a province: such a report
is not paired with others, since a batch of a whole province would pair different towns."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from gxlint.analysis.context import Context
from gxlint.document.labels import normalise
from gxlint.findings import Finding
from gxlint.pack.rule import Rule
from gxlint.records import record
from gxlint.scratch import Buckets

_TOWN_FIRST = re.compile(r"^[^省市县区州盟]+?(?:镇|乡|街道|苏木)")


D = TypeVar("D")
GROUP = 2000  # facts compared at once: a larger batch is grouped by agency on disk


@record(slots=True)
class Fact(Generic[D]):
    """What one report contributes to one cross-report rule: who and when it is about, and its
    kind's data. `path` and `shown` are how the application names the report (it may set them
    after the check: `shown` is the path relative to the configuration's folder)."""

    code: str  # the rule's
    agency: str  # normalised
    year: int
    path: str
    data: D
    shown: str = ""

    @property
    def name(self) -> str:
        """How a message names the report: as the run names it to the reader, else its path."""
        return self.shown or self.path


class Batch(Protocol[D]):
    """A batch's facts for one rule, in the order its reports came: a list, or a file of them
    (engine.FactBook). Iterate it, or take one by number: each read may be a read from disk."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Fact[D]]: ...

    def __getitem__(self, number: int, /) -> Fact[D]: ...


def fact_of(rule: Rule, ctx: Context, data: D) -> Fact[D] | None:
    """The fact `data` of this report for `rule`; None if the report names no agency, no year,
    or an agency whose name alone does not tell which one it is (a town's, without its county)."""
    year = ctx.version.year
    if not known(ctx) or year is None:
        return None
    return Fact(rule.code, normalise(ctx.agency.name), year, ctx.doc.path, data)


def known(ctx: Context) -> bool:
    """Whether a report can be paired with others at all (see `fact_of`)."""
    name = ctx.agency.name
    return bool(name) and ctx.version.year is not None and not _TOWN_FIRST.match(name)


def number(value: Decimal | None) -> str | None:
    """A cell's value as a fact keeps it: its text (Decimal(text) gives it back exactly)."""
    return None if value is None else str(value)


def alone(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """What a cross-report kind finds in one report alone: nothing (its findings come from
    comparing the facts it collects)."""
    return iter(())


def by_agency(facts: Batch[D]) -> Iterator[list[Fact[D]]]:
    """The batch's facts in groups, each holding every fact of its agencies: the whole batch
    if it is small, else buckets on disk by the agency's name (so that a batch of any size
    holds one group in memory at a time)."""
    if len(facts) <= GROUP:
        yield list(facts)
        return
    buckets: Buckets[Fact[D]] = Buckets(-(-len(facts) // GROUP), buffered=GROUP)
    for fact in facts:
        buckets.add(zlib.crc32(fact.agency.encode()) % buckets.count, fact)
    for number in range(buckets.count):
        yield buckets.bucket(number)


def by_agency_and_year(facts: Batch[D]) -> Iterator[tuple[tuple[str, int], list[Fact[D]]]]:
    """The reports of each agency and year (by path), in the order of their agency and year
    within each group of `by_agency`."""
    for group in by_agency(facts):
        grouped: dict[tuple[str, int], list[Fact[D]]] = {}
        for fact in sorted(group, key=lambda f: f.path):
            grouped.setdefault((fact.agency, fact.year), []).append(fact)
        yield from sorted(grouped.items())


def consecutive(facts: Batch[D]) -> Iterator[tuple[Fact[D], Fact[D]]]:
    """Each report with its agency's report of the year before, when the batch holds both (of
    two reports of one agency and year, the first by path)."""
    last: tuple[tuple[str, int], Fact[D]] | None = None  # in (agency, year) order: the year before
    for (agency, year), group in by_agency_and_year(facts):
        if last is not None and last[0] == (agency, year - 1):
            yield group[0], last[1]
        last = (agency, year), group[0]
