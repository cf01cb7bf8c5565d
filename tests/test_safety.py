"""Safe under hostile files and real batches: no code from caches, no lost findings, no corrupted
fix, bounded .docx (each hostile file is built here)."""

from __future__ import annotations

import io
import json
import os
import pickle
import zipfile

import pytest

from conftest import SEED
from gxlint.app.batch import Options, check_one
from gxlint.app.cli import main
from gxlint.errors import GxlintError


class _Planted:
    """Unpickling this writes a marker file: proof that a cache entry ran code."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.mark.parametrize("mode", [0o600, 0o666])
def test_no_pickle_in_the_cache_folder_is_ever_loaded(tmp_path, monkeypatch, mode):
    """A pickle planted in the private cache folder (a CI cache restored from a fork's run is
    such a folder: files owned by you, mode 0600) never runs: the relations parser is built
    afresh, not read from Lark's pickled cache, and nothing is written there for it."""
    from gxlint.pack import expr

    shared, private = tmp_path / "tmp", tmp_path / "cache"
    shared.mkdir()
    private.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(shared))
    monkeypatch.setenv("GXLINT_CACHE_DIR", str(private))
    marker = tmp_path / "ran"
    for name in ("lark-expr.cache", ".lark_cache_expr.tmp"):
        planted = private / name
        planted.write_bytes(b"x\n" + pickle.dumps(_Planted(str(marker))))
        os.chmod(planted, mode)
    expr._parser.cache_clear()
    try:
        assert expr._parser().parse("a.b == c.d", start="start") is not None
    finally:
        expr._parser.cache_clear()
    assert not marker.exists()
    assert list(shared.iterdir()) == []
    assert sorted(p.name for p in private.iterdir()) == [".lark_cache_expr.tmp", "lark-expr.cache"]


def test_gxlint_error_crosses_process_boundaries() -> None:
    error = pickle.loads(pickle.dumps(GxlintError("a.txt", "文件为空 (empty file)")))
    assert (error.where, error.problem) == ("a.txt", "文件为空 (empty file)")


def test_one_bad_file_does_not_lose_a_parallel_batch(tmp_path, capsys) -> None:
    good = []
    for i in range(20):
        path = tmp_path / f"r{i:02}.txt"
        path.write_text(SEED.read_text("utf-8"), "utf-8")
        good.append(str(path))
    (tmp_path / "empty.txt").write_text("")
    vanished = str(tmp_path / "vanished.txt")
    paths = [*good, str(tmp_path / "empty.txt"), vanished]
    code = main(["--jobs", "2", "--format", "json", "--fail-on", "never", *paths])
    assert code == 2
    out = json.loads(capsys.readouterr().out)
    assert {f["path"] for f in out if f["code"] == "GX509"} == set(good)


def test_an_internal_error_is_that_reports_error(monkeypatch) -> None:
    from gxlint import engine

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(engine, "check_report", broken)
    result = check_one(str(SEED), Options())
    assert result.error is not None and "internal error" in result.error.problem


def _seed_copy(tmp_path, name="r.txt", newline="\n"):
    path = tmp_path / name
    path.write_bytes(SEED.read_text("utf-8").replace("\n", newline).encode("utf-8"))
    return path


def test_fix_applies_once_to_a_file_named_twice_and_through_a_link(tmp_path, capsys) -> None:
    path = _seed_copy(tmp_path)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    main(["--fix", "--fail-on", "never", str(path), str(path), str(link)])
    text = path.read_text("utf-8")
    assert "本年废止件数" in text and "本年度止件数" not in text
    assert "本年废止件数件数" not in text and "废止止" not in text
    assert link.is_symlink()  # the link kept, its target fixed


def test_fix_is_applied_to_the_bytes_it_was_computed_from(tmp_path) -> None:
    from gxlint.app.fix import fixed

    path = _seed_copy(tmp_path)
    result = check_one(str(path), Options())
    path.write_text("新的一行\n" + path.read_text("utf-8"), "utf-8")  # edited meanwhile
    after = fixed(result, Options())
    text = path.read_text("utf-8")
    assert text.startswith("新的一行\n") and "本年废止件数" in text and "本年度止件数" not in text
    assert after.error is None


def test_fix_keeps_each_lines_own_ending(tmp_path) -> None:
    path = _seed_copy(tmp_path)
    data = path.read_bytes().replace(b"\n", b"\r\n", 3)  # three CRLF lines, the rest LF
    path.write_bytes(data)
    main(["--fix", "--fail-on", "never", str(path)])
    fixed = path.read_bytes()
    assert fixed.count(b"\r\n") == 3 and fixed.count(b"\n") == data.count(b"\n")
    assert "本年废止件数".encode() in fixed


def test_fix_refuses_a_read_only_file_and_still_reports(tmp_path, capsys) -> None:
    path = _seed_copy(tmp_path)
    os.chmod(path, 0o444)
    before = path.read_bytes()
    assert main(["--fix", str(path)]) == 2
    out, err = capsys.readouterr()
    assert "只读" in err and "GX211" in out  # refused, and the findings still shown
    assert path.read_bytes() == before


def _corrupt(data: bytes) -> bytes:
    """Flip bytes inside the compressed stream (after the 30-byte header and the name)."""
    middle = bytearray(data)
    for at in range(60, 70):
        middle[at] ^= 0xFF
    return bytes(middle)


def _docx(document: str, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize("span", ["999999999", "2147483647", "٣", "²", "-5"])
def test_a_docx_cannot_make_gxlint_expand_a_gridspan(tmp_path, capsys, span) -> None:
    cell = f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr><w:p/></w:tc>'
    body = f"<w:tbl><w:tr>{cell * 50}</w:tr></w:tbl>"
    path = tmp_path / "r.docx"
    path.write_bytes(_docx(f"<w:document {W}><w:body>{body}</w:body></w:document>"))
    main(["--fail-on", "never", str(path)])
    assert "内部错误" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda: _docx("<w:document " + W + "><w:body>" + " " * (40 << 20)), "过大"),
        (lambda: _corrupt(_docx("<w:document " + W + "><w:body>" + "<w:p/>" * 500)), "损坏"),
        (
            lambda: _docx('<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document ' + W + "/>"),
            "实体",
        ),
    ],
    ids=["60-MiB-of-spaces", "corrupt-deflate", "entities"],
)
def test_hostile_docx_is_one_line_exit_two(tmp_path, capsys, make, problem) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(make())
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert problem in err and "内部错误" not in err and len(err.strip().splitlines()) == 1


def test_encrypted_docx_entry(tmp_path, capsys) -> None:
    data = bytearray(_docx("<w:document " + W + "/>", zipfile.ZIP_STORED))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # set the encrypted flag in both headers
        at = data.find(header)
        flag = at + (6 if header == b"PK\x03\x04" else 8)
        data[flag] |= 1
    path = tmp_path / "r.docx"
    path.write_bytes(bytes(data))
    assert main([str(path)]) == 2
    assert "加密" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[tool]\ngxlint = 5\n", "应为表"),
        ("a = " + "[" * 50000 + "]" * 50000 + "\n", "嵌套过深"),
    ],
    ids=["tool-gxlint-not-a-table", "nested-50k"],
)
def test_bad_config_types_are_one_line(tmp_path, capsys, body, problem) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(body)
    assert main(["--config", str(config), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert problem in err and "内部错误" not in err


def test_non_regular_files_are_refused_not_waited_on(tmp_path, capsys) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    assert main([str(fifo)]) == 2
    assert "不是普通文件" in capsys.readouterr().err
    assert main(["--config", "/dev/zero", str(SEED)]) == 2
    assert "不是普通文件" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("redirect", "problem"),
    [
        ("<&-", "标准输入已关闭"),
        (">/dev/full", "No space left"),
        (">&-", "标准输出"),
    ],
    ids=["stdin-closed", "full-disk", "stdout-closed"],
)
def test_closed_streams_and_a_full_disk_are_one_line(redirect, problem) -> None:
    import shlex
    import subprocess
    import sys

    path = "-" if redirect == "<&-" else str(SEED)
    script = f"{shlex.quote(sys.executable)} -m gxlint {shlex.quote(path)} {redirect}"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert problem in result.stderr and "Traceback" not in result.stderr


def test_terminal_escapes_in_a_report_are_never_echoed_raw(tmp_path, capsys) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "某局2023年政府信息公开工作年度报告\n一、总体情况\n办结\x1b]0;pwned\x07 5 件。\x1b[2J\n"
    )
    for output in ("text", "github", "json", "sarif"):
        main(["--format", output, "--fail-on", "never", str(report)])
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out, output
    main(["--fail-on", "never", str(report)])
    assert "\\x1b]0;pwned\\x07" in capsys.readouterr().out  # shown, not sent


def test_terminal_escapes_never_reach_the_terminal_from_parse_diff_or_a_pack(
    tmp_path, capsys
) -> None:
    """parse (tree and --text), --fix --diff (the file's name and its lines) and rules/explain
    of a pack whose texts hold escape sequences show them as \\x1b, never send them."""
    name = tmp_path / "r\x1b[2J.txt"
    text = SEED.read_text("utf-8").replace("许昌市司法局", "许昌市司法局\x1b]0;pwned\x07", 1)
    name.write_text(text, "utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text(
        'pack: evil\nextends: gov-2021\nchange:\n  GX401:\n    message: "「\\e]0;pwned\\a」"\n',
        "utf-8",
    )
    runs = (["parse", str(name)], ["parse", "--text", str(name)], ["--fix", "--diff", str(name)])
    runs += (["rules", "--pack", str(pack)], ["explain", "GX401", "--pack", str(pack)])
    for args in runs:
        main(list(args))
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\x07" not in out + err, args
        if args[0] != "rules":  # (the rules table folds its cells: the text is cut there)
            assert "\\x1b" in out + err, args  # shown


def test_show_settings_names_the_config_file_used(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / "gxlint.toml").write_text('ignore = ["GX"]\n')
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    report = deep / "r.txt"
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the report's nearest config applies wherever gxlint runs
    assert main(["--show-settings", str(report)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "gxlint.toml") in out and "ignore = GX" in out


def test_a_row_of_thousands_of_cells_is_no_table_row() -> None:
    from conftest import lint

    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n" + "\t".join(["1"] * 5000) + "\n"
    findings = lint(text)
    assert ("GX901", 3) in {(f.code, f.span.line) for f in findings}


def test_a_long_digit_run_is_no_number() -> None:
    from conftest import lint

    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n收到申请" + "9" * 50000 + "件。\n"
    assert all(f.code != "GX501" for f in lint(text))  # not read as a count: no comparison


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (BOMB, "别名"),
        ("pack: p\nrules: 5\n", "rules"),
        ("pack: p\nsections: [{key: a, number: 一, title: t}]\ntables: [1]\n", "tables"),
        ("pack: p\nsections: [{key: a, number: 一, title: t}]\nrules: [{code: [1]}]\n", "code"),
        ("pack: p\nsections: 7\n", "sections"),
        ("pack: p\nextends: [a]\n", "extends"),
        ("pack: p\nsections: [{key: a, number: 一, title: t}]\nremove: [[1]]\n", "remove"),
    ],
    ids=[
        "alias-bomb",
        "rules-5",
        "tables-list",
        "code-list",
        "sections-int",
        "extends-list",
        "remove",
    ],
)
def test_malformed_packs_are_one_line_exit_two(tmp_path, capsys, body, problem) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(body)
    assert main(["--pack", str(pack), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert problem in err and "内部错误" not in err and len(err.strip().splitlines()) == 1


def test_extends_paths_are_resolved_for_the_cycle_check(tmp_path, capsys) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text("pack: a\nextends: sub/b.yaml\n")
    (tmp_path / "sub" / "b.yaml").write_text("pack: b\nextends: ../a.yaml\n")
    assert main(["--pack", str(tmp_path / "a.yaml"), str(SEED)]) == 2
    assert "循环" in capsys.readouterr().err


def test_a_long_extends_chain_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "p0.yaml").write_text("pack: p0\nsections: [{key: a, number: 一, title: t}]\n")
    for i in range(1, 1500):
        (tmp_path / f"p{i}.yaml").write_text(f"pack: p{i}\nextends: p{i - 1}.yaml\n")
    assert main(["--pack", str(tmp_path / "p1499.yaml"), str(SEED)]) == 2
    err = capsys.readouterr().err
    assert "extends" in err and "内部错误" not in err


def test_hundreds_of_unplaceable_lines_are_each_reported(tmp_path, capsys) -> None:
    bad = "收到\t3 | 4\t件\n" * 300
    report = tmp_path / "r.txt"
    report.write_text("某局2023年政府信息公开工作年度报告\n一、总体情况\n" + bad)
    assert main(["--format", "json", "--fail-on", "never", str(report)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert sum(1 for f in found if f["code"] == "GX901") == 300


def test_fix_keeps_the_mode_and_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    import gxlint.atomic

    path = _seed_copy(tmp_path)
    os.chmod(path, 0o640)
    main(["--fix", "--fail-on", "never", str(path)])
    assert path.stat().st_mode & 0o777 == 0o640 and "本年废止件数" in path.read_text("utf-8")

    broken = _seed_copy(tmp_path, "broken.txt")
    before = broken.read_bytes()

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(gxlint.atomic.os, "replace", failing_replace)
    assert main(["--fix", str(broken)]) == 2
    assert broken.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.txt", "r.txt"]


def test_show_settings_says_where_each_setting_came_from(tmp_path, capsys, monkeypatch) -> None:
    config = tmp_path / "gxlint.toml"
    config.write_text(
        'ignore = ["GX4"]\nbaseline = "b.json"\nper-file-ignores = {"old/*" = ["GX5"]}\n'
        'history = ["archive"]\n'
    )
    (tmp_path / "archive").mkdir()
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["--show-settings", "--select", "GX5", "r.txt"]) == 0
    lines = capsys.readouterr().out.splitlines()
    from_file = f"（配置文件 {config}）"
    assert f"ignore = GX4    {from_file}" in lines
    assert "select = GX5    （命令行 command line）" in lines
    assert f"baseline = {tmp_path / 'b.json'}    {from_file}" in lines
    assert f"per-file-ignores = old/* → GX5    {from_file}" in lines
    assert f"history = {tmp_path / 'archive'}    {from_file}" in lines
    assert "fail-on = error    （默认 default）" in lines
    assert any(line.startswith("pack = ") for line in lines)
    assert any(line.startswith("exclude = ") for line in lines)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("gxlint.toml", "x = " + "9" * 5000 + "\n", "TOML 中的数字过长"),
        ("deep.json", "[" * 200_000 + "]" * 200_000, "基线文件嵌套过深"),
        (
            "inf.json",
            '{"gxlint-baseline":1,"findings":[{"path":"a","code":"b","message":"c",'
            '"text":"d","count":1e309}]}',
            "基线文件无法读取 (bad baseline: OverflowError",
        ),
    ],
)
def test_hostile_config_and_baselines_are_one_line(tmp_path, capsys, name, content, says):
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    (tmp_path / name).write_text(content, "utf-8")
    baseline = [] if name.endswith(".toml") else ["--baseline", str(tmp_path / name)]
    assert main([*baseline, str(report)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0] and name in err[0]


def test_a_baseline_an_editor_saved_with_a_bom_is_read(tmp_path, capsys) -> None:
    report = tmp_path / "r.txt"
    report.write_text(SEED.read_text("utf-8"), "utf-8")
    baseline = tmp_path / "b.json"
    assert main(["--write-baseline", str(baseline), str(report)]) == 0
    baseline.write_bytes(b"\xef\xbb\xbf" + baseline.read_bytes())
    assert main(["--baseline", str(baseline), "--format", "json", str(report)]) == 0
    assert "[]" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<meta charset="undefined">' + "<p>一、总体情况</p>".encode(), "undefined"),
        (b'<meta charset="base64">' + "<p>一、总体情况</p>".encode(), "base64"),
        (b"\xfe\xff" + "<p>一、总体情况</p>".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_a_page_in_an_odd_charset_is_read(tmp_path, data, kind) -> None:
    from gxlint.document.read.html import decode_html

    assert "一、总体情况" in decode_html(f"{kind}.html", data), kind
