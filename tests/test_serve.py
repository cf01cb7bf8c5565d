"""`gxlint serve` through Starlette's test client: every input kind gives the command line's
findings; uploads that are too large, corrupt, zip bombs or paths out of an archive get a clear
error and the service goes on answering; the API's token, the pages' security headers, the
rules and the OpenAPI description."""

from __future__ import annotations

import io
import json
import warnings
import zipfile

import pytest

from conftest import CORPUS, SEED
from gxlint.app.cli import main

warnings.filterwarnings("ignore", message=".*httpx.*")
starlette = pytest.importorskip("starlette", reason="the web extra (pip install 'gxlint[web]')")

from starlette.testclient import TestClient  # noqa: E402

from gxlint.web.service import Settings, create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(Settings(workers=2))) as client:
        yield client


def _cli(path, capsys) -> list[tuple[str, int, str]]:
    main(["--format", "json", "--fail-on", "never", str(path)])
    return [(f["code"], f["line"], f["message"]) for f in json.loads(capsys.readouterr().out)]


def _docx(tmp_path) -> bytes:
    from test_docx import seed_docx

    return seed_docx(SEED.read_text("utf-8"))


@pytest.mark.parametrize(
    "name", ["xuchang-justice-2023.txt", "raw/pingtan-market-2025.html", "raw/huaian-2024.pdf"]
)
def test_every_input_kind_gives_the_command_lines_findings(client, capsys, name) -> None:
    path = CORPUS / name
    response = client.post("/api/v1/check", files={"files": (path.name, path.read_bytes())})
    assert response.status_code == 200
    body = response.json()
    got = [(f["code"], f["line"], f["message"]) for f in body["findings"]]
    assert got == _cli(path, capsys) and got
    (report,) = body["reports"]
    assert report["checked"] and report["path"] == path.name and report["agency"]
    assert report["year"] and report["format"] in ("2019", "2021")


def test_a_word_file_and_its_annotated_copy(client, tmp_path, capsys) -> None:
    data = _docx(tmp_path)
    local = tmp_path / "草稿.docx"
    local.write_bytes(data)
    response = client.post("/api/v1/check", files={"files": ("草稿.docx", data)})
    got = [(f["code"], f["line"], f["message"]) for f in response.json()["findings"]]
    assert got == _cli(local, capsys)
    page = client.post("/check", files={"files": ("草稿.docx", data)}).text
    assert 'download="草稿（gxlint 批注）.docx"' in page
    assert 'href="data:application/vnd.openxmlformats' in page


def test_text_as_a_body_or_as_json_or_pasted(client) -> None:
    text = SEED.read_text("utf-8")
    plain = client.post(
        "/api/v1/check", content=text.encode(), headers={"content-type": "text/plain"}
    )
    as_json = client.post("/api/v1/check", json={"text": text, "name": "seed.txt"})
    assert [f["code"] for f in plain.json()["findings"]] == ["GX509", "GX211"]
    assert [f["path"] for f in as_json.json()["findings"]] == ["seed.txt", "seed.txt"]
    page = client.post(
        "/check", data={"text": text.replace("一、总体情况", "一、总体情况<script>x()</script>", 1)}
    )
    assert (
        page.status_code == 200
        and "&lt;script&gt;x()" in page.text
        and "<script>x()" not in page.text
    )


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_of_reports_gives_the_batch(client) -> None:
    names = ["hongze-2024.txt", "huaian-2024.txt", "pingtan-2024.txt"]
    data = _zip({f"报告/{n}": (CORPUS / n).read_bytes() for n in names} | {"__MACOSX/._x": b"x"})
    body = client.post("/api/v1/check", files={"files": ("all.zip", data)}).json()
    assert sorted(r["path"] for r in body["reports"]) == sorted(names)
    page = client.post("/check", files={"files": ("all.zip", data)}).text
    assert page.count('<section id="r-') == 3 and 'id="index"' in page


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("big.txt", b"x" * (4 * 1024 * 1024 + 1), "文件过大"),
        ("out.zip", _zip({"../../etc/passwd.txt": b"x"}), "指向包外"),
        ("abs.zip", _zip({"/tmp/x.txt": b"x"}), "指向包外"),
        ("nested.zip", _zip({"inner.zip": _zip({"a.txt": b"x"})}), "压缩包里不能再有压缩包"),
        ("bomb.zip", _zip({f"r{i}.txt": b"0" * (4 << 20) for i in range(70)}), "解压后过大"),
        ("broken.zip", b"PK\x03\x04 not a zip", "不是有效的 zip"),
        ("x.exe", b"MZ", "不是报告文件"),
    ],
)
def test_hostile_uploads_are_refused_and_the_service_answers_on(client, name, data, says) -> None:
    response = client.post("/api/v1/check", files={"files": (name, data)})
    assert response.status_code == 400 and says in response.json()["error"]["problem"]
    page = client.post("/check", files={"files": (name, data)})
    assert page.status_code == 400 and says in page.text
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_corrupt_word_file_is_a_finding_of_its_own(client) -> None:
    body = client.post("/api/v1/check", files={"files": ("坏.docx", b"PK\x03\x04 broken")}).json()
    (report,) = body["reports"]
    assert not report["checked"] and "Word" in report["problem"]
    assert [f["code"] for f in body["findings"]] == ["GX902"]


def test_the_api_takes_its_token_when_one_is_set() -> None:
    with TestClient(create_app(Settings(workers=1, token="秘密-123".encode().hex()))) as client:
        token = "秘密-123".encode().hex()
        assert client.post("/api/v1/check", content=b"x").status_code == 401
        wrong = client.post("/api/v1/check", content=b"x", headers={"authorization": "Bearer no"})
        assert wrong.status_code == 401 and "令牌" in wrong.json()["error"]["problem"]
        right = client.post(
            "/api/v1/check",
            content=SEED.read_bytes(),
            headers={"authorization": f"Bearer {token}", "content-type": "text/plain"},
        )
        assert right.status_code == 200 and right.json()["findings"]


def test_pages_forbid_every_outside_load_and_framing(client) -> None:
    for response in (client.get("/"), client.get("/healthz")):
        headers = response.headers
        assert "default-src 'none'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    home = client.get("/").text
    assert 'type="file"' in home and 'name="text"' in home and "http" not in home.lower()


def test_rules_and_the_openapi_description(client) -> None:
    rules = client.get("/api/v1/rules").json()
    assert rules["pack"] == "gov-2021" and any(r["code"] == "GX401" for r in rules["rules"])
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and "/api/v1/check" in spec["paths"]


def test_a_request_too_large_is_refused_before_it_is_read(client) -> None:
    response = client.post(
        "/api/v1/check", content=b"x", headers={"content-length": str(65 * 1024 * 1024)}
    )
    assert response.status_code == 413 and "请求过大" in response.json()["error"]["problem"]


def test_a_check_past_its_time_limit_costs_only_its_own_request() -> None:
    """A limit no check can meet: the request gets its reason, the stuck worker's pool is
    replaced, and the service answers the next request."""
    with TestClient(create_app(Settings(workers=1, seconds=0.001))) as client:
        body = client.post(
            "/api/v1/check", content=SEED.read_bytes(), headers={"content-type": "text/plain"}
        ).json()
        assert body["reports"][0]["problem"] == "检查超过 0.001 秒，已停止"
        assert [f["code"] for f in body["findings"]] == ["GX902"]
        assert client.get("/healthz").json() == {"status": "ok"}
        again = client.post(
            "/api/v1/check", content=SEED.read_bytes(), headers={"content-type": "text/plain"}
        )
        assert again.status_code == 200


def test_nothing_of_a_draft_stays_on_disk_and_its_name_is_escaped(client) -> None:
    """The workers' private folders (gxlint-… in the temporary folder) are gone when the check
    ends; a file's name is escaped where the page shows it."""
    import tempfile
    from pathlib import Path

    def folders() -> set[str]:
        return {p.name for p in Path(tempfile.gettempdir()).glob("gxlint-*")}

    before = folders()
    name = '<img src=x onerror="alert(1)">.txt'
    page = client.post("/check", files={"files": (name, SEED.read_bytes())})
    assert page.status_code == 200
    assert "<img src=x" not in page.text and "&lt;img src=x" in page.text
    assert folders() <= before
