"""Where the grammar and the rule packs are: in the installed package, or atop a checkout."""

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """The folder `grammar` or `rules`: shipped in the wheel, or beside `src/` in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gxlint is installed without its {name}/ folder")
