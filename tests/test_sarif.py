"""Every SARIF gxlint writes validates against the official SARIF 2.1.0 schema (tests/schemas,
source named there), with format checking on: Chinese file names, spaces and % in paths,
absolute paths, fixes, files that could not be read, a province's own rules."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, SEED, TESTS
from gxlint.app.cli import main

SCHEMA = json.loads((TESTS / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def validate(text: str) -> dict:
    log = json.loads(text)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return log


def test_the_format_checker_checks_uris() -> None:
    bad = {"version": "2.1.0", "runs": [], "$schema": "not a uri with spaces"}
    assert list(VALIDATOR.iter_errors(bad))  # the schema and its format checks are live


@pytest.mark.parametrize("name", ["报告 2023 (定稿) 100%.txt", "plain.txt"])
def test_sarif_validates_with_any_file_name(tmp_path, capsys, monkeypatch, name) -> None:
    report = tmp_path / name
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    (tmp_path / "empty.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    for path in (name, str(report)):  # relative and absolute
        assert main(["--format", "sarif", path, "empty.txt"]) == 2
        log = validate(capsys.readouterr().out)
        (run,) = log["runs"]
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
        }
        assert all((" " not in uri and "%" in uri) or uri.isascii() for uri in uris)
        assert any(r.get("fixes") for r in run["results"])  # the label typo's fix
        invocation = run["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_of_the_corpus_and_a_province_pack_validates(capsys) -> None:
    assert main(["--format", "sarif", "--fail-on", "never", str(TESTS / "corpus")]) == 0
    log = validate(capsys.readouterr().out)  # the texts, and the raw page, PDFs and Markdown
    assert len(log["runs"][0]["results"]) > 200
    pack = str(ROOT / "examples" / "province-example.yaml")
    assert main(["--format", "sarif", "--fail-on", "never", "--pack", pack, str(SEED)]) == 0
    validate(capsys.readouterr().out)


def test_uris_are_percent_encoded(tmp_path) -> None:
    from gxlint.render.sarif import artifact_uri

    assert artifact_uri("报告 1%.txt") == "%E6%8A%A5%E5%91%8A%201%25.txt"
    assert artifact_uri(str(Path("/tmp/a b.txt"))) == "file:///tmp/a%20b.txt"
