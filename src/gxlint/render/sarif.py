"""`--format sarif`: SARIF 2.1.0 for code-scanning tools. Columns count Unicode code points, as
gxlint's do (SARIF's default is UTF-16 code units, so the run says `columnKind`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from gxlint import __version__
from gxlint.findings import Finding, Severity
from gxlint.pack.rule import Rule
from gxlint.render.json import write_array
from gxlint.render.rule_pages import chinese_why, help_text, summary
from gxlint.render.run import Location, Run

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A path as a SARIF artifact URI: percent-encoded (Chinese names, spaces, %), relative
    paths kept relative (with `/`), absolute ones as file:// URIs."""
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)


def _physical(finding: Finding, where: Location) -> dict[str, Any]:
    """The file, and the region in its own lines (none for a Word file or a PDF)."""
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(finding.path)}}
    if where.line is not None:
        region = {
            "startLine": where.line,
            "startColumn": where.column,
            "endLine": where.end_line,
            "endColumn": where.end_column,
        }
        location["region"] = {k: v for k, v in region.items() if v is not None}
    return location


def _fingerprint(finding: Finding, line_text: str) -> str:
    """What stays when lines are inserted above a finding: its rule, its message with the
    whitespace folded, and its line's text."""
    key = "\0".join((finding.code, " ".join(finding.message.split()), line_text.strip()))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(finding: Finding, index: int, run: Run) -> dict[str, Any]:
    where, place = run.location(finding), run.place(finding)
    said = f"（{where.place}）" if where.place else ""
    text = said + finding.message + (f"\n{finding.hint}" if finding.hint else "")
    line_text = run.sources.get(finding.path, {}).get(finding.span.line, "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVEL[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(finding, where)}],
        "partialFingerprints": {"gxlintFinding/v1": _fingerprint(finding, line_text)},
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


def _rule(code: str, rule: Rule | None, rules_url: str) -> dict[str, Any]:
    """A rule's metadata as the pack actually used defines it (a province's own rules too),
    in Chinese, with its page."""
    if rule is None:
        return {"id": code, "name": code, "defaultConfiguration": {"level": "warning"}}
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": chinese_why(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "help": {"text": help_text(rule)},
        "helpUri": f"{rules_url}{code}.md",
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
    """The log as `json.dump(indent=2)` writes it, its results written one at a time (a batch's
    are read from its spool as they are written: app/spool.py)."""
    codes = sorted({f.code for f in run.findings})
    index = {code: number for number, code in enumerate(codes)}
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gxlint",
                        "version": __version__,
                        "rules": [
                            _rule(code, run.rules.get(code), run.rules_url) for code in codes
                        ],
                    }
                },
                "invocations": [_invocation(run)],
                "columnKind": "unicodeCodePoints",
                "results": _RESULTS,
            }
        ],
    }
    head, tail = json.dumps(log, ensure_ascii=False, indent=2).split(json.dumps(_RESULTS))
    out.write(head)
    write_array(out, (_result(f, index[f.code], run) for f in run.findings), _RESULTS_DEPTH)
    out.write(tail + "\n")


# Where the results go in the log: a placeholder no other value in it can be (a string of
# a character no text holds), at the depth of the list it stands for (log → runs → run).
_RESULTS = "\x00results\x00"
_RESULTS_DEPTH = 3
