"""Text from a report or a file name, made safe to print: control characters (a terminal escape
sequence hidden in a report, ESC]0;… or ESC[2J) are shown as visible escapes, never sent."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with every control character but tab and newline written as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
