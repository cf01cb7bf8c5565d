"""Text from a report, a file name or a pack, made safe for Rich: its markup escaped ([bold]
is shown, not applied) and its control characters made visible (an ESC sequence in a report or
a file name is shown as \\x1b, never sent to the terminal)."""

from __future__ import annotations

from rich.markup import escape

from gxlint.printable import printable


def safe(text: str) -> str:
    return escape(printable(text))
