"""Shared fixtures: the real reports copied from ../shared/corpus, and helpers to run gxlint."""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

import pytest

from gxlint.document.build import build_document
from gxlint.engine import check_document, check_together
from gxlint.findings import Finding

# Tests never write to the user's cache: the pack cache goes to a temporary folder, set before
# any test module loads a pack (test_rule_cases.py does so while it is collected).
_CACHE = tempfile.TemporaryDirectory(prefix="gxlint-test-cache-")
atexit.register(_CACHE.cleanup)
os.environ["GXLINT_CACHE_DIR"] = _CACHE.name

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
ROOT = TESTS.parent
SEED = ROOT / "examples" / "xuchang-justice-2023.txt"
GOLDEN = TESTS / "golden"
CORPUS_NAMES = sorted(p.stem for p in CORPUS.glob("*.txt"))
# The first fourteen reports, whose tables and prose the per-report tests below were written for
# (the ten added later are covered by the golden files and the expectation files).
FIRST_CORPUS = [
    "hongze-2024",
    "huaian-2024",
    "pingtan-2018",
    "pingtan-2019",
    "pingtan-2021",
    "pingtan-2023",
    "pingtan-2024",
    "pingtan-county-2013",
    "pingtan-jinjing-2021",
    "pingtan-police-2022",
    "pingtan-transport-2020",
    "shanghai-office-2025",
    "shuyang-2025",
    "xuchang-justice-2023",
]
# Of those, the reports on the 2021 template (the others are 2019 or pre-2019: corpus/INDEX.md).
CORPUS_2021 = [
    n
    for n in FIRST_CORPUS
    if n not in ("pingtan-2018", "pingtan-county-2013", "pingtan-2019", "pingtan-transport-2020")
]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from gxlint's current output (review the diff)",
    )


def corpus_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text("utf-8")


def lint(text: str, path: str = "report.txt", pack: str | None = None) -> list[Finding]:
    """Check a report text: with `pack`, or with the pack for the report's format version."""
    return check_document(build_document(path, text), pack)


def lint_batch(reports: list[tuple[str, str]], pack: str | None = None) -> list[Finding]:
    """Check several reports together: each one's findings, and those across reports."""
    return check_together((build_document(path, text) for path, text in reports), pack)


def codes_at(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.code, f.span.line) for f in findings)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text("utf-8")


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> Path:
    """The cache entries a wheel ships (hatch_build.py writes them the same way), in a folder of
    their own: a source checkout has none."""
    from gxlint.app.prebuild import write_prebuilt

    folder = tmp_path_factory.mktemp("prebuilt")
    write_prebuilt(folder)
    return folder
