"""`--format sarif`: SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points, as
gxlint's do (SARIF's default is UTF-16 code units, so the run says `columnKind`)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from gxlint import __version__
from gxlint.findings import Finding, Severity
from gxlint.pack.rule import Rule

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _rules_by_code() -> dict[str, Rule]:
    from gxlint.engine import load_pack
    from gxlint.pack.files import builtin_pack_names

    return {r.code: r for name in builtin_pack_names() for r in load_pack(name).rules}


def _region(finding: Finding) -> dict[str, int]:
    span = finding.span
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    text = finding.message + (f"\n{finding.hint}" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.path},
                    "region": _region(finding),
                }
            }
        ],
    }
    if finding.fix is not None:
        fix_span = finding.fix.span
        result["fixes"] = [
            {
                "description": {"text": f"改为「{finding.fix.replacement}」"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": finding.path},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": fix_span.line,
                                    "startColumn": fix_span.column,
                                    "endLine": fix_span.end_line,
                                    "endColumn": fix_span.end_column,
                                },
                                "insertedContent": {"text": finding.fix.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def render_sarif(findings: list[Finding], sources: dict[str, dict[int, str]], out: TextIO) -> None:
    known = _rules_by_code()
    codes = sorted({f.code for f in findings})
    rules = []
    for code in codes:
        rule = known.get(code)
        rules.append(
            {
                "id": code,
                "name": rule.name if rule else code,
                "shortDescription": {"text": rule.name if rule else code},
                "fullDescription": {"text": rule.doc.why if rule else ""},
                "defaultConfiguration": {"level": _LEVEL[rule.severity] if rule else "warning"},
                "help": {"text": f"gxlint explain {code}"},
            }
        )
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gxlint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, codes.index(f.code)) for f in findings],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
