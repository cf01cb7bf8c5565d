"""The service: Starlette routes, served by uvicorn (`gxlint serve`).

    GET  /                  the upload page          POST /check          the results page
    POST /api/v1/check      findings as JSON         GET  /api/v1/rules   the rules
    GET  /healthz           alive                    GET  /openapi.json   this API described

A check is the command line's: each report through `check_one` in a worker (web/workers.py),
gathered by `run_of` and rendered by the same renderers. The API takes a shared secret when
one is set; every response carries security headers (no outside load, no framing, no sniffing).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from gxlint.app.batch import Options
from gxlint.app.gather import NOT_A_REPORT, run_of
from gxlint.document.read import MAX_BYTES
from gxlint.findings import About
from gxlint.records import record
from gxlint.render import Run, renderer
from gxlint.render.html import PAGE_SCRIPT
from gxlint.web.intake import MAX_FILES, Refused, Upload, reports
from gxlint.web.openapi import OPENAPI
from gxlint.web.pages import results_page, upload_page
from gxlint.web.workers import SECONDS, Checked, Pool

MAX_REQUEST = 64 * 1024 * 1024  # bytes of one request (a zip of a province's reports)
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(PAGE_SCRIPT.encode()).digest()).decode()
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{_SCRIPT_HASH}'; img-src data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@record(frozen=True, slots=True)
class Settings:
    """How the service runs."""

    workers: int = 2
    token: str | None = None  # the API's shared secret (None: open, as on a trusted intranet)
    seconds: float = SECONDS  # a check's time limit


def create_app(settings: Settings) -> Starlette:
    pool = Pool(settings.workers, settings.seconds)
    service = _Service(pool, settings)
    routes = [
        Route("/", service.home, methods=["GET"]),
        Route("/check", service.page, methods=["POST"]),
        Route("/api/v1/check", service.api_check, methods=["POST"]),
        Route("/api/v1/rules", service.api_rules, methods=["GET"]),
        Route("/healthz", service.health, methods=["GET"]),
        Route("/openapi.json", service.openapi, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    headers = Middleware(BaseHTTPMiddleware, dispatch=_headers)
    return Starlette(routes=routes, middleware=[headers], lifespan=lifespan)


async def _headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_REQUEST:
        response: Response = _problem(413, f"请求过大（最多 {MAX_REQUEST // 2**20} MiB）", request)
    else:
        response = await call_next(request)
    response.headers.update(HEADERS)
    return response


class _Service:
    def __init__(self, pool: Pool, settings: Settings) -> None:
        self.pool = pool
        self.settings = settings

    async def home(self, request: Request) -> Response:
        return HTMLResponse(upload_page())

    async def page(self, request: Request) -> Response:
        try:
            checked = await self._checked(await _uploads(request))
        except Refused as refused:
            return HTMLResponse(upload_page(str(refused)), status_code=400)
        return HTMLResponse(results_page(_run(checked), checked))

    async def api_check(self, request: Request) -> Response:
        if not self._allowed(request):
            return _problem(401, "需要正确的令牌（Authorization: Bearer …）", request)
        try:
            checked = await self._checked(await _uploads(request))
        except Refused as refused:
            return _problem(400, str(refused), request)
        run = _run(checked)
        return JSONResponse({"reports": _reports(run, checked), "findings": _findings(run)})

    async def api_rules(self, request: Request) -> Response:
        from gxlint.app.choices import DEFAULT_PACK
        from gxlint.engine import load_pack

        pack = load_pack(DEFAULT_PACK)
        rules = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "kind": r.kind,
                "message": r.message,
            }
            for r in pack.rules
        ]
        return JSONResponse({"pack": pack.name, "rules": rules})

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def openapi(self, request: Request) -> Response:
        return JSONResponse(OPENAPI)

    def _allowed(self, request: Request) -> bool:
        token = self.settings.token
        if not token:
            return True
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())

    async def _checked(self, uploads: list[Upload]) -> list[Checked]:
        found = reports(uploads)
        return list(await asyncio.gather(*(self.pool.check(u, _OPTIONS) for u in found)))


_OPTIONS = Options(whole_text=True)  # the page shows every line of a report


def _run(checked: list[Checked]) -> Run:
    return run_of([c.result for c in checked], _OPTIONS)


async def _uploads(request: Request) -> list[Upload]:
    """The files of a multipart form (and its pasted text), or a body of plain text or JSON."""
    kind = request.headers.get("content-type", "")
    if kind.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        return await _form(request)
    body = await request.body()
    if kind.startswith("application/json"):
        try:
            data = json.loads(body)
            return [Upload(str(data.get("name") or "报告.txt"), str(data["text"]).encode())]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise Refused('JSON 应为 {"text": "报告全文", "name": "文件名"}') from None
    return [Upload("报告.txt", body)] if body.strip() else []


async def _form(request: Request) -> list[Upload]:
    try:
        form = await request.form(
            max_files=MAX_FILES, max_fields=MAX_FILES + 10, max_part_size=MAX_BYTES + 1
        )
    except Exception as exc:  # the multipart parser's limits and malformed bodies
        raise Refused(f"上传的内容无法读取（{exc}）") from None
    uploads = []
    try:
        for key, value in form.multi_items():
            if isinstance(value, str):
                if key == "text" and value.strip():
                    uploads.append(Upload("粘贴的报告.txt", value.encode("utf-8")))
                continue
            data = await value.read(MAX_REQUEST + 1)
            name = (value.filename or "报告").replace("\\", "/").rsplit("/", 1)[-1]
            if data:
                uploads.append(Upload(name, data))
    finally:
        await form.close()  # the spooled upload files are removed now, not later
    return uploads


def _findings(run: Run) -> list[dict[str, Any]]:
    import io

    out = io.StringIO()
    renderer("json")(run, out)
    return json.loads(out.getvalue())


def _reports(run: Run, checked: list[Checked]) -> list[dict[str, Any]]:
    rows = []
    for c in checked:
        about = run.about.get(c.result.path, About())
        error = c.result.error
        rows.append(
            {
                "path": c.result.path,
                "agency": about.agency,
                "kind": about.kind,
                "year": about.year,
                "format": about.format,
                "checked": error is None and not c.result.skipped,
                "problem": error.problem if error else NOT_A_REPORT if c.result.skipped else "",
            }
        )
    return rows


def _problem(status: int, problem: str, request: Request) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"status": status, "problem": problem}}, status_code=status)
    return HTMLResponse(upload_page(problem), status_code=status)
