"""Which format version a report follows: from labels unique to one version, then from its year.

Each built-in pack says how to recognise its format (`detect:` markers and the years it is for).
The template a report *uses* is the one whose markers it carries most; the template it *should*
use is the one for its year. When they differ, the report is on an outdated template: it is
checked against the template it uses (so its arithmetic is still checked) and told so.
"""

from __future__ import annotations

from gxlint.document.labels import normalise, normalise_folded, strip_numbering
from gxlint.document.model import Document, TokenKind
from gxlint.pack.detect import Format, formats
from gxlint.pack.model import Pack
from gxlint.pack.template import TableSpec
from gxlint.records import field, record

# Markers needed before labels overrule the year.
_MIN_MARKERS = 2


@record(frozen=True, slots=True)
class Choice:
    """The decision: the pack to check with, and why."""

    pack: str  # the format the report's labels follow (most of them)
    version: str
    year: int | None
    reasons: tuple[str, ...]
    title: str = ""  # of the format the labels follow
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
            reason = (f"--format-version {forced}",)
            return Choice(chosen.pack, chosen.version, year, reason, chosen.title)
    text = _folded(doc)
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
        title=used.title,
        year=year,
        reasons=tuple(reasons),
        expected=expected if outdated else None,
        markers=hits[used.pack],
    )


def warm_up() -> None:
    """Read the formats and the grammar's terminals now (before a batch forks its workers)."""
    from gxlint.document.scan import terminal_pattern

    terminal_pattern()
    formats()


_FOLDED: dict[str, str] = {}  # choose and older_tables ask for one report's, one after the other


def _folded(doc: Document) -> str:
    """A report's whole text folded as labels are, from its lines' NFKC (one report's at a
    time is kept)."""
    if doc.text not in _FOLDED:
        _FOLDED.clear()
        _FOLDED[doc.text] = normalise_folded("".join(line.folded for line in doc.lines))
    return _FOLDED[doc.text]


def older_tables(doc: Document, current: Pack, older: Pack) -> set[str]:
    """The tables of a report that follow `older`'s version of them rather than `current`'s:
    each table goes with the version whose own labels (those the other version lacks) the
    report has more of (on a tie, with the older, as the report's labels mostly are); a table
    only `older` has, when the report has its labels."""
    text = _folded(doc)
    everything = set().union(*(_labels(t) for t in current.tables.values()))
    keys = set()
    for key, spec in older.tables.items():
        other = current.tables.get(key)
        old_hits = _hits(text, _labels(spec), _labels(other) if other else everything)
        new_hits = _hits(text, _labels(other), _labels(spec)) if other else 0
        if old_hits > new_hits or (old_hits == new_hits and other is not None):
            keys.add(key)  # a tie: as the rest of the report
    return keys


def _labels(spec: TableSpec) -> set[str]:
    rows = {strip_numbering(r.label) for r in spec.rows if r.label}
    return rows | {normalise(x) for x in spec.header_labels} | {normalise(spec.caption)} - {""}


def _hits(text: str, own: set[str], other: set[str]) -> int:
    """How many labels of one version, and of no label of the other, the text has."""
    unique = [x for x in own - other if not any(x in y for y in other)]
    return sum(1 for label in unique if label in text)
