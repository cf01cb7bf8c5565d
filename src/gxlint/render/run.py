"""What a renderer is given: one run of gxlint, everything it shows already computed."""

from __future__ import annotations

from dataclasses import dataclass, field

from gxlint.errors import GxlintError
from gxlint.findings import Finding
from gxlint.pack.rule import Rule


@dataclass(frozen=True, slots=True)
class Run:
    """What one gxlint run found: its findings (sorted), the source lines they point at, the
    rules they come from (as the packs used define them), and the files it could not check."""

    findings: list[Finding]
    sources: dict[str, dict[int, str]] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)
    failures: list[GxlintError] = field(default_factory=list)
    files: int = 0  # how many files were checked, failures included
    places: dict[str, dict[int, str]] = field(default_factory=dict)  # path → line → input place
    summary: bool = True  # the closing count (--quiet: findings only)
    about: dict[str, dict[str, str]] = field(default_factory=dict)  # path → agency, kind, year…

    def place(self, finding: Finding) -> str | None:
        """Where a finding is in its input, for a web page or a Word file (text: None)."""
        return self.places.get(finding.path, {}).get(finding.span.line)
