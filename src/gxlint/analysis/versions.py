"""Which format version a report follows: from labels unique to one version, then from its year.

Each built-in pack says how to recognise its format (`detect:` markers and the years it is for).
The template a report *uses* is the one whose markers it carries most; the template it *should*
use is the one for its year. When they differ, the report is on an outdated template: it is
checked against the template it uses (so its arithmetic is still checked) and told so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gxlint.document.labels import normalise
from gxlint.document.model import Document, TokenKind
from gxlint.pack.detect import Format, formats

# Markers needed before labels overrule the year.
_MIN_MARKERS = 2


@dataclass(frozen=True, slots=True)
class Choice:
    """The decision: the pack to check with, and why."""

    pack: str
    version: str
    year: int | None
    reasons: tuple[str, ...]
    expected: Format | None = None  # the format for the report's year, when it differs
    markers: tuple[str, ...] = field(default_factory=tuple)  # the give-away labels found

    @property
    def outdated(self) -> bool:
        return self.expected is not None


def report_year(doc: Document) -> int | None:
    """The year in the title (2023年度 / 2023 年), else the first year of the preamble."""
    for line in (*doc.title, *doc.preamble):
        for token in line.tokens:
            if token.kind is TokenKind.YEAR and token.value is not None:
                return int(token.value)
    return None


def for_year(year: int) -> Format | None:
    return next(
        (
            f
            for f in formats()
            if f.first_year <= year and (f.last_year is None or year <= f.last_year)
        ),
        None,
    )


def choose(doc: Document, forced: str | None = None) -> Choice:
    """Pick the format version of `doc` (or take `forced`, a version such as "2019")."""
    year = report_year(doc)
    if forced:
        chosen = next((f for f in formats() if f.version == forced), None)
        if chosen is not None:
            return Choice(chosen.pack, chosen.version, year, (f"--format-version {forced}",))
    text = normalise(doc.text)
    hits = {f.pack: tuple(m for m in f.markers if normalise(m) in text) for f in formats()}
    used = max(formats(), key=lambda f: len(hits[f.pack]))
    expected = for_year(year) if year is not None else None
    reasons: list[str] = []
    if len(hits[used.pack]) >= _MIN_MARKERS:
        found = hits[used.pack]
        reasons.append(f"{used.version} 年版特有的标签 {len(found)} 个：{'、'.join(found[:2])}…")
    elif expected is not None:
        used = expected
        reasons.append(f"报告年度 {year} 适用 {used.version} 年版格式")
    else:
        used = formats()[-1]
        reasons.append(f"未能判断年度和格式，按现行 {used.version} 年版格式检查")
    if year is not None:
        reasons.append(f"报告年度 {year}")
    outdated = expected is not None and expected.first_year > used.first_year
    return Choice(
        pack=used.pack,
        version=used.version,
        year=year,
        reasons=tuple(reasons),
        expected=expected if outdated else None,
        markers=hits[used.pack],
    )


def warm_up() -> None:
    """Read the formats and build the report parser now (before a batch forks its workers)."""
    from gxlint.document.parse import report_parser

    report_parser()
    formats()
