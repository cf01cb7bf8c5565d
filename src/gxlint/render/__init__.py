"""Renderers: a run's findings → text for people (Rich) or machines (JSON, SARIF, GitHub).
Renderers never compute: the app hands them a `Run` with everything they show."""

from __future__ import annotations

from typing import Protocol, TextIO

from gxlint.render.run import Run

__all__ = ["Renderer", "Run", "renderer", "shows_lines"]

# The outputs that show the source line of each finding (the others give its place only).
_SHOWING_LINES = frozenset({"text", "html"})


class Renderer(Protocol):
    def __call__(self, run: Run, out: TextIO) -> None: ...


def renderer(name: str) -> Renderer:
    """The renderer for `--format NAME` (imported on demand: Rich only for text), or for
    `--statistics` (`statistics-json`, or `statistics-…` for a table)."""
    if name.startswith("statistics"):
        from gxlint.render.statistics import render_statistics, render_statistics_json

        return render_statistics_json if name == "statistics-json" else render_statistics
    if name == "json":
        from gxlint.render.json import render_json

        return render_json
    if name == "sarif":
        from gxlint.render.sarif import render_sarif

        return render_sarif
    if name == "csv":
        from gxlint.render.csv import render_csv

        return render_csv
    if name == "html":
        from gxlint.render.html import render_html

        return render_html
    if name == "github":
        from gxlint.render.github import render_github

        return render_github
    from gxlint.render.text import render_text

    return render_text


def shows_lines(name: str) -> bool:
    """Whether `--format NAME` shows each finding's source line."""
    return name in _SHOWING_LINES
