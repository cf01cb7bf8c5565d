"""Renderers: findings → text for people (Rich) or machines (JSON). Renderers never compute."""

from __future__ import annotations

from typing import Protocol, TextIO

from gxlint.findings import Finding


class Renderer(Protocol):
    def __call__(
        self, findings: list[Finding], sources: dict[str, dict[int, str]], out: TextIO
    ) -> None: ...


def renderer(name: str) -> Renderer:
    """The renderer for `--format NAME` (imported on demand)."""
    if name == "json":
        from gxlint.render.json import render_json

        return render_json
    if name == "sarif":
        from gxlint.render.sarif import render_sarif

        return render_sarif
    if name == "github":
        from gxlint.render.github import render_github

        return render_github
    from gxlint.render.text import render_text

    return render_text
