"""Table templates from a pack: captions, columns, rows and the keys that rules refer to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gxlint.errors import GxlintError
from gxlint.labels import strip_numbering


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    key: str
    label: str
    group: str = ""

    @property
    def name(self) -> str:
        """How findings name the column: 「行政复议 结果维持」, 「自然人」."""
        return f"{self.group} {self.label}" if self.group else self.label


@dataclass(frozen=True, slots=True)
class RowSpec:
    key: str
    label: str
    short: str  # how arithmetic hints name the row: 一, 三（七）, （三）1
    parent: str = ""  # key of the group row this is a sub-item of
    group: bool = False  # a group label (（三）不予公开); carries numbers only as a subtotal
    variants: tuple[str, ...] = ()

    @property
    def norms(self) -> tuple[str, ...]:
        return tuple(strip_numbering(x) for x in (self.label, *self.variants))


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str
    title: str
    section: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    caption: str = ""
    header: tuple[str, ...] = ()  # header labels besides the column labels (信息内容, 申请人情况 …)
    decimal: bool = False  # amounts (万元) rather than counts

    def row(self, key: str) -> RowSpec | None:
        return next((r for r in self.rows if r.key == key), None)

    def column(self, key: str) -> ColumnSpec | None:
        return next((c for c in self.columns if c.key == key), None)

    def children(self, key: str) -> list[RowSpec]:
        return [r for r in self.rows if r.parent == key]

    @property
    def header_labels(self) -> tuple[str, ...]:
        labels = [*self.header, *(c.label for c in self.columns), *(c.group for c in self.columns)]
        return tuple(dict.fromkeys(x for x in labels if x))


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
    if entry["section"] not in sections:
        raise GxlintError(at, f"键 section: 没有章节 {entry['section']!r}")
    columns = tuple(_column(at, i, c) for i, c in enumerate(entry["columns"]))
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
        header=tuple(str(x) for x in entry.get("header") or ()),
        decimal=bool(entry.get("decimal", False)),
    )


def _column(at: str, index: int, entry: Any) -> ColumnSpec:
    if not isinstance(entry, dict) or not entry.get("key") or not entry.get("label"):
        raise GxlintError(at, f"columns[{index}]: 需要 key 和 label")
    return ColumnSpec(str(entry["key"]), str(entry["label"]), str(entry.get("group") or ""))


def _row(at: str, index: int, entry: Any) -> RowSpec:
    if not isinstance(entry, dict) or not entry.get("key") or "label" not in entry:
        raise GxlintError(at, f"rows[{index}]: 需要 key 和 label")
    return RowSpec(
        key=str(entry["key"]),
        label=str(entry["label"]),
        short=str(entry.get("short") or entry["label"]),
        parent=str(entry.get("parent") or ""),
        group=bool(entry.get("group", False)),
        variants=tuple(str(v) for v in entry.get("variants") or ()),
    )
