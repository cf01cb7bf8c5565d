"""Where the grammar and the rule packs are: in the installed package, or atop a checkout; and
how their files are named wherever gxlint is installed (`gxlint/rules/gov-2021/pack.yaml`)."""

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_FOLDERS = ("grammar", "rules")
BUILTIN = "gxlint/"  # the head of a built-in file's portable name; no absolute path has it


@cache
def resource_dir(name: str) -> Path:
    """The folder `grammar` or `rules`: shipped in the wheel, or beside `src/` in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"gxlint is installed without its {name}/ folder")


def portable(path: Path) -> str:
    """`path` named the same in every install: a file of gxlint's grammar/ or rules/ as
    `gxlint/rules/...`, any other file by its absolute path."""
    path = path.resolve()
    for name in _FOLDERS:
        folder = resource_dir(name)
        if path.is_relative_to(folder):
            return f"{BUILTIN}{name}/{path.relative_to(folder).as_posix()}"
    return str(path)


def is_builtin(name: str) -> bool:
    """Whether a portable name is a file shipped with gxlint."""
    return name.startswith(BUILTIN)


def located(name: str) -> Path:
    """The file a portable name stands for in this install."""
    if is_builtin(name):
        folder, _, rest = name.removeprefix(BUILTIN).partition("/")
        if folder in _FOLDERS:
            return resource_dir(folder) / rest
    return Path(name)
