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
        across_reports,
        brackets,
        format_version,
        input_error,
        near_copy,
        numbering,
        occurrence,
        percentages,
        plan_year,
        prose_table,
        relation,
        report_date,
        report_title,
        report_twice,
        report_year,
        required_statement,
        scope_level,
        section_duplicate,
        section_number,
        section_order,
        section_present,
        section_title,
        section_unknown,
        sentence_condition,
        signature,
        stated_parts,
        stock_across_reports,
        substitution,
        table_shape,
        unparsed_line,
    )

    modules = (
        section_present,
        section_order,
        section_duplicate,
        section_title,
        section_number,
        section_unknown,
        required_statement,
        sentence_condition,
        table_shape,
        relation,
        prose_table,
        stated_parts,
        report_year,
        plan_year,
        percentages,
        scope_level,
        brackets,
        signature,
        report_date,
        input_error,
        report_title,
        numbering,
        format_version,
        across_reports,
        stock_across_reports,
        report_twice,
        near_copy,
        unparsed_line,
        occurrence,
        substitution,
    )
    return MappingProxyType({m.KIND.name: m.KIND for m in modules})
