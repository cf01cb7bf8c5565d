"""`gxlint parse --format json` and `gxlint rules --format json`: what gxlint reads in a report
(format version and why, agency and kind, year, sections and how each was placed, tables with
every cell and its keys and place), and the rules of a pack, as plain JSON."""

from __future__ import annotations

import json
from typing import Any, TextIO

from gxlint.analysis.context import Context
from gxlint.analysis.tables.model import TableMatch
from gxlint.pack.model import Pack


def document_dict(ctx: Context) -> dict[str, Any]:
    choice, agency = ctx.version, ctx.agency
    return {
        "path": ctx.doc.path,
        "format": {
            "version": choice.version,
            "pack": ctx.pack.name,
            "reasons": list(choice.reasons),
            "outdated": choice.outdated,
        },
        "agency": {"name": agency.name, "kind": agency.kind.value, "reason": agency.reason},
        "year": choice.year,
        "title": [line.raw.strip() for line in ctx.doc.title],
        "sections": [
            {
                "line": p.section.heading.lineno,
                "number": p.section.number,
                "title": p.section.title,
                "key": p.spec.key if p.spec else None,
                "fit": p.fit.value if p.fit else None,
            }
            for p in ctx.placements
        ],
        "tables": [_table(match) for match in ctx.tables.tables.values() if match.found],
    }


def _table(match: TableMatch) -> dict[str, Any]:
    spec = match.spec
    rows = []
    for key, row in match.rows.items():
        cells = [
            {
                "column": column.key,
                "value": None if v.value is None else str(v.value),
                "text": v.cell.text,
                "blank": v.blank,
                "line": v.cell.span.line,
                "col": v.cell.span.column,
            }
            for column, v in zip(spec.columns, row.values or [], strict=False)
        ]
        rows.append({"key": key, "label": row.name, "line": row.line.lineno, "cells": cells})
    return {"key": spec.key, "title": spec.title, "rows": rows}


def rules_list(pack: Pack) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.label,
            "kind": r.kind,
            "message": r.message,
            "hint": r.hint or None,
            "why": r.doc.why,
            "pack": r.pack,
            "source": r.source,
        }
        for r in pack.rules
    ]


def write_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
