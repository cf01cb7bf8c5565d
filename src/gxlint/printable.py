"""Text from a report or a file name, made safe to print: control characters (a terminal escape
sequence hidden in a report, ESC]0;… or ESC[2J) are shown as visible escapes, never sent."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character but tab and newline written as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def shown_path(path: str) -> str:
    """A file name as outputs can carry it: names whose bytes are not in the system's encoding
    (a GBK name on a UTF-8 system: Python holds them as lone surrogates, which no UTF-8 output
    can encode) decoded as GB18030, as a Chinese office wrote them, else with \\xNN escapes."""
    if path.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in path):
        return path
    raw = path.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")
