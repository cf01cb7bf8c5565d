"""`--fix`: fixes applied only on request, written back atomically in the file's own encoding."""

from __future__ import annotations

import pytest

from conftest import lint
from gxlint.app.cli import main
from gxlint.app.fix import apply_fixes


def test_fix_keeps_encoding_line_ends_and_missing_final_newline(
    tmp_path, seed_text, capsys
) -> None:
    broken = seed_text.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进请况")
    original = broken.rstrip("\n").replace("\n", "\r\n").encode("gb18030")
    path = tmp_path / "draft.txt"
    path.write_bytes(original)
    assert main(["--fix", "--fail-on", "warning", "--format", "json", str(path)]) == 1
    capsys.readouterr()
    fixed = path.read_bytes()
    expected = (
        seed_text.replace("本年度止件数", "本年废止件数")
        .rstrip("\n")
        .replace("\n", "\r\n")
        .encode("gb18030")
    )
    assert fixed == expected  # both label typos fixed; GB18030, CRLF, no final newline kept
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no temporary file left
    assert main(["--format", "json", "--select", "GX104,GX211", str(path)]) == 0


def test_without_fix_nothing_is_written(tmp_path, seed_text, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_text(seed_text, "utf-8")
    before = path.stat().st_mtime_ns
    assert main(["--fail-on", "never", str(path)]) == 0
    assert path.stat().st_mtime_ns == before and path.read_text("utf-8") == seed_text


def test_fix_refuses_stdin(capsys) -> None:
    assert main(["--fix", "-"]) == 2
    assert "不能修复标准输入" in capsys.readouterr().err


def test_apply_fixes_skips_overlaps(seed_text) -> None:
    findings = [f for f in lint(seed_text) if f.fix is not None]
    text, applied = apply_fixes(seed_text, findings + findings)  # the same fix twice
    assert applied == 1
    assert "本年废止件数" in text and "本年度止件数" not in text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_fix_keeps_bom(tmp_path, seed_text, encoding, capsys) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(seed_text.encode(encoding))
    main(["--fix", "--fail-on", "never", str(path)])
    assert path.read_bytes() == seed_text.replace("本年度止件数", "本年废止件数").encode(encoding)


def test_hard_links_are_one_file_checked_once_and_fixed_for_every_link(tmp_path, capsys) -> None:
    import json
    import os

    from conftest import SEED
    from gxlint.app.cli import main

    first = tmp_path / "a.txt"
    first.write_text(SEED.read_text("utf-8"), "utf-8")
    second = tmp_path / "b.txt"
    os.link(first, second)
    main(["--format", "json", "--fail-on", "never", str(tmp_path)])
    found = json.loads(capsys.readouterr().out)
    assert {f["path"] for f in found} == {str(first)}  # once, and no GX603/GX604 with itself
    assert not any(f["code"] in ("GX603", "GX604") for f in found)
    main(["--fix", str(second)])
    capsys.readouterr()
    assert os.stat(first).st_ino == os.stat(second).st_ino  # still one file
    assert "本年废止件数" in first.read_text("utf-8")  # the fix seen through both links
