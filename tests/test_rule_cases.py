"""Every rule of every built-in pack: its annotated cases fire exactly where they say."""

from __future__ import annotations

import pytest

from conftest import lint, lint_batch, strip_expectations
from gxlint.engine import load_pack
from gxlint.pack.files import builtin_pack_names

# A case runs under the pack whose file writes it (a rule a pack inherits unchanged keeps the
# cases of its parent, which are about the parent's template).
CASES = [
    pytest.param(pack, rule.code, case, id=f"{pack}:{rule.code}:{case.name}")
    for pack in builtin_pack_names()
    for rule in load_pack(pack).rules
    if rule.pack == pack
    for case in rule.cases
]


@pytest.mark.parametrize(("pack", "code", "case"), CASES)
def test_rule_case(pack, code, case) -> None:
    text, expected = strip_expectations(case.text)
    if case.previous:
        reports = [("previous.txt", case.previous), ("report.txt", text)]
        found = [f for f in lint_batch(reports, pack=pack) if f.path == "report.txt"]
    else:
        found = lint(text, pack=pack)
    fired = {(f.code, f.span.line) for f in found if f.code == code}
    assert fired == {(c, line) for c, line in expected if c == code}


@pytest.mark.parametrize("pack", builtin_pack_names())
def test_every_rule_has_doc_and_cases(pack) -> None:
    for rule in load_pack(pack).rules:
        assert rule.doc.why and rule.doc.bad and rule.doc.good, rule.code
        texts = [strip_expectations(c.text)[1] for c in rule.cases]
        if rule.pack == pack and rule.kind != "input-error":  # made by the app, not a report
            assert any(rule.code in {c for c, _ in e} for e in texts), f"{rule.code}: no case"
