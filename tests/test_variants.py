"""Reports are written in many hands: rewriting a real report in ways that change nothing of its
content (full-width digits, 一． for 一、, half-width brackets, spaces around numbers, CRLF, blank
lines added or removed, indented paragraphs, trailing spaces, ASCII punctuation) must not change
a single error or warning gxlint finds in it."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS_NAMES, corpus_text, lint


def _prose(text: str, change) -> str:  # tables are left as they are
    return "\n".join(line if "\t" in line else change(line) for line in text.split("\n"))


VARIANTS = {
    "full-width digits": lambda t: _prose(
        t, lambda line: re.sub(r"\d", lambda m: chr(ord(m.group()) + 0xFEE0), line)
    ),
    "一． for 一、": lambda t: re.sub(r"(?m)^([一二三四五六])、", r"\1．", t),
    "half-width brackets": lambda t: _prose(
        t, lambda line: line.replace("（", "(").replace("）", ")")
    ),
    "spaces around numbers": lambda t: _prose(
        t, lambda line: re.sub(r"(\d+)(件|条)", r" \1 \2", line)
    ),
    "CRLF line ends": lambda t: t.replace("\n", "\r\n"),
    "a blank line after each row": lambda t: "\n".join(
        line + ("\n" if "\t" in line else "") for line in t.split("\n")
    ),
    "no blank lines": lambda t: "\n".join(line for line in t.split("\n") if line.strip()),
    "indented paragraphs": lambda t: _prose(
        t, lambda s: s if not s.strip() or re.match(r"[一二三四五六]、", s) else "\u3000\u3000" + s
    ),
    "trailing spaces": lambda t: "\n".join(line + "  " for line in t.split("\n")),
    "ASCII punctuation": lambda t: _prose(
        t, lambda s: s.replace("，", ",").replace("：", ":").replace("；", ";")
    ),
}


def _findings(text: str) -> list[tuple[str, str]]:
    """Each error and warning by code and severity (lines move when blank lines are added or
    removed; a message may quote the text as written, 「一．总体情况」)."""
    from gxlint.document.read.decode import decode_report

    text = decode_report("r.txt", text.encode("utf-8")).text  # as a file would be read
    found = [f for f in lint(text) if f.severity.label in ("error", "warning")]
    return sorted((f.code, f.severity.label) for f in found)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_benign_rewrites_change_no_error_or_warning(name, variant) -> None:
    text = corpus_text(name)
    assert _findings(VARIANTS[variant](text)) == _findings(text)
