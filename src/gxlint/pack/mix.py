"""A pack for a report whose tables follow two formats (a 2021 report with the 2019 table 二):
the report year's pack, with the tables the report keeps on the older template — and the rules
on those tables — taken from the older pack."""

from __future__ import annotations

from gxlint.pack.model import Pack
from gxlint.pack.rule import Rule
from gxlint.records import replace


def _tables_of(rule: Rule) -> set[str]:
    """The tables a rule reads: by the convention every kind keeps, its `table` parameter and
    its `when` limit's (this layer knows no kind's params class)."""
    when = getattr(rule.params, "when", None)
    return {
        str(t) for t in (getattr(rule.params, "table", None), getattr(when, "table", None)) if t
    }


def mixed(base: Pack, older: Pack, keys: set[str]) -> Pack:
    """`base` with the tables `keys` as `older` defines them (added where `base` has none), and
    each rule about those tables as `older` words it (dropped where `older` has no such rule)."""
    # In the template's order (a set's order changes from run to run: so would the output's).
    tables = {
        k: replace(older.tables[k], outdated=True) if k in keys else v
        for k, v in base.tables.items()
        if k not in keys or k in older.tables
    }
    added = [k for k in older.tables if k in keys and k not in base.tables]
    tables |= {k: replace(older.tables[k], outdated=True) for k in added}
    rules = []
    for rule in base.rules:
        if not _tables_of(rule) & keys:
            rules.append(rule)
        elif (old := older.rule(rule.code)) is not None:
            rules.append(old)
    return replace(base, name=f"{base.name}+{older.name}", tables=tables, rules=rules)
