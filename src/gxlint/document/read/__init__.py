"""Reading reports: bytes from a file or stdin → normalised text. One module per input format."""

from __future__ import annotations

import sys
from fnmatch import fnmatch
from pathlib import Path

from gxlint.document.read.decode import Source, decode_report
from gxlint.document.read.docx import docx_text
from gxlint.errors import GxlintError

MAX_BYTES = 4 * 1024 * 1024  # real reports are 5–50 KB; a bigger file is not a report
TEXT_SUFFIXES = (".txt", ".md", ".docx")


def read_report(path: str) -> str:
    """Read a report (`-` is stdin) and return its text with `\\n` line ends and a final newline."""
    return read_source(path).text


def read_source(path: str) -> Source:
    """Read a report, keeping what is needed to write it back in its own encoding and line ends."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        file = Path(path)
        if file.is_dir():
            raise GxlintError(path, "是目录，不是文件 (is a directory)")
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise GxlintError(path, "文件不存在 (no such file)") from None
        except OSError as exc:
            raise GxlintError(path, f"无法读取 (cannot read: {exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise GxlintError(path, f"文件过大，超过 {MAX_BYTES // (1024 * 1024)} MiB (file too large)")
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return Source(docx_text(path, data), "", b"", "\n", True, editable=False)
    if suffix in (".doc", ".wps", ".pdf"):
        raise GxlintError(path, f"不支持 {suffix} 文件，请另存为 .docx 或纯文本 (.txt)")
    return decode_report(path, data)


def expand_paths(paths: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Files as given; directories walked for .txt, .md and .docx files, in sorted order, less
    those matching an `exclude` glob (matched against the path below the walked directory)."""
    found: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path)
                if file.suffix not in TEXT_SUFFIXES or not file.is_file():
                    continue
                if any(
                    relative.match(pattern) or fnmatch(str(relative), pattern)
                    for pattern in exclude
                ):
                    continue
                found.append(str(file))
        else:
            found.append(p)
    return found
