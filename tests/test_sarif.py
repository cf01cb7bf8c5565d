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


def _sarif(capsys, *args: str) -> dict:
    main(["--format", "sarif", "--fail-on", "never", *args])
    return validate(capsys.readouterr().out)


def test_a_web_pages_findings_point_at_its_own_lines(capsys) -> None:
    page = str(TESTS / "corpus" / "raw" / "pingtan-market-2025.html")
    log = _sarif(capsys, page)
    for result in log["runs"][0]["results"]:
        place = result["properties"]["source"]["place"]
        html_line = int(place.split()[1])  # 网页第 355 行 (HTML line 355)
        assert result["locations"][0]["physicalLocation"]["region"] == {
            "startLine": html_line,
            "endLine": html_line,
        }
    assert log["runs"][0]["results"]
    main(["--format", "github", "--fail-on", "never", page])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(",line=" in ln and ",col=" not in ln for ln in lines)
    first = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert f",line={first['startLine']},endLine={first['startLine']}," in lines[0]


def test_a_word_files_findings_are_on_the_file_with_their_place_said(tmp_path, capsys) -> None:
    from test_docx import seed_docx

    report = tmp_path / "draft.docx"
    report.write_bytes(seed_docx(SEED.read_text("utf-8")))
    log = _sarif(capsys, str(report))
    results = log["runs"][0]["results"]
    assert results and all("region" not in r["locations"][0]["physicalLocation"] for r in results)
    assert all(r["message"]["text"].startswith("（Word ") for r in results)
    main(["--format", "github", "--fail-on", "never", str(report)])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(",line=" not in ln and "::（Word " in ln for ln in lines)


def test_fingerprints_survive_inserted_lines_and_rules_speak_chinese(tmp_path, capsys) -> None:
    text = SEED.read_text("utf-8")
    report = tmp_path / "r.txt"
    report.write_text(text, "utf-8")
    before = _sarif(capsys, str(report))["runs"][0]
    report.write_text("\n\n" + text, "utf-8")
    after = _sarif(capsys, str(report))["runs"][0]
    prints = [r["partialFingerprints"]["gxlintFinding/v1"] for r in before["results"]]
    assert prints == [r["partialFingerprints"]["gxlintFinding/v1"] for r in after["results"]]
    assert len(set(prints)) == len(prints)  # one finding, one fingerprint

    def starts(run: dict) -> list[int]:
        return [
            r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in run["results"]
        ]

    assert starts(after) == [n + 2 for n in starts(before)]
    rule = next(r for r in before["tool"]["driver"]["rules"] if r["id"] == "GX509")
    assert rule["shortDescription"]["text"].startswith("「共……N条，其中……」所列分项之和少于总数")
    assert "Parts" not in rule["fullDescription"]["text"]  # the English half is left out
    assert rule["helpUri"].endswith("/docs/rules/GX509.md")
    assert "违反示例" in rule["help"]["text"] and "正确示例" in rule["help"]["text"]


def test_rule_pages_can_be_served_from_an_intranet(tmp_path, capsys) -> None:
    (tmp_path / "gxlint.toml").write_text('rules-url = "https://gk.example.gov.cn/rules/"\n')
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    rules = _sarif(capsys, str(report))["runs"][0]["tool"]["driver"]["rules"]
    assert {r["helpUri"] for r in rules} == {
        f"https://gk.example.gov.cn/rules/{r['id']}.md" for r in rules
    }
