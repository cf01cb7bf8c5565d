"""What a rule kind is: its name, its parameters and message fields, and its check. Every kind
module defines `KIND = Kind(...)`; kinds/__init__.py registers them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from gxlint.pack.params import param
from gxlint.records import record

if TYPE_CHECKING:
    from gxlint.analysis.context import Context
    from gxlint.findings import Finding
    from gxlint.kinds._across import Batch, Fact
    from gxlint.pack.rule import Rule
    from gxlint.pack.template import SectionSpec, TableSpec

__all__ = ["Kind", "NoParams", "param"]

P = TypeVar("P")


@record(frozen=True, slots=True)
class NoParams:
    """The parameters of a kind that takes none."""


@record(frozen=True)
class Kind(Generic[P]):
    """A rule kind; `params` is its params class (a frozen record of `param(...)` fields,
    pack/params.py), which every rule of the kind's parameters are read into."""

    name: str
    summary: str
    check: Callable[[Rule, Context], Iterable[Finding]]
    params: type[P]
    fields: frozenset[str] = frozenset()
    # The fields a rule's message may use, when they depend on its params (table-shape).
    fields_for: Callable[[P], frozenset[str]] | None = None
    # Checks of the params alone, and of the params against the pack's sections and tables.
    validate: Callable[[P], str | None] | None = None
    check_in_pack: Callable[[P, list[SectionSpec], dict[str, TableSpec]], str | None] | None = None
    # Kinds that compare reports with each other (category 6): what each report contributes,
    # and the findings from all contributions of a batch (in any order: the engine sorts them).
    collect: Callable[[Rule, Context], Fact[Any] | None] | None = None
    compare: Callable[[Rule, Batch[Any]], Iterable[Finding]] | None = None

    def message_fields(self, params: P) -> frozenset[str]:
        """The `{fields}` a rule of this kind, with these params, may use in message and hint."""
        return self.fields_for(params) if self.fields_for is not None else self.fields
