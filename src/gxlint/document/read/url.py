"""A report given by its address (`gxlint https://…/report.htm`): fetched with the standard
library, within one time limit for the whole fetch (a server that sends a byte a second is cut
off) and the same size cap as a file, its charset from the HTTP header (then the page's <meta>),
and read by what the server says it is — a page, text, a PDF, a Word file — else by the
address's suffix, as a file is."""

from __future__ import annotations

from typing import NamedTuple

from gxlint.errors import GxlintError

TIMEOUT = 20  # seconds
_SCHEMES = ("http://", "https://")


class Fetched(NamedTuple):
    data: bytes
    suffix: str  # what it is, as a file's suffix would say: .html, .txt, .pdf, .docx, .doc
    charset: str | None


_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "application/vnd.ms-works": ".wps",
}
_SUFFIXES = (".html", ".htm", ".txt", ".md", ".pdf", ".docx", ".doc", ".wps")


def is_url(path: str) -> bool:
    return path.lower().startswith(_SCHEMES)


def fetch(url: str, limit: int) -> Fetched:
    """The body of `url` (at most `limit` bytes) within TIMEOUT seconds in all, or a one-line
    GxlintError. The fetch runs in a thread of its own, so that no server, however slowly it
    answers, holds the check past the limit."""
    import threading

    outcome: list[Fetched | GxlintError] = []
    worker = threading.Thread(target=lambda: outcome.append(_fetch(url, limit)), daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    if not outcome:
        raise GxlintError(url, f"网页在 {TIMEOUT} 秒内没有取完 (fetch took over {TIMEOUT} s)")
    if isinstance(outcome[0], GxlintError):
        raise outcome[0]
    return outcome[0]


def _fetch(url: str, limit: int) -> Fetched | GxlintError:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "gxlint"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # a redirect urllib would not follow (to file:, or a loop)
            target = exc.headers.get("Location", "") if exc.headers else ""
            return GxlintError(
                url, f"网页跳转被拒绝 (redirect refused: HTTP {exc.code} → {target})"
            )
        return GxlintError(url, f"网页无法取得 (HTTP {exc.code})")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return GxlintError(url, f"网页无法取得 (cannot fetch: {reason})")
    if len(data) > limit:
        return GxlintError(url, f"网页过大，超过 {limit // (1024 * 1024)} MiB (page too large)")
    return Fetched(data, _suffix(content_type, final), charset)


def _suffix(content_type: str, url: str) -> str:
    """What the server says the body is; for a type that says nothing (octet-stream), what the
    address's suffix says; a page otherwise."""
    if content_type in _BY_TYPE:
        return _BY_TYPE[content_type]
    from urllib.parse import urlsplit

    path = urlsplit(url).path.lower()
    return next((s for s in _SUFFIXES if path.endswith(s)), ".html")
