"""A rule instance as loaded from a pack: code, severity, message template, doc, cases, params."""

from __future__ import annotations

import string
from typing import Any, TypeVar

from gxlint.document.model import Span
from gxlint.findings import Finding, Fix, Severity
from gxlint.records import record

P = TypeVar("P")


@record(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation: why it matters, a violation and its fix (`gxlint explain`)."""

    why: str
    bad: str
    good: str


@record(frozen=True, slots=True)
class RuleCase:
    """An annotated fixture: report text whose lines ending in `# expect: CODE` must fire;
    `previous`, if given, is the same agency's report of the year before (checked with it)."""

    name: str
    text: str
    previous: str = ""


@record(frozen=True, slots=True)
class Rule:
    """A rule of a pack: its code, name, kind, severity, message and the kind's parameters."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    doc: RuleDoc
    hint: str = ""
    cases: tuple[RuleCase, ...] = ()
    params: object = None  # an instance of its kind's params class (pack/params.py)
    pack: str = ""  # the pack that wrote the rule or last changed it (gov-2021)
    source: str = ""  # the file it was written or last changed in

    def params_as(self, cls: type[P]) -> P:
        """The rule's parameters, as the params class of its kind (which the loader made)."""
        if not isinstance(self.params, cls):
            raise TypeError(f"{self.code}: parameters {self.params!r} are no {cls.__name__}")
        return self.params

    def finding(
        self, span: Span, *, fix: Fix | None = None, severity: Severity | None = None, **fields: Any
    ) -> Finding:
        """A finding of this rule at `span`, its message and hint filled in from `fields`."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            span=span,
            message=self.message.format_map(fields),
            hint=self.hint.format_map(fields) if self.hint else "",
            fix=fix,
        )


def template_fields(template: str) -> set[str]:
    """The `{placeholders}` a message or hint template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
