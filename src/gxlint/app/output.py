"""Where a command's output goes: standard output, or the file --output-file names (written in
one step when the command is done, so a failed run leaves no half-written report)."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from gxlint.atomic import write_output
from gxlint.errors import GxlintError


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    try:
        write_output(Path(path), buffer.getvalue().encode("utf-8"))
    except OSError as exc:
        raise GxlintError(path, f"无法写出结果 (cannot write the output: {exc.strerror})") from None
