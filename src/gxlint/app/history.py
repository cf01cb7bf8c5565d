"""`--history DIR`: earlier reports that are not being checked, read only so that the reports
being checked can be compared with them (category 6: last year's carried-over requests,
documents in force, near-copies). Their own findings are not shown, and a finding across
reports is shown only on a report being checked. A history report that cannot be read is named
on stderr and left out of the comparison; it does not fail the run, since it is not checked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from gxlint.app.batch import Options, check_many
from gxlint.app.files import expand_paths
from gxlint.document.read.url import is_url
from gxlint.engine import FactBook
from gxlint.errors import GxlintError, tell
from gxlint.findings import Finding


def history_facts(
    history: tuple[str, ...],
    checked: Sequence[str],
    digests: set[str],
    options: Options,
    jobs: int,
    into: FactBook,
) -> set[str]:
    """The paths of the reports under `history` that are not among `checked`, their facts
    added to `into`.
    A report is never compared with itself: one being checked is known by its resolved path
    (history = ["reports"] holds the report committed as reports/2024.txt) and by the digest of
    its bytes (a copy, a hard link)."""
    if not history:
        return set()
    missing = [h for h in history if not is_url(h) and not Path(h).exists()]
    if missing:
        raise GxlintError(missing[0], "历史报告的目录不存在 (no such history folder)")
    being_checked = {_identity(f) for f in checked}
    files = [f for f in expand_paths(list(history)) if _identity(f) not in being_checked]
    for result in check_many(files, options, jobs):
        if result.digest in digests:
            continue
        if result.error is not None:
            problem = (
                f"历史报告未能读取，不作对照 (history report left out: {result.error.problem})"
            )
            tell(result.path, problem)
            continue
        into.add(result.facts, result.fact_rules)
    return set(files)


def _identity(path: str) -> str:
    return path if path == "-" or is_url(path) else os.path.realpath(path)


def on_checked(findings: list[Finding], history: set[str]) -> list[Finding]:
    """The findings across reports that concern a report being checked."""
    return [f for f in findings if f.path not in history]
