"""The relation kind's evaluation (kinds/_evaluate.py): whether a relation holds is decided from
the numbers alone, by picking each side's cells by position; it must agree with adding the
terms up one by one, for every shape a pack may write (minus signs, constants, <= and >=, one
term or many) and with cells that are not numbers."""

from __future__ import annotations

import random
from decimal import Decimal

from gxlint.kinds._evaluate import _Sides, _sides
from gxlint.pack.expr import parse_relation

KEYS = ["a", "b", "c", "d", "e"]


def _side(rng: random.Random) -> str:
    terms = [rng.choice([*KEYS, *KEYS, str(rng.randint(0, 9))]) for _ in range(rng.randint(1, 4))]
    text = terms[0]
    for term in terms[1:]:
        text += rng.choice([" + ", " - "]) + term
    return text


def _added_up(expr: str, numbers: dict[str, Decimal | None]) -> bool | None:
    relation = parse_relation(expr)
    sides = []
    for side in (relation.left, relation.right):
        total = Decimal(0)
        for term in side:
            value = Decimal(term.name) if term.kind == "constant" else numbers[term.name]
            if value is None:
                return None
            total += term.sign * value
        sides.append(total)
    return relation.holds(*sides)


def test_a_relation_holds_as_its_terms_add_up() -> None:
    rng = random.Random(20261127)
    outcomes = set()
    for _ in range(2000):
        expr = f"{_side(rng)} {rng.choice(['==', '<=', '>='])} {_side(rng)}"
        relation = parse_relation(expr)
        values = {k: Decimal(rng.randint(-3, 6)) for k in KEYS}
        if rng.random() < 0.1:
            values[rng.choice(KEYS)] = None  # a cell that is not a number
        terms = (*relation.left, *relation.right)
        positions = [[] if t.kind == "constant" else [KEYS.index(t.name)] for t in terms]
        numbers = [*(values[k] for k in KEYS), Decimal(0)]
        found = _Sides(relation, positions).hold(numbers)
        assert found == _added_up(expr, values), (expr, values)
        outcomes.add(found)
    assert outcomes == {True, False, None}


def test_a_term_may_add_several_positions() -> None:
    relation = parse_relation("sum(group) - a == 3")
    sides = _Sides(relation, [[0, 1, 2], [3], []])
    assert sides.hold([Decimal(2), Decimal(2), Decimal(4), Decimal(5), Decimal(0)]) is True
    assert sides.hold([Decimal(2), Decimal(2), Decimal(4), Decimal(4), Decimal(0)]) is False
    assert sides.hold([Decimal(2), None, Decimal(4), Decimal(4), Decimal(0)]) is None


def test_sides_made_once_are_those_of_their_own_positions() -> None:
    """The sides of a relation are memoised (every report of a format has the same positions):
    by the relation and the positions both — the same relation picked elsewhere is other sides."""
    numbers = [Decimal(1), Decimal(2), Decimal(3), Decimal(0)]
    assert _sides("a + b == c", ((0,), (1,), (2,))).hold(numbers) is True  # 1 + 2 == 3
    assert _sides("a + b == c", ((0,), (2,), (1,))).hold(numbers) is False  # 1 + 3 != 2
    assert _sides("a + b == c", ((0,), (1,), (2,))) is _sides("a + b == c", ((0,), (1,), (2,)))


def test_what_a_kind_derives_is_made_once_a_report_under_a_typed_key() -> None:
    """Context.remember: the first ask makes it, later ones get the same object; two keys of
    one name are two things (a key is an object, not a string two kinds could both choose)."""
    from conftest import SEED
    from gxlint.analysis.context import MemoKey
    from gxlint.document.build import build_document
    from gxlint.engine import context_for

    ctx = context_for(build_document("r.txt", SEED.read_text("utf-8")))
    made: list[int] = []
    first: MemoKey[list[int]] = MemoKey("numbers")
    other: MemoKey[list[int]] = MemoKey("numbers")
    value = ctx.remember(first, lambda: made.append(1) or [1])
    assert ctx.remember(first, lambda: made.append(2) or [2]) is value and made == [1]
    assert ctx.remember(other, lambda: [3]) == [3]


def test_a_plan_serves_every_report_of_one_shape_and_a_missing_row_has_its_own() -> None:
    """Per-column relations are planned once for the rows a table has (kinds/_evaluate.py):
    two reports with the same rows share the plans and differ only in their numbers; a report
    without a row a relation reads has no plan for it, so it is not checked (the shape rules
    report the row), and the full reports' plans still check theirs."""
    from conftest import SEED
    from gxlint.kinds import _evaluate

    seed = SEED.read_text("utf-8")
    new = "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"
    broken = seed.replace(new, new[:-1] + "1", 1)  # its total 1, its parts 0: a GX3xx error
    assert broken != seed
    _evaluate._PLANS.clear()
    assert not any(f.code.startswith("GX3") for f in _lint(seed))
    plans = dict(_evaluate._PLANS)
    checked = {key[:2] for key, (_, plan) in plans.items() if plan is not None}
    assert checked  # (table, relation) pairs the seed's rows let be checked
    found = [(f.code, f.span.line, f.message) for f in _lint(broken) if f.code.startswith("GX3")]
    assert [(code, line) for code, line, _ in found] == [("GX301", 51), ("GX303", 51)]
    assert "一+二 = 1+0 = 1，三（七）+四 = 0+0 = 0，相差 1（列「总计」）" in found[0][2]
    assert plans == _evaluate._PLANS  # the same shape: no plan made again
    without = "\n".join(line for line in seed.split("\n") if "(二) 部分公开" not in line)
    _lint(without)
    added = {k: v for k, v in _evaluate._PLANS.items() if k not in plans}
    assert any(plan is None and key[:2] in checked for key, (_, plan) in added.items())


def _lint(text: str) -> list:
    from gxlint.document.build import build_document
    from gxlint.engine import check_report

    return check_report(build_document("r.txt", text)).findings
