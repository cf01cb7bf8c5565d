"""The pages a person sees: the upload form, and the results — the reviewers' page of
`--format html` (a dashboard first for several reports) with the JSON, the CSV and the
annotated Word copy offered for download. Jinja2 with autoescape; nothing loaded from outside."""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from gxlint.document.read import INPUT_SUFFIXES
from gxlint.render import Run, renderer
from gxlint.render.html import Download, render_html
from gxlint.web.intake import MAX_FILES
from gxlint.web.workers import Checked

_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@cache
def _templates() -> Environment:
    folder = Path(__file__).with_name("templates")
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape())


def template(name: str) -> Template:
    return _templates().get_template(name)


def upload_page(problem: str = "") -> str:
    accept = ",".join((*INPUT_SUFFIXES, ".htm", ".zip"))
    return template("upload.html").render(
        accept=accept, suffixes="、".join(INPUT_SUFFIXES), most=MAX_FILES, problem=problem
    )


def results_page(run: Run, checked: list[Checked]) -> str:
    downloads = [
        _download("全部问题（JSON）", "gxlint.json", "application/json", _rendered(run, "json")),
        _download("一览表（CSV）", "gxlint.csv", "text/csv", _rendered(run, "csv")),
    ]
    downloads += [
        _download(f"带批注的 Word：{c.result.path}", _annotated_name(c.result.path), _DOCX, data)
        for c in checked
        if (data := c.annotated) is not None
    ]
    out = io.StringIO()
    render_html(run, out, tuple(downloads))
    return out.getvalue()


def _rendered(run: Run, name: str) -> bytes:
    out = io.StringIO()
    renderer(name)(run, out)
    return out.getvalue().encode("utf-8")


def _download(label: str, name: str, media: str, data: bytes) -> Download:
    return Download(label, name, f"data:{media};base64,{base64.b64encode(data).decode()}")


def _annotated_name(name: str) -> str:
    stem = name[: -len(".docx")] if name.lower().endswith(".docx") else name
    return f"{stem}（gxlint 批注）.docx"
