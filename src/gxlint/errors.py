"""Errors that stop gxlint with exit code 2 and one line of explanation, never a traceback."""

from __future__ import annotations

# Exit codes: no finding at or above --fail-on; some; a usage or input error.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class GxlintError(Exception):
    """A problem with an input (a report, a rule pack, an option) that gxlint cannot get past.

    `where` names the file (and, for packs, the rule and key); `problem` says what is wrong.
    It crosses process boundaries intact (a parallel batch sends it back from its workers).
    """

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self) -> tuple[type[GxlintError], tuple[str, str]]:
        return (type(self), (self.where, self.problem))
