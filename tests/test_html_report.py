"""`--format html`, the reviewers' page: one mark per finding where it is, a list linking to
each, no external resources — checked in the page's DOM, and in a real headless Chromium (the
Debian package) with a screenshot this test looks at."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser

import pytest

from conftest import CORPUS
from gxlint.app.cli import main

REPORTS = ["shuyang-fgj-2023", "hongze-2024", "shanghai-stcsm-2024", "pingtan-2024"]


class _Page(HTMLParser):
    """The ids, the links, the marks and anything that would load from outside."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.items = 0
        self.in_flagged_cell: set[str] = set()  # the marks that sit in a highlighted cell
        self._flagged = False
        self.outside: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id", "").startswith("f-"):
            self.ids.append(a["id"] or "")
            if self._flagged:
                self.in_flagged_cell.add(a["id"] or "")
        if tag == "a" and (a.get("href") or "").startswith("#f-"):
            self.links.append((a["href"] or "")[1:])
        if tag == "li" and "item" in (a.get("class") or ""):
            self.items += 1
        if tag == "td":
            self._flagged = "flag" in (a.get("class") or "")
        for key in ("src", "href"):
            if (a.get(key) or "#").split(":")[0] in ("http", "https", "file", "//"):
                self.outside.append(a.get(key) or "")
        if tag == "link":
            self.outside.append(str(a))

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._flagged = False


def _page(capsys, *paths: str) -> tuple[str, list[dict]]:
    import json

    main(["--format", "json", "--fail-on", "never", *paths])
    findings = json.loads(capsys.readouterr().out)
    main(["--format", "html", "--fail-on", "never", *paths])
    return capsys.readouterr().out, findings


@pytest.mark.parametrize("name", REPORTS)
def test_one_mark_per_finding_and_a_link_to_each(name, capsys) -> None:
    html, findings = _page(capsys, str(CORPUS / f"{name}.txt"))
    page = _Page()
    page.feed(html)
    expected = [f"f-{n}" for n in range(1, len(findings) + 1)]
    assert sorted(page.ids) == sorted(expected)  # each finding marked exactly once
    assert sorted(page.links) == sorted(expected) and page.items == len(findings)
    assert page.outside == []
    on_rows = {f"f-{n}" for n, f in enumerate(findings, 1) if "\t" in _line(name, f["line"])}
    assert page.in_flagged_cell == on_rows  # a finding in a table sits in its highlighted cell


def _line(name: str, number: int) -> str:
    return (CORPUS / f"{name}.txt").read_text("utf-8").split("\n")[number - 1]


def test_the_marked_words_are_the_findings_words(capsys) -> None:
    # GX211 on shuyang-fgj-2023 flags the row label 规范性文件 (should be 行政规范性文件).
    html, findings = _page(capsys, str(CORPUS / "shuyang-fgj-2023.txt"))
    (number,) = [n for n, f in enumerate(findings, start=1) if f["code"] == "GX211"]
    assert f'<mark id="f-{number}" class="sev-warning"' in html
    marked = html.split(f'<mark id="f-{number}"', 1)[1].split(">", 1)[1].split("</mark>", 1)[0]
    assert marked == "规范性文件"
    assert "&lt;" not in marked and "<script>alert" not in html


def test_a_batch_has_an_index_and_text_is_escaped(tmp_path, capsys) -> None:
    hostile = (CORPUS / "hongze-2024.txt").read_text("utf-8")
    hostile = hostile.replace("一、总体情况", "一、总体情况<script>alert(1)</script>", 1)
    (tmp_path / "a.txt").write_text(hostile, "utf-8")
    (tmp_path / "b.txt").write_text((CORPUS / "huaian-2024.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "c.txt").write_text("")
    html, findings = _page(capsys, str(tmp_path))
    assert html.count('<section id="r-') == 3 and '<nav class="index">' in html
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "GX902" in html  # the unreadable file is listed, not dropped
    page = _Page()
    page.feed(html)
    assert sorted(page.ids) == sorted(f"f-{n}" for n in range(1, len(findings) + 1))


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("CI must have Chromium (.ci/run installs Debian's chromium)")
    return found


def _png_size_and_colours(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the image data."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    data, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return width, height, len(set(zlib.decompress(data)))


def test_the_page_in_a_real_browser(tmp_path, capsys) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    html, findings = _page(capsys, str(CORPUS / "shuyang-fgj-2023.txt"))
    page = tmp_path / "report.html"
    page.write_text(html, "utf-8")
    browser = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    browser += [f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"]
    shot = tmp_path / "page.png"
    run = dict(capture_output=True, timeout=120, check=False)
    subprocess.run([*browser, f"--screenshot={shot}", page.as_uri()], **run)  # type: ignore[call-overload]
    width, height, colours = _png_size_and_colours(shot.read_bytes())
    assert (width, height) == (1400, 1000) and colours > 20  # drawn, not blank
    dom = subprocess.run([*browser, "--dump-dom", page.as_uri()], text=True, **run).stdout  # type: ignore[call-overload]
    parsed = _Page()
    parsed.feed(dom)
    assert sorted(parsed.ids) == sorted(f"f-{n}" for n in range(1, len(findings) + 1))
