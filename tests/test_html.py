"""Web pages as published: the whole page around the report, tables with rowspan/colspan, cells
split into one <p> per character, &nbsp;, <br>, leaked Word comments, GBK; every corpus report
rendered as a page gives the same findings as its text."""

from __future__ import annotations

import html
import json
from collections import Counter

import pytest

from conftest import CORPUS, CORPUS_NAMES, TESTS, corpus_text, lint
from gxlint.app.cli import main
from gxlint.document.read import read_source

NAV = '<div class="nav"><a href="/">首页</a> &gt; <a>政府信息公开年报</a></div>'
FOOT = '<div class="footer">版权所有：某某县人民政府 网站标识码 3500000001 闽ICP备00000000号</div>'


def page(text: str, charset: str = "utf-8", head: str = "") -> str:
    """A report's text as a web page: the site's navigation and footer around one article; a
    run of tab-separated lines as a <table>, every other line a <p>."""
    parts: list[str] = []
    rows: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            parts.append(_table(rows))
            rows = []
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    if rows:
        parts.append(_table(rows))
    title = html.escape(text.split("\n")[0])
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>'
        f"<script>var x = '一、总体情况';</script><style>p {{ margin: 0 }}</style></head>"
        f'<body>{head}{NAV}<div class="article">{"".join(parts)}</div>{FOOT}</body></html>'
    )


def _table(rows: list[str]) -> str:
    cells = (
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row.split("\t")) + "</tr>"
        for row in rows
    )
    return "<table>" + "".join(cells) + "</table>"


def _codes(findings) -> Counter:
    return Counter(f.code for f in findings)


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_every_report_as_a_page_gives_the_same_codes(tmp_path, name) -> None:
    text = corpus_text(name)
    path = tmp_path / f"{name}.html"
    path.write_text(page(text), "utf-8")
    source = read_source(str(path))
    from_page = lint(source.text, path=str(path))
    assert _codes(from_page) == _codes(lint(text))


def test_the_published_page_gives_the_curated_texts_findings(capsys) -> None:
    """Differences, each right: the crawl ran table 二's digits together in the text (1173);
    the page has them in their cells (1 | 1 | 73), so the page has no GX206."""
    raw = TESTS / "corpus" / "raw" / "pingtan-market-2025.html"
    txt = CORPUS / "pingtan-market-2025.txt"
    found = {}
    for path in (raw, txt):
        source = read_source(str(path))
        found[path.suffix] = Counter((f.code, f.message) for f in lint(source.text, path=str(path)))
    only_text = found[".txt"] - found[".html"]
    assert [code for code, _ in only_text] == ["GX206"]
    assert found[".html"] - found[".txt"] == Counter()
    assert "1173" in next(message for _, message in only_text)


def test_page_lines_point_at_the_page() -> None:
    source = read_source(str(TESTS / "corpus" / "raw" / "pingtan-market-2025.html"))
    assert source.text.startswith("平潭综合实验区市场监督管理局2025年度政府信息公开工作年度报告\n")
    assert "网站标识码" not in source.text and "首页" not in source.text
    assert len(source.places) == len(source.text.split("\n")) - 1
    assert source.places[1] == "网页第 355 行 (HTML line 355)"


MESSY = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>
<body><div>网站导航 首页</div>
<div class="TRS_Editor">
<p><span>某某县司法局</span><span>2023年政府信息公开工作年度报告</span></p>
<p>一、总体情况</p>
<p><!--[if !supportLists]-->（一）<!--[endif]-->主动公开。全年主动公开信息 12 条。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><td colspan="5"><p>行</p><p>政</p><p>复</p><p>议</p></td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果<br/>维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>
<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>
<td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未&nbsp;审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>
<p>某某县司法局</p><p>2024年1月10日</p>
</div><div>版权所有 某某县人民政府</div></body></html>"""


def test_a_messy_gbk_page(tmp_path) -> None:
    path = tmp_path / "report.HTM"  # suffixes in any case
    path.write_bytes(MESSY.encode("gbk"))
    source = read_source(str(path))
    lines = source.text.split("\n")
    assert lines[0] == "某某县司法局2023年政府信息公开工作年度报告"
    assert "（一）主动公开。全年主动公开信息 12 条。" in lines
    assert lines[lines.index("四、政府信息公开行政复议、行政诉讼情况") + 1].startswith("行政复议\t")
    header = next(line for line in lines if line.startswith("结果维持"))
    assert header.split("\t")[:5] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    below = lines[lines.index(header) + 1].split("\t")
    assert below[:5] == ["", "", "", "", ""]  # the rowspan cells above, expanded
    assert "尚未审结" in below[5:]
    assert lines[-3:] == ["某某县司法局", "2024年1月10日", ""]  # and nothing of the site after it
    codes = {f.code for f in lint(source.text)}
    assert "GX304" in codes  # 1+0+0+0 ≠ 2 in the 行政复议 group: the table was read


def test_a_folder_of_pages_is_checked_and_a_page_without_a_report_is_an_error(
    tmp_path, capsys
) -> None:
    (tmp_path / "a.html").write_text(page(corpus_text("pingtan-police-2022")), "utf-8")
    (tmp_path / "b.htm").write_text("<html><body>404 页面不存在</body></html>", "utf-8")
    assert main(["--format", "json", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert '"GX902"' in out and "b.htm" in out and "没有找到年度报告的正文" in out


class _Server:
    """A local http.server in a thread, serving given bodies by path (the suite never leaves
    this machine)."""

    def __init__(self, pages: dict[str, tuple[bytes, str]]) -> None:
        import http.server
        import threading
        import time

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/to-file.htm":
                    self.send_response(302)
                    self.send_header("Location", "file:///etc/passwd")
                    self.end_headers()
                    return
                if self.path not in pages:
                    self.send_error(404)
                    return
                body, content_type = pages[self.path]
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if content_type.endswith("; drip"):  # a byte a second: a server that stalls
                    for byte in body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(1)
                    return
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_report_by_its_address(capsys) -> None:
    text = corpus_text("pingtan-market-2025")
    utf8 = page(text).encode("utf-8")
    # GBK, said only in the HTTP header (the page's <meta> names no charset)
    gbk = page(text, charset="").replace('<meta charset="">', "").encode("gb18030")
    pages = {
        "/a.htm": (utf8, "text/html; charset=utf-8"),
        "/b.htm": (gbk, "text/html; charset=GBK"),
    }
    with _Server(pages) as server:
        expected = _codes(lint(text))
        for name in ("/a.htm", "/b.htm"):
            assert main(["--format", "json", "--fail-on", "never", server.url + name]) == 0
            found = json.loads(capsys.readouterr().out)
            assert Counter(f["code"] for f in found) == expected, name
            assert {f["path"] for f in found} == {server.url + name}
        assert main([server.url + "/missing.htm"]) == 2
        assert "HTTP 404" in capsys.readouterr().err
        assert main([server.url + "/to-file.htm"]) == 2  # a redirect to file: is refused
        err = capsys.readouterr().err
        assert "网页跳转被拒绝" in err and "file:///etc/passwd" in err


def test_a_folder_of_unreadable_files_exits_two_and_says_so_in_json(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    (tmp_path / "old.HTML").write_text("<html><body>栏目首页</body></html>", "utf-8")
    assert main(["--format", "json", str(tmp_path)]) == 2
    found = json.loads(capsys.readouterr().out)
    assert sorted((f["code"], f["path"].rsplit("/", 1)[-1]) for f in found) == [
        ("GX902", "empty.txt"),
        ("GX902", "old.HTML"),
        ("GX902", "scan.pdf"),
    ]


def test_a_wrong_rowspan_left_by_the_editor_stays_in_its_table() -> None:
    from gxlint.document.read.html import html_text

    page_text = (
        "<html><body><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
        '<table><tr><td rowspan="40">规章</td><td>1</td></tr><tr><td>2</td></tr></table>'
        "<table><tr><td>行政许可</td><td>3</td></tr></table>"
        '<p>六、其他需要报告的事项</p><table><tr><td colspan="99999">x</td></tr></table>'
        "</body></html>"
    )
    text, _ = html_text("r.html", page_text)
    lines = text.split("\n")
    assert "规章\t1" in lines and "\t2" in lines
    assert "行政许可\t3" in lines  # the next table starts clean
    assert max(line.count("\t") for line in lines) < 64  # colspan bounded


def test_an_address_is_read_by_what_the_server_says_it_is(tmp_path, capsys) -> None:
    """A PDF or a Word file given by its address is read by its reader (by Content-Type, or
    by the address's suffix when the type says nothing), not as a page."""
    from conftest import SEED, TESTS
    from test_docx import seed_docx

    pdf = (TESTS / "corpus" / "raw" / "huaian-2024.pdf").read_bytes()
    word = seed_docx(SEED.read_text("utf-8"))
    pages = {
        "/report": (pdf, "application/pdf"),
        "/files/draft.docx": (word, "application/octet-stream"),
    }
    local = tmp_path / "draft.docx"
    local.write_bytes(word)
    with _Server(pages) as server:
        for path, same_as in (
            ("/report", TESTS / "corpus" / "raw" / "huaian-2024.pdf"),
            ("/files/draft.docx", local),
        ):
            main(["--format", "json", "--fail-on", "never", str(same_as)])
            expected = [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)]
            assert main(["--format", "json", "--fail-on", "never", server.url + path]) == 0
            got = [(f["code"], f["line"]) for f in json.loads(capsys.readouterr().out)]
            assert got == expected and got, path


def test_a_server_that_stalls_is_cut_off_at_the_limit_of_the_whole_fetch(
    capsys, monkeypatch
) -> None:
    import time

    from gxlint.document.read import url

    monkeypatch.setattr(url, "TIMEOUT", 2)
    with _Server({"/slow.htm": (b"x" * 30, "text/html; drip")}) as server:
        started = time.monotonic()
        assert main([server.url + "/slow.htm"]) == 2
        elapsed = time.monotonic() - started
    assert "网页在 2 秒内没有取完" in capsys.readouterr().err
    assert elapsed < 20  # the drip takes 30 s: the fetch was cut off, not waited out


def test_a_report_read_from_an_address_is_never_a_file_to_fix(tmp_path, capsys, monkeypatch):
    """`--fix http://…` must not touch a local file whose path spells the address."""
    monkeypatch.chdir(tmp_path)
    spelled = tmp_path / "http:" / "127.0.0.1:9" / "r.txt"
    spelled.parent.mkdir(parents=True)
    spelled.write_text("原文", "utf-8")
    assert main(["--fix", "http://127.0.0.1:9/r.txt"]) == 2
    assert "不能修复" in capsys.readouterr().err and spelled.read_text("utf-8") == "原文"


@pytest.mark.parametrize("tag", ["p", "div", "span"])
def test_thirty_thousand_unclosed_elements_are_a_bounded_tree(tag) -> None:
    """<p> closes an open <p> as HTML says (30,000 paragraphs, not 30,000 levels); other tags
    nest at most MAX_DEPTH deep: each text block keeps a path no longer than that (the page
    took 3.5 GiB when each of 30,000 blocks kept its 30,000 ancestors)."""
    from gxlint.document.read.html import MAX_DEPTH, _Extractor

    body = "".join(f"<{tag}>第{n}段" for n in range(30_000))
    extractor = _Extractor()
    extractor.feed(f"<html><body>{body}</body></html>")
    extractor.close()
    blocks = extractor.blocks
    assert max(len(b.path) for b in blocks) <= MAX_DEPTH
    if tag == "p":
        assert len(blocks) == 30_000 and max(len(b.path) for b in blocks) == 3
    assert "第29999段" in "".join(b.text for b in blocks)


def test_rows_of_wide_spans_stay_rows_of_bounded_width() -> None:
    from gxlint.document.read.html import MAX_ROW_CELLS, MAX_SPAN, _Extractor

    rows = "".join(
        "<tr>" + '<td rowspan="64" colspan="64">1</td>' * 10 + "</tr>" for _ in range(2000)
    )
    extractor = _Extractor()
    extractor.feed(f"<html><body><table>{rows}</table></body></html>")
    extractor.close()
    widths = [b.text.count("\t") + 1 for b in extractor.blocks]
    assert widths and max(widths) <= MAX_ROW_CELLS + MAX_SPAN  # the last cell's span
