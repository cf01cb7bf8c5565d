"""What a rule kind is: its name, its parameters and message fields, and its check. Every kind
module defines `KIND = Kind(...)`; kinds/__init__.py registers them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gxlint.pack.schema import Param

if TYPE_CHECKING:
    from gxlint.analysis.context import Context
    from gxlint.findings import Finding
    from gxlint.pack.rule import Rule
    from gxlint.pack.template import SectionSpec, TableSpec

__all__ = ["Kind", "Param", "one_of"]


@dataclass(frozen=True)
class Kind:
    name: str
    summary: str
    check: Callable[[Rule, Context], Iterable[Finding]]
    params: dict[str, Param] = field(default_factory=dict)
    fields: frozenset[str] = frozenset()
    # The fields a rule's message may use, when they depend on its params (table-shape).
    fields_for: Callable[[dict[str, Any]], frozenset[str]] | None = None
    # Checks of the params alone, and of the params against the pack's sections and tables.
    validate: Callable[[dict[str, Any]], str | None] | None = None
    check_in_pack: (
        Callable[[dict[str, Any], list[SectionSpec], dict[str, TableSpec]], str | None] | None
    ) = None
    # Kinds that compare reports with each other (category 6): what each report contributes,
    # and the findings from all contributions of a batch.
    collect: Callable[[Rule, Context], dict[str, Any] | None] | None = None
    compare: Callable[[Rule, list[dict[str, Any]]], Iterable[Finding]] | None = None

    def message_fields(self, params: dict[str, Any]) -> frozenset[str]:
        """The `{fields}` a rule of this kind, with these params, may use in message and hint."""
        return self.fields_for(params) if self.fields_for is not None else self.fields


def one_of(param: str, choices: tuple[str, ...]) -> Callable[[dict[str, Any]], str | None]:
    """A validator: `param` must be one of `choices`."""

    def validate(params: dict[str, Any]) -> str | None:
        if params.get(param) not in choices:
            return f"键 {param}: 应为 {'、'.join(choices)} 之一，实为 {params.get(param)!r}"
        return None

    return validate
