"""`--format sarif`: SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points, as
gxlint's do (SARIF's default is UTF-16 code units, so the run says `columnKind`)."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from gxlint import __version__
from gxlint.findings import Finding, Severity
from gxlint.pack.rule import Rule
from gxlint.render.run import Run

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A path as a SARIF artifact URI: percent-encoded (Chinese names, spaces, %), relative
    paths kept relative (with `/`), absolute ones as file:// URIs."""
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _region(finding: Finding) -> dict[str, int]:
    span = finding.span
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _result(finding: Finding, index: int, place: str | None) -> dict[str, Any]:
    text = finding.message + (f"\n{finding.hint}" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(finding.path)},
                    "region": _region(finding),
                }
            }
        ],
    }
    if place is not None:
        result["properties"] = {"source": {"place": place}}
    if finding.fix is not None:
        fix_span = finding.fix.span
        result["fixes"] = [
            {
                "description": {"text": f"改为「{finding.fix.replacement}」"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(finding.path)},
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


def _rule(code: str, rule: Rule | None) -> dict[str, Any]:
    """A rule's metadata as the pack actually used defines it (a province's own rules too)."""
    if rule is None:
        return {"id": code, "name": code, "defaultConfiguration": {"level": "warning"}}
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.name},
        "fullDescription": {"text": rule.doc.why},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "help": {"text": f"gxlint explain {code}\n\n{rule.doc.why}"},
        "properties": {"kind": rule.kind, "pack": rule.pack},
    }


def _invocation(run: Run) -> dict[str, Any]:
    """Whether every file was checked; each one that was not, as a notification."""
    notifications = [
        {
            "level": "error",
            "message": {"text": failure.problem},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failure.where)}}}
            ],
        }
        for failure in run.failures
    ]
    return {
        "executionSuccessful": not run.failures,
        "toolExecutionNotifications": notifications,
    }


def render_sarif(run: Run, out: TextIO) -> None:
    codes = sorted({f.code for f in run.findings})
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gxlint",
                        "version": __version__,
                        "rules": [_rule(code, run.rules.get(code)) for code in codes],
                    }
                },
                "invocations": [_invocation(run)],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, codes.index(f.code), run.place(f)) for f in run.findings],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
