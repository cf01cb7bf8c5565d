"""`gxlint extract`: every recognised cell of every report as data, keyed by template keys, with
its value and its place; a cell that could not be read, with the finding that says why."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import CORPUS, SEED, TESTS
from gxlint.app.cli import main


def test_extract_round_trips_every_cell_of_the_seed(capsys) -> None:
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    lines = SEED.read_text("utf-8").split("\n")
    assert len(rows) == 2 * 3 + 1 + 2 + 1 + 25 * 7 + 15  # every cell of 二, 三 and 四
    for row in rows:
        source = lines[int(row["line"]) - 1]
        assert source[int(row["col"]) - 1 :].startswith(row["text"])
        assert row["value"] == row["text"] or row["text"] == ""  # the seed writes plain numbers
        assert row["problem"] == ""
    keys = [(r["table"], r["row"], r["column"]) for r in rows]
    assert len(set(keys)) == len(keys)
    assert ("applications", "new", "total") in keys and ("review", "cases", "review_total") in keys


def test_extract_json_is_nested_and_names_what_could_not_be_read(capsys) -> None:
    path = TESTS / "corpus" / "pingtan-transport-2020.txt"
    assert main(["extract", "--format", "json", str(path)]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert (report["agency"], report["year"], report["format"]) == (
        "平潭综合实验区交通与建设局",
        2020,
        "2019",
    )
    licensing = next(t for t in report["tables"] if t["table"] == "licensing")
    cell = licensing["rows"][0]["cells"][0]
    assert cell["value"] is None and cell["problem"].startswith("GX206")  # 88-720 ran together
    assert {p["code"] for p in report["problems"]} == {"GX206"}


def test_extract_of_an_unreadable_file_exits_two(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert main(["extract", str(tmp_path)]) == 2
    assert "文件为空" in capsys.readouterr().err


def test_a_file_that_fails_costs_only_itself(tmp_path, capsys) -> None:
    """extract good.txt bad.txt: the good report's cells are written, the bad one named."""
    from conftest import SEED
    from gxlint.app.cli import main

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["extract", str(SEED), str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out.count("\n") > 100 and "bad.txt" in err and "xuchang" in out


def test_a_mixed_format_reports_tables_come_in_the_templates_order_in_every_run() -> None:
    """pingtan-social-2021 keeps some tables on the 2019 template: their order once followed a
    set's, which changes with the interpreter's hash seed."""
    import os
    import subprocess
    import sys

    report = str(CORPUS / "pingtan-social-2021.txt")
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "gxlint", "extract", "--format", "csv", report],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(4)
    }
    assert len(outputs) == 1
    tables = [line.split(",")[5] for line in outputs.pop().splitlines()[1:]]
    assert list(dict.fromkeys(tables))[:3] == ["regulations", "licensing", "enforcement"]


@pytest.mark.parametrize(
    "items",
    [[], [{}], [{"a": [1, {"b": "x\ny"}], "c": None}, [], "末"], [{"cells": [{"v": 1.5}]}] * 3],
)
def test_an_array_written_item_by_item_is_what_json_dump_writes(items) -> None:
    from gxlint.render.json import write_array

    for depth in (0, 2):
        out = io.StringIO()
        write_array(out, iter(items), depth)
        nested = items
        for _ in range(depth):
            nested = [nested]
        whole = json.dumps(nested, ensure_ascii=False, indent=2)
        assert out.getvalue() in whole and whole.count(out.getvalue()) == 1
        if depth == 0:
            assert out.getvalue() == whole
