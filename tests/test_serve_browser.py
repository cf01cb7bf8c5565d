"""`gxlint serve` as a person uses it, in a real browser: Debian's headless Chromium driven by
Playwright (pointed at /usr/bin/chromium: no browser is downloaded). The server is started on
127.0.0.1 by the test. A Word draft is uploaded through the file input: one mark per finding,
and the annotated copy downloads and reopens with its comments; a .zip of the corpus gives the
dashboard, sorted by errors with a click. Screenshots are saved beside the test's files."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile

import pytest

from conftest import CORPUS, corpus_text

pytest.importorskip("starlette", reason="the web extra (pip install 'gxlint[web]')")
sync_api = pytest.importorskip("playwright.sync_api")

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
ARGS += ["--disable-component-update", "--disable-sync", "--lang=zh-CN"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must have Chromium (.ci/run installs Debian's chromium)")
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "gxlint", "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=ARGS)
        yield browser
        browser.close()


def test_a_word_draft_marked_and_its_annotated_copy_downloaded(server, browser, tmp_path):
    import docx

    from test_annotate import _word_file

    draft = tmp_path / "草稿.docx"
    _word_file(corpus_text("shuyang-fgj-2023"), draft)
    with urllib.request.urlopen(
        urllib.request.Request(
            server + "/api/v1/check",
            data=corpus_text("shuyang-fgj-2023").encode(),
            headers={"content-type": "text/plain"},
        )
    ) as response:
        import json

        findings = json.load(response)["findings"]
    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(server + "/")
    page.screenshot(path=str(tmp_path / "upload.png"))
    page.set_input_files("#files", str(draft))
    page.click("#start")
    page.wait_for_selector("section#r-1")
    marks = page.locator("section#r-1 [id^='f-']")
    assert marks.count() == len(findings) > 0  # one mark per finding
    page.screenshot(path=str(tmp_path / "results.png"), full_page=False)
    with page.expect_download() as download:
        page.click("nav.downloads a[download$='.docx']")
    copy = tmp_path / "copy.docx"
    download.value.save_as(str(copy))
    comments = list(docx.Document(str(copy)).comments)
    assert len(comments) == len(findings) and {c.author for c in comments} == {"gxlint"}
    page.close()


def test_a_zip_gives_the_dashboard_sorted_by_errors(server, browser, tmp_path):
    archive = tmp_path / "全部报告.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for path in sorted(CORPUS.glob("*.txt")):
            out.write(path, f"报告/{path.name}")
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(server + "/")
    page.set_input_files("#files", str(archive))
    page.click("#start")
    page.wait_for_selector("table#index")
    rows = page.locator("table#index tbody tr")
    assert rows.count() == len(list(CORPUS.glob("*.txt")))
    page.click("table#index th:text('错误')")  # ascending
    page.click("table#index th:text('错误')")  # descending
    errors = [
        int(t) for t in page.locator("table#index tbody tr td:nth-child(6)").all_inner_texts()
    ]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    page.select_option("#filter-status", "通过")
    shown = [r for r in page.locator("table#index tbody tr").all() if r.is_visible()]
    assert shown and all(r.locator("td.status").inner_text() == "通过" for r in shown)
    page.screenshot(path=str(tmp_path / "dashboard.png"))
    page.close()
