"""Files gxlint writes as its output (--output-file, --write-baseline, --annotate-docx) are
like any tool's: the umask's mode, a missing folder made, links kept, devices and FIFOs written
through and never replaced."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from conftest import SEED
from gxlint.app.cli import main


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(SEED.read_text("utf-8"), "utf-8")
    return path


@pytest.fixture
def umask_022():
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.parametrize("flag", ["--output-file", "-o", "--write-baseline"])
def test_a_new_output_has_the_umasks_mode_in_a_folder_made_for_it(
    tmp_path, report, umask_022, flag
) -> None:
    target = tmp_path / "out" / "deeper" / "result.json"
    assert main([flag, str(target), "--fail-on", "never", str(report)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a colleague can read review.html
    assert target.read_text("utf-8").strip()


def test_an_existing_outputs_mode_is_kept(tmp_path, report) -> None:
    target = tmp_path / "result.txt"
    target.write_text("old")
    target.chmod(0o640)
    main(["-o", str(target), "--fail-on", "never", str(report)])
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and "GX509" in target.read_text()


def test_through_a_link_the_target_is_written_and_the_link_kept(tmp_path, report) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    main(["--format", "json", "-o", str(link), "--fail-on", "never", str(report)])
    assert link.is_symlink() and '"GX509"' in real.read_text("utf-8")


def test_a_device_is_written_through_never_replaced(tmp_path, report) -> None:
    link = tmp_path / "null"
    link.symlink_to("/dev/null")
    for target in (str(link), "/dev/null"):
        assert main(["-o", target, "--fail-on", "never", str(report)]) == 0
        assert main(["--write-baseline", target, str(report)]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and link.is_symlink()


def test_a_fifo_is_written_through(tmp_path, report) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["--format", "json", "-o", str(fifo), "--fail-on", "never", str(report)]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode) and b'"GX509"' in got[0]


def test_an_output_that_cannot_be_made_is_one_line_naming_it(tmp_path, report, capsys) -> None:
    target = report / "x.json"  # below a file
    assert main(["-o", str(target), str(report)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(target) in err[0] and "无法写出结果" in err[0]


def test_spreadsheet_cells_that_would_run_as_formulas_are_neutralised(tmp_path, capsys) -> None:
    """A title 「=HYPERLINK(…)」 reaches extract's agency column and --format csv's; it is
    written with a leading ' (OWASP); numbers, negative ones too, stay numbers."""
    import csv
    import io

    from gxlint.render.csv import safe_cell

    evil = '=HYPERLINK("http://x.example","点我")'
    text = SEED.read_text("utf-8").replace("许昌市司法局", evil + "许昌市司法局", 1)
    report = tmp_path / "r.txt"
    report.write_text(text, "utf-8")
    for command in (["--format", "csv", "--fail-on", "never"], ["extract"]):
        main([*command, str(report)])
        rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
        cells = [c for row in rows[1:] for c in row]
        assert any(c.startswith("'=HYPERLINK(") for c in cells), command
        assert not any(c.startswith(("=", "@", "\t", "\r")) for c in cells)
    assert [safe_cell(v) for v in ("-15", "+3", "1.5", -2, "-", "-x", "@a", "\tb")] == [
        "-15",
        "+3",
        "1.5",
        -2,
        "'-",
        "'-x",
        "'@a",
        "'\tb",
    ]
