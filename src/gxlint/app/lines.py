"""The source lines of findings across reports. A worker sends the parent the lines of its own
findings only; the facts of a batch hold spans, not lines (thousands of reports' prose would
stay in memory to the end). The few reports a finding across reports lands on are read again
for the lines it shows; a report that cannot be (standard input, a web address, a file gone
since) shows its finding without its line."""

from __future__ import annotations

from collections.abc import Mapping

from gxlint.document.read.url import is_url
from gxlint.errors import GxlintError
from gxlint.findings import Finding


def add_lines(
    findings: list[Finding],
    sources: Mapping[str, Mapping[int, str]],
    into: dict[str, dict[int, str]],
) -> None:
    """Add to `into` the lines of `findings` that `sources` lacks, read from their files."""
    missing: dict[str, set[int]] = {}
    for finding in findings:
        if finding.span.line not in sources.get(finding.path, {}):
            missing.setdefault(finding.path, set()).add(finding.span.line)
    for path, numbers in missing.items():
        lines = _lines(path)
        numbered = {n: lines[n - 1] for n in numbers if n <= len(lines)}
        if numbered:
            into.setdefault(path, {}).update(numbered)


def _lines(path: str) -> list[str]:
    from gxlint.document.read import read_source

    if path == "<stdin>" or is_url(path):
        return []
    try:
        return read_source(path).text.split("\n")
    except (GxlintError, OSError):
        return []
