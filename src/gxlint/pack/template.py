"""Table templates from a pack: captions, columns, rows and the keys that rules refer to."""

from __future__ import annotations

from typing import Any

from gxlint.document.labels import NEAR, NearIndex, normalise, similarity, strip_numbering
from gxlint.errors import GxlintError
from gxlint.records import field, record

_REMEMBERED = 4096  # labels whose nearest row a table remembers (a batch repeats them)


@record(frozen=True, slots=True)
class SectionSpec:
    """A template section: key, numeral, official title, accepted variants."""

    key: str
    number: str
    title: str
    variants: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@record(frozen=True, slots=True)
class ColumnSpec:
    """A column of a template table."""

    key: str
    label: str
    group: str = ""
    decimal: bool = False  # an amount (万元, 元) rather than a count: decimals allowed
    signed: bool = False  # a change (本年增/减): negative allowed
    sums_row: bool = False  # the sum of the row's other columns (三's 总计)
    variants: tuple[str, ...] = ()  # accepted spellings, e.g. with a unit: 采购总金额（元）
    # Derived, asked for under every header row: the label and its variants normalised.
    norms: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        norms = frozenset(normalise(x) for x in (self.label, *self.variants))
        object.__setattr__(self, "norms", norms)

    @property
    def name(self) -> str:
        """How findings name the column: 「行政复议 结果维持」, 「自然人」."""
        return f"{self.group} {self.label}" if self.group else self.label


@record(frozen=True, slots=True)
class RowSpec:
    """A row of a template table."""

    key: str
    label: str
    short: str  # how arithmetic hints name the row: 一, 三（七）, （三）1
    parent: str = ""  # key of the group row this is a sub-item of
    group: bool = False  # a group label (（三）不予公开); carries numbers only as a subtotal
    heading: bool = False  # a label that never carries numbers (三、本年度办理结果)
    variants: tuple[str, ...] = ()
    # Derived, asked for for every row of every report: the label and its variants normalised.
    norms: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        norms = tuple(strip_numbering(x) for x in (self.label, *self.variants))
        object.__setattr__(self, "norms", norms)


@record(frozen=True, slots=True)
class TableSpec:
    """A table of the template: its columns and rows, and where it stands."""

    key: str
    title: str
    section: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    caption: str = ""
    header: tuple[str, ...] = ()  # header labels besides the column labels (信息内容, 申请人情况 …)
    optional: bool = False  # a table some reports add (六's fee table): not missing when absent
    outdated: bool = False  # kept on an older template (see pack/mix.py): its numbers are
    # checked, but it is not asked to be complete or labelled as that older template wants
    # Derived, asked for for every row and cell of every report: the keys of rows with
    # sub-items, each column's index and each row by its key, the sub-items of each group, the
    # rows that may stand as a label alone, and the labels a header row may hold.
    parents: frozenset[str] = field(init=False, repr=False, compare=False)
    column_index: dict[str, int] = field(init=False, repr=False, compare=False)
    row_index: dict[str, RowSpec] = field(init=False, repr=False, compare=False)
    sub_items: dict[str, list[RowSpec]] = field(init=False, repr=False, compare=False)
    label_only: tuple[RowSpec, ...] = field(init=False, repr=False, compare=False)
    header_labels: tuple[str, ...] = field(init=False, repr=False, compare=False)
    # Normalised header spellings → the normalised official label they stand for.
    header_accepted: dict[str, str] = field(init=False, repr=False, compare=False)
    # Each labelled row's normalised labels: the row of each (the first row that has it), and
    # all of them, in order, with an index of their characters (rows.py finds near misses).
    exact_rows: dict[str, RowSpec] = field(init=False, repr=False, compare=False)
    labelled: tuple[tuple[RowSpec, str], ...] = field(init=False, repr=False, compare=False)
    near: NearIndex = field(init=False, repr=False, compare=False)
    # What `nearest` found for each label asked (a batch's reports repeat their labels).
    nearest_found: dict[str, tuple[float, RowSpec | None]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "parents", frozenset(r.parent for r in self.rows if r.parent))
        index = {column.key: i for i, column in enumerate(self.columns)}
        object.__setattr__(self, "column_index", index)
        rows = {}
        for row in reversed(self.rows):  # the first of a key, as a search in order finds
            rows[row.key] = row
        object.__setattr__(self, "row_index", rows)
        sub_items: dict[str, list[RowSpec]] = {}
        for row in self.rows:
            sub_items.setdefault(row.parent, []).append(row)
        object.__setattr__(self, "sub_items", sub_items)
        alone = tuple(r for r in self.rows if self.is_label_only(r))
        object.__setattr__(self, "label_only", alone)
        labels = [*self.header, *(c.label for c in self.columns), *(c.group for c in self.columns)]
        object.__setattr__(self, "header_labels", tuple(dict.fromkeys(x for x in labels if x)))
        accepted = {normalise(x): normalise(x) for x in self.header_labels}
        accepted |= {normalise(v): normalise(x) for v, x in self.header_variants.items()}
        object.__setattr__(self, "header_accepted", accepted)
        labelled = tuple((row, norm) for row in self.rows if row.label for norm in row.norms)
        object.__setattr__(self, "labelled", labelled)
        exact: dict[str, RowSpec] = {}
        for row, norm in labelled:
            exact.setdefault(norm, row)
        object.__setattr__(self, "exact_rows", exact)
        object.__setattr__(self, "near", NearIndex([norm for _, norm in labelled]))
        object.__setattr__(self, "nearest_found", {})

    def nearest(self, norm: str) -> tuple[float, RowSpec | None]:
        """The row whose label a normalised label is most like, and how alike (1.0: its own
        label; the first row of the highest score). Only labels that share enough characters
        to be near are compared (NearIndex): below NEAR the score is 0.0 and the row None."""
        found = self.nearest_found.get(norm)
        if found is None:
            found = self._nearest(norm)
            if len(self.nearest_found) >= _REMEMBERED:  # a batch of distinct labels: bounded
                self.nearest_found.clear()
            self.nearest_found[norm] = found
        return found

    def _nearest(self, norm: str) -> tuple[float, RowSpec | None]:
        exact = self.exact_rows.get(norm)
        if exact is not None:
            return 1.0, exact
        best: tuple[float, RowSpec | None] = (0.0, None)
        for number in self.near.candidates(norm, NEAR):
            row, theirs = self.labelled[number]
            score = similarity(norm, theirs)
            if score > best[0]:
                best = (score, row)
        return best

    def row(self, key: str) -> RowSpec | None:
        return self.row_index.get(key)

    def column(self, key: str) -> ColumnSpec | None:
        index = self.column_index.get(key)
        return None if index is None else self.columns[index]

    def children(self, key: str) -> list[RowSpec]:
        return list(self.sub_items.get(key, ()))

    def is_group(self, row: RowSpec) -> bool:
        """A group label with sub-items. Without any (2019's （六）其他处理) it is a data row."""
        return row.group and row.key in self.parents

    def is_label_only(self, row: RowSpec) -> bool:
        """A row the report may give as a label alone: a heading, or a group with sub-items."""
        return row.heading or self.is_group(row)

    @property
    def header_variants(self) -> dict[str, str]:
        """Accepted spellings of header labels → the official label they stand for."""
        return {v: c.label for c in self.columns for v in c.variants}


def section_specs(where: str, raw: Any) -> list[SectionSpec]:
    """Validate the pack's `sections:` list."""
    if not isinstance(raw, list) or not raw:
        raise GxlintError(where, "键 sections: 应为非空列表 (must be a non-empty list)")
    return [_section(where, index, entry) for index, entry in enumerate(raw)]


def _section(where: str, index: int, entry: Any) -> SectionSpec:
    if not isinstance(entry, dict) or not {"key", "number", "title"} <= set(entry):
        raise GxlintError(where, f"sections[{index}]: 需要 key、number、title")
    return SectionSpec(
        key=str(entry["key"]),
        number=str(entry["number"]),
        title=str(entry["title"]),
        variants=_strings(f"{where}: sections[{index}]", entry, "variants"),
    )


def _strings(at: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or ()
    if not isinstance(value, list | tuple):
        raise GxlintError(at, f"键 {key}: 应为列表")
    return tuple(str(v) for v in value)


def table_specs(where: str, raw: dict[str, Any], sections: set[str]) -> dict[str, TableSpec]:
    """Validate the pack's `tables:` mapping; errors name the table and the key at fault."""
    if not isinstance(raw, dict):
        raise GxlintError(where, "键 tables: 应为映射 (a mapping of table keys)")
    return {key: _table(f"{where}: 表格 {key}", key, entry, sections) for key, entry in raw.items()}


def _table(at: str, key: str, entry: Any, sections: set[str]) -> TableSpec:
    if not isinstance(entry, dict):
        raise GxlintError(at, "应为映射")
    for needed in ("section", "columns", "rows"):
        if not entry.get(needed):
            raise GxlintError(at, f"缺少键 {needed}")
    if str(entry["section"]) not in sections:
        raise GxlintError(at, f"键 section: 没有章节 {entry['section']!r}")
    decimal = bool(entry.get("decimal", False))
    for needed in ("columns", "rows"):
        if not isinstance(entry[needed], list):
            raise GxlintError(at, f"键 {needed}: 应为列表")
    columns = tuple(_column(at, i, c, decimal) for i, c in enumerate(entry["columns"]))
    rows = tuple(_row(at, i, r) for i, r in enumerate(entry["rows"]))
    keys = [c.key for c in columns] + [r.key for r in rows]
    duplicated = sorted({k for k in keys if keys.count(k) > 1})
    if duplicated:
        raise GxlintError(at, f"键重复 (duplicate keys): {', '.join(duplicated)}")
    row_keys = {r.key for r in rows}
    for r in rows:
        if r.parent and r.parent not in row_keys:
            raise GxlintError(at, f"行 {r.key}: parent {r.parent!r} 不是本表的行")
    return TableSpec(
        key=key,
        title=str(entry.get("title") or entry.get("caption") or key),
        section=str(entry["section"]),
        columns=columns,
        rows=rows,
        caption=str(entry.get("caption") or ""),
        header=_strings(at, entry, "header"),
        optional=bool(entry.get("optional", False)),
    )


def _column(at: str, index: int, entry: Any, decimal: bool) -> ColumnSpec:
    if not isinstance(entry, dict) or not entry.get("key") or not entry.get("label"):
        raise GxlintError(at, f"columns[{index}]: 需要 key 和 label")
    return ColumnSpec(
        key=str(entry["key"]),
        label=str(entry["label"]),
        group=str(entry.get("group") or ""),
        decimal=bool(entry.get("decimal", decimal)),
        signed=bool(entry.get("signed", False)),
        sums_row=bool(entry.get("sums_row", False)),
        variants=_strings(f"{at}: {entry['key']}", entry, "variants"),
    )


def _row(at: str, index: int, entry: Any) -> RowSpec:
    if not isinstance(entry, dict) or not entry.get("key") or "label" not in entry:
        raise GxlintError(at, f"rows[{index}]: 需要 key 和 label")
    return RowSpec(
        key=str(entry["key"]),
        label=str(entry["label"]),
        short=str(entry.get("short") or entry["label"]),
        parent=str(entry.get("parent") or ""),
        group=bool(entry.get("group", False)),
        heading=bool(entry.get("heading", False)),
        variants=_strings(f"{at}: {entry['key']}", entry, "variants"),
    )
