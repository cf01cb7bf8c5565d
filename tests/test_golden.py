"""Golden files: gxlint's JSON output for every corpus report, byte for byte.

`pytest --update-golden` rewrites them from the current output; the diff is then reviewed like any
other change (a rule change shows as a visible diff of findings, report by report).
"""

from __future__ import annotations

import pytest

from conftest import CORPUS_NAMES, GOLDEN, TESTS
from gxlint.app.cli import main


def _output(name: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(
        ["check", "--no-config", "--format", "json", "--fail-on", "never", f"corpus/{name}.txt"]
    )
    assert code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_golden(name, capsys, monkeypatch, request) -> None:
    monkeypatch.chdir(TESTS)
    output = _output(name, capsys)
    golden = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden"):
        golden.write_text(output, "utf-8")
    assert golden.is_file(), f"no golden file for {name}: run pytest --update-golden"
    assert output == golden.read_text("utf-8")


def test_every_golden_file_has_its_report() -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == CORPUS_NAMES
