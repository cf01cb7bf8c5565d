"""A report given by its address (`gxlint https://…/report.htm`): fetched with the standard
library, with a timeout and the same size cap as a file, its charset from the HTTP header (then
the page's <meta>), and read by what the server says it is (a page, or text)."""

from __future__ import annotations

from typing import NamedTuple

from gxlint.errors import GxlintError

TIMEOUT = 20  # seconds
_SCHEMES = ("http://", "https://")


class Fetched(NamedTuple):
    data: bytes
    kind: str  # "html" or "text"
    charset: str | None


def is_url(path: str) -> bool:
    return path.lower().startswith(_SCHEMES)


def fetch(url: str, limit: int) -> Fetched:
    """The body of `url` (at most `limit` bytes), or a one-line GxlintError."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "gxlint"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(limit + 1)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise GxlintError(url, f"网页无法取得 (HTTP {exc.code})") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise GxlintError(url, f"网页无法取得 (cannot fetch: {reason})") from None
    if len(data) > limit:
        raise GxlintError(url, f"网页过大，超过 {limit // (1024 * 1024)} MiB (page too large)")
    kind = "text" if content_type == "text/plain" else "html"
    return Fetched(data, kind, charset)
