"""The rule kinds, registered in one place. A kind is Python; its rules are YAML entries in a pack.

Each kind module defines `KIND = Kind(...)` (kinds/base.py): the parameters a rule of that kind
takes, the fields its message template may use, and `check(rule, context)` yielding findings.
`gxlint kinds` prints this registry; helpers several kinds share are in kinds/_common.py.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

from gxlint.kinds.base import Kind


@cache  # asked for by every report checked
def registry() -> MappingProxyType[str, Kind]:
    """All kinds by name (imported on first use, so that `gxlint --version` stays fast)."""
    from gxlint.kinds import (
        across,
        brackets,
        input_error,
        mentions,
        near_copy,
        numbering,
        parts,
        percentages,
        plan_year,
        prose_table,
        relation,
        report_date,
        scope,
        section_duplicate,
        section_number,
        section_order,
        section_present,
        section_title,
        section_unknown,
        sentences,
        shape,
        signature,
        statements,
        stock,
        title,
        twice,
        unparsed,
        version,
        years,
    )

    modules = (
        section_present,
        section_order,
        section_duplicate,
        section_title,
        section_number,
        section_unknown,
        statements,
        sentences,
        shape,
        relation,
        prose_table,
        parts,
        years,
        plan_year,
        percentages,
        mentions,
        scope,
        brackets,
        signature,
        report_date,
        input_error,
        title,
        numbering,
        version,
        across,
        stock,
        twice,
        near_copy,
        unparsed,
    )
    return MappingProxyType({m.KIND.name: m.KIND for m in modules})
