"""Every rule of every built-in pack: its annotated cases fire exactly where they say (the same
runner as `gxlint test PACK`: gxlint/app/cases.py)."""

from __future__ import annotations

import pytest

from gxlint.app.cases import pack_cases, run_case, strip_expectations
from gxlint.app.cli import main
from gxlint.engine import load_pack
from gxlint.pack.files import builtin_pack_names

# A case runs under the pack whose file writes it (a rule a pack inherits unchanged keeps the
# cases of its parent, which are about the parent's template).
CASES = [
    pytest.param(pack, rule, case, id=f"{pack}:{rule.code}:{case.name}")
    for pack in builtin_pack_names()
    for rule, case in pack_cases(pack)
]


@pytest.mark.parametrize(("pack", "rule", "case"), CASES)
def test_rule_case(pack, rule, case) -> None:
    run = run_case(pack, rule, case)
    assert run.fired == run.expected


@pytest.mark.parametrize("pack", builtin_pack_names())
def test_every_rule_has_doc_and_cases(pack) -> None:
    for rule in load_pack(pack).rules:
        assert rule.doc.why and rule.doc.bad and rule.doc.good, rule.code
        texts = [strip_expectations(c.text)[1] for c in rule.cases]
        if rule.pack == pack and rule.kind != "input-error":  # made by the app, not a report
            assert any(rule.code in {c for c, _ in e} for e in texts), f"{rule.code}: no case"


def test_gxlint_test_runs_a_provinces_own_cases(tmp_path, capsys) -> None:
    """A pack author runs the cases of a pack of their own: each failing case named with where
    it should and should not have fired; exit 1; the built-in packs pass."""
    pack = tmp_path / "province.yaml"
    pack.write_text(
        """pack: province
extends: gov-2021
prefix: FJ
rules:
  - code: GX901
    name: x
    kind: occurrence
    severity: warning
    patterns: [政务新媒体]
    max: 0
    message: 「{phrase}」
    doc: {why: 例, bad: 例, good: 例}
    cases:
      - name: 会报告
        text: |
          一、总体情况
          开设政务新媒体 3 个。  # expect: GX901
      - name: 写错了期望
        text: |
          一、总体情况
          开设政务新媒体 3 个。
""".replace("GX901", "FJ991"),
        "utf-8",
    )
    assert main(["test", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "FJ991「写错了期望」：不应在第 2 行报告却报告了" in out
    assert "2 个用例，1 个通过，1 个失败" in out
    assert main(["test", "gov-2021", "gov-2019"]) == 0
    assert "0 个失败" in capsys.readouterr().out
