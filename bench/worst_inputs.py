"""Time on the worst input shapes found, as ratios to a plain report of the same size checked in
the same run (these machines are noisy: only ratios mean anything). Every input up to the 4 MiB
cap should take under 10 s; linear shapes stay within a few times the floor.

    python bench/worst_inputs.py [--mib 4]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "corpus" / "huaian-2024.txt").read_text("utf-8")
TITLE = "某局2023年政府信息公开工作年度报告\n一、总体情况\n"


def shapes(size: int) -> dict[str, str]:
    """Report texts of about `size` bytes (UTF-8), one per shape."""
    chars = size // 3
    plain = (SEED * (chars // len(SEED) + 1))[:chars]
    lines = plain.split("\n")
    rng = random.Random(1)
    for i in rng.sample(range(len(lines)), min(200, len(lines))):
        lines[i] += "\t| 3 | 4"  # a line the grammar cannot place
    return {
        "plain (floor)": plain,
        "200 unplaceable lines": "\n".join(lines),
        "one long digit run": TITLE + "收到申请" + "1" * (size - 200) + "件。\n",
        "one row of a million cells": TITLE + "\t".join(["1"] * (size // 2 - 100)) + "\n",
        "digits and units": TITLE + "共 1 件、2 条、3 元，" * (size // 40) + "\n",
        "a 其中 list of parts": TITLE + "共100件，其中" + "网站1件、" * (size // 15) + "。\n",
    }


def files(size: int) -> dict[str, tuple[str, bytes, list[str]]]:
    """The shapes that are not plain text, or that stress an output: name → (file name, bytes,
    options)."""
    line = TITLE + "存在问题问题和不足，" * (size // 30) + "\n"  # one line, a finding every 10
    page = "<html><body><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
    rows = "<tr>" + '<td rowspan="64" colspan="64">1</td>' * 10 + "</tr>"
    return {
        "one line, a finding per 10 chars: text": ("r.txt", line.encode(), ["--format", "text"]),
        "the same: reviewers' page": ("r.txt", line.encode(), ["--format", "html"]),
        "unclosed <p> everywhere": ("r.html", (page + "<p>正文" * (size // 12)).encode(), []),
        "rowspan and colspan 64 on every row": (
            "r.html",
            (page + "<table>" + rows * (size // 400)).encode(),
            [],
        ),
        "a comment per finding (--annotate-docx)": ("r.docx", _docx(line), ["--annotate-docx"]),
        "a PDF that expands to 2 GiB": ("r.pdf", _bomb(2048), []),
    }


def _docx(text: str) -> bytes:
    import io
    import zipfile

    paragraphs = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in text.split("\n"))
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f'<w:document xmlns:w="{w}"><w:body>{paragraphs}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def _bomb(mib: int) -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_pdf import _bomb as bomb

    return bomb(mib << 20)


def timed(path: Path, options: list[str] | None = None) -> float:
    start = time.perf_counter()
    extra = list(options or [])
    if extra == ["--annotate-docx"]:
        extra.append(str(path.with_name("annotated.docx")))
    extra = extra if "--format" in extra else ["--format", "json", *extra]
    command = [sys.executable, "-m", "gxlint", *extra, "--fail-on", "never", str(path)]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=float, default=3.9)
    size = int(parser.parse_args().mib * 1024 * 1024)
    with tempfile.TemporaryDirectory() as folder:
        times = {}
        for name, text in shapes(size).items():
            path = Path(folder) / "r.txt"
            path.write_text(text, "utf-8")
            times[name] = timed(path)
        for name, (file_name, data, options) in files(size).items():
            path = Path(folder) / file_name
            path.write_bytes(data)
            times[name] = timed(path, options)
    floor = times["plain (floor)"]
    for name, seconds in times.items():
        print(f"{name:42} {seconds:6.2f} s  {seconds / floor:5.1f}× the floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
