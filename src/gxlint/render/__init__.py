"""Renderers: findings → text for people (Rich) or machines (JSON). Renderers never compute."""

from __future__ import annotations

from typing import Protocol, TextIO

from gxlint.findings import Finding


class Renderer(Protocol):
    def __call__(
        self, findings: list[Finding], sources: dict[str, dict[int, str]], out: TextIO
    ) -> None: ...


FORMATS = ("text", "json")


def renderer(name: str) -> Renderer:
    if name == "json":
        from gxlint.render.json import render_json

        return render_json
    from gxlint.render.text import render_text

    return render_text
