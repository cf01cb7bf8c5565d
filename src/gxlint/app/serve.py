"""`gxlint serve`: the service of web/ started with uvicorn (a one-line error if the web extra
is not installed)."""

from __future__ import annotations

import os

from gxlint.errors import EXIT_OK, GxlintError, tell


def serve(host: str, port: int, workers: int, token: str | None) -> int:
    try:
        import uvicorn

        from gxlint.web.service import Settings, create_app
    except ImportError:
        raise GxlintError(
            "serve", "需要安装 web 扩展：pip install 'gxlint[web]' (web extra not installed)"
        ) from None
    secret = token or os.environ.get("GXLINT_TOKEN") or None
    settings = Settings(workers=workers or (os.cpu_count() or 1), token=secret)
    where = f"http://{host}:{port}/"
    tell("serve", f"检查服务在 {where}（{settings.workers} 个检查进程；Ctrl+C 停止）")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
    return EXIT_OK
