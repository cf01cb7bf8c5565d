"""The rule kinds, registered in one place. A kind is Python; its rules are YAML entries in a pack.

Each kind module defines `KIND = Kind(...)`: the params a rule of that kind takes, the fields its
message template may use, and `check(rule, context)` yielding findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gxlint.analysis.context import Context
    from gxlint.findings import Finding
    from gxlint.pack.rule import Rule


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    check: Callable[[Rule, Context], Iterable[Finding]]
    # param name → (python type, required)
    params: dict[str, tuple[type, bool]] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()
    # Checks of the params alone, and of the params against the pack's sections and tables.
    validate: Callable[[dict[str, Any]], str | None] | None = None
    check_in_pack: Callable[[dict[str, Any], list[Any], dict[str, Any]], str | None] | None = None
    # Kinds that compare reports with each other (category 6): what each report contributes,
    # and the findings from all contributions of a batch.
    collect: Callable[[Rule, Context], dict[str, Any] | None] | None = None
    compare: Callable[[Rule, list[dict[str, Any]]], Iterable[Finding]] | None = None


def one_of(param: str, choices: tuple[str, ...]) -> Callable[[dict[str, Any]], str | None]:
    """A validator: `param` must be one of `choices`."""

    def validate(params: dict[str, Any]) -> str | None:
        if params.get(param) not in choices:
            return f"键 {param}: 应为 {'、'.join(choices)} 之一，实为 {params.get(param)!r}"
        return None

    return validate


def registry() -> dict[str, Kind]:
    """All kinds by name (imported on first use, so that `gxlint --version` stays fast)."""
    from gxlint.kinds import (
        across,
        parts,
        prose_table,
        relation,
        sections,
        sentences,
        shape,
        statements,
        unparsed,
        version,
        years,
    )

    kinds = [
        *sections.KINDS,
        statements.KIND,
        sentences.KIND,
        shape.KIND,
        relation.KIND,
        prose_table.KIND,
        parts.KIND,
        years.KIND,
        version.KIND,
        across.KIND,
        unparsed.KIND,
    ]
    return {k.name: k for k in kinds}
