"""Errors that stop gxlint with exit code 2 and one line of explanation, never a traceback."""

from __future__ import annotations

# Exit codes: no finding at or above --fail-on; some; a usage or input error.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class GxlintError(Exception):
    """A problem with an input (a report, a rule pack, an option) that gxlint cannot get past.

    `where` names the file (and, for packs, the rule and key); `problem` says what is wrong;
    `cause`, for a report that cannot be read, which of the causes with their own help it is.
    It crosses process boundaries intact (a parallel batch sends it back from its workers).
    """

    def __init__(self, where: str, problem: str, cause: str = "") -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
        self.cause = cause  # what kind of problem, for the help a reader gets (CAUSES)

    def __reduce__(self) -> tuple[type[GxlintError], tuple[str, str, str]]:
        return (type(self), (self.where, self.problem, self.cause))


# Causes of an unreadable report that each have their own help (GX902's `helps` in the pack).
MISSING, WORD97, SCANNED, ENCODING = "missing", "word97", "scanned", "encoding"


def tell(where: str, what: str) -> None:
    """One line for the person at the terminal, on stderr: `gxlint: WHERE: WHAT`, control
    characters made visible; nothing when there is no stderr (closed: never on stdout, where it
    would break JSON or SARIF), nothing if it cannot be written."""
    import contextlib
    import sys

    from gxlint.printable import printable

    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(f"gxlint: {printable(where)}: {printable(what)}", file=sys.stderr)
