"""The scanner (document/scan.py) gives the same lines as Lark's own parse of the grammar
(tests/lark_reference.py) on every corpus text, every text the readers make of the raw
originals, every rule case, and a few thousand mutated lines; and it caches the grammar's
terminals so a warm run does not import Lark."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_NAMES, SEED, corpus_text
from gxlint.app.cases import strip_expectations
from gxlint.document.build import build_document
from gxlint.document.read import read_report
from gxlint.document.scan import MAX_CELLS, lark_pattern, line_kind, scan_line
from gxlint.engine import load_pack
from gxlint.pack.files import builtin_pack_names
from lark_reference import reference_lines


def assert_same_as_lark(text: str) -> None:
    text = text if text.endswith("\n") else text + "\n"
    doc = build_document("t.txt", text)
    lines, unparsed, tokens = reference_lines(text)
    for ours, theirs, their_tokens in zip(doc.lines, lines, tokens, strict=True):
        assert ours == theirs, ours.raw
        assert ours.tokens == their_tokens, ours.raw
    assert [line.lineno for line in doc.unparsed] == unparsed


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_corpus_texts(name) -> None:
    assert_same_as_lark(corpus_text(name))


@pytest.mark.parametrize("raw", sorted((CORPUS / "raw").iterdir()), ids=lambda p: p.name)
def test_texts_the_readers_make(raw) -> None:
    assert_same_as_lark(read_report(str(raw)))


def test_the_example_and_every_rule_case() -> None:
    assert_same_as_lark(SEED.read_text("utf-8"))
    cases = [c for pack in builtin_pack_names() for r in load_pack(pack).rules for c in r.cases]
    assert len(cases) > 100
    for case in cases:
        assert_same_as_lark(strip_expectations(case.text)[0])
        assert_same_as_lark(case.previous or "\n")


# Characters that change how a line is typed or tokenised: tabs, bars, digits of both widths,
# heading and item numbers, signs, separators, units, year marks, spaces, control characters.
NOISE = list("\t\t|||0123456789０９一二十、.．（）()－−-,，%％年度件条元万人次 \u3000\r\x00\x1b")


def _mutated(line: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(line))
        if rng.random() < 0.7:
            line = line[:at] + "".join(rng.choices(NOISE, k=rng.randint(1, 3))) + line[at:]
        else:
            line = line[:at] + line[at + rng.randint(1, 3) :]
    return line


def test_thousands_of_mutated_lines() -> None:
    rng = random.Random(20261126)
    lines = sorted({ln for name in CORPUS_NAMES for ln in corpus_text(name).split("\n")})
    mutated = [_mutated(rng.choice(lines), rng) for _ in range(4000)]
    kinds = {scan_line(line)[0] for line in mutated}
    assert {None, "row", "pipe_row", "heading1", "heading2", "item", "paragraph"} <= kinds
    for start in range(0, len(mutated), 40):  # texts of 40 lines: whole-text and per-line parses
        assert_same_as_lark("\n".join(mutated[start : start + 40]))


def _full_scan(line: str) -> tuple[str | None, str]:
    kind, tokens = scan_line(line)
    numbered = kind in ("heading1", "heading2", "item")
    return kind, tokens[0][1].strip() if numbered else ""


def test_typing_a_line_without_scanning_it_agrees_with_the_full_scan() -> None:
    rng = random.Random(20261127)
    lines = sorted({ln for name in CORPUS_NAMES for ln in corpus_text(name).split("\n")})
    mutated = [_mutated(rng.choice(lines), rng) for _ in range(4000)]
    numbered = [ln for ln in lines if _full_scan(ln)[1]]
    tabbed = [f"{ln[:at]}\t{ln[at:]}" for ln in numbered for at in (len(ln), len(ln) // 2)]
    assert len(numbered) > 100
    for line in [*lines, *mutated, *tabbed, "\t" * (MAX_CELLS + 1), "1\t" * MAX_CELLS + "1"]:
        assert line_kind(line) == _full_scan(line), line


def test_every_character_but_a_tab_a_bar_and_a_newline_is_content() -> None:
    """What typing a line without scanning it relies on (document/scan.py, line_kind)."""
    everything = "".join(chr(c) for c in range(0x110000) if chr(c) not in "\t\n|")
    assert scan_line(everything)[0] == "paragraph"
    assert scan_line("（一）" + everything)[0] == "heading2"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("一、总体情况", "heading1"),
        ("（二）\t5", "row"),  # a tab: a table row, never a heading
        ("3. 其他", "item"),
        ("| 项目 | 数量 |", "pipe_row"),
        ("本年新收\t3\t|", None),  # a bar in a tab row: the grammar has no place for it
        ("| a\tb |", None),  # a tab in a pipe row
        ("", "blank"),
        ("《我为群众办实事|食用农产品快速检测结果天天报》", "paragraph"),
    ],
)
def test_line_kinds(line, kind) -> None:
    assert scan_line(line)[0] == kind


def _scan_in_a_new_process(cache, code: str, shipped: Path | None = None) -> str:
    """What `code` prints, run with the private cache `cache` (and with the entries shipped in
    `shipped`, or with none)."""
    folder = shipped or cache
    hide = f"import gxlint.cachedir as c; c.SHIPPED = c.Path({str(folder)!r}); "
    env = {**os.environ, "GXLINT_CACHE_DIR": str(cache)}
    run = subprocess.run(
        [sys.executable, "-c", hide + code], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_warm_run_reads_the_terminals_from_the_cache_without_lark(tmp_path, shipped) -> None:
    code = "import sys; from gxlint.document.scan import scan_line; scan_line('一、'); " + (
        "print('lark' in sys.modules)"
    )
    cold = _scan_in_a_new_process(tmp_path / "cache", code)
    warm = _scan_in_a_new_process(tmp_path / "cache", code)
    assert (cold, warm) == ("True\n", "False\n")
    entry = json.loads((tmp_path / "cache" / "scanner-report.json").read_text("utf-8"))
    assert [entry["pattern"], entry["flags"]] == list(lark_pattern())
    fresh_install = _scan_in_a_new_process(tmp_path / "fresh", code, shipped)
    assert fresh_install == "False\n" and not list((tmp_path / "fresh").iterdir())


def test_a_stale_or_foreign_terminal_cache_is_not_used(tmp_path) -> None:
    os.chmod(tmp_path, 0o700)
    entry = tmp_path / "scanner-report.json"
    code = "from gxlint.document.scan import scan_line; print(scan_line('一、总体情况')[0])"
    stale = {"grammar": "stale", "lark": "stale", "pattern": "(?P<TEXT>.+)", "flags": 0}
    for planted in (stale, "not json"):
        entry.write_text(json.dumps(planted))
        assert _scan_in_a_new_process(tmp_path, code) == "heading1\n"
