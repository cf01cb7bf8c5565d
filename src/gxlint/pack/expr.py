"""Relations between template keys, parsed from the pack's `expr` strings.

An expression is parsed by Lark once: the pack records the expressions its rules use, parsed,
and keeps them in its cache entry (pack/cache.py), so a warm run reads them back and never
imports Lark's parser (`remember`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, TypeVar, Union, cast

from gxlint.records import record
from gxlint.resources import resource_dir

if TYPE_CHECKING:
    from lark import Lark, Token, Tree


@record(frozen=True, slots=True)
class Term:
    """One term of a relation: a key, the sum of a group, or a constant, and its sign."""

    sign: int  # +1 or -1
    kind: str  # "key", "group_sum" or "constant"
    name: str  # the key, or the constant's digits


@record(frozen=True, slots=True)
class Relation:
    """`left == right` (or <=, >=), each side a signed sum of terms."""

    text: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    op: str = "=="

    def holds(self, left: Decimal, right: Decimal) -> bool:
        if self.op == "<=":
            return left <= right
        if self.op == ">=":
            return left >= right
        return left == right

    @property
    def keys(self) -> set[str]:
        return {t.name for t in (*self.left, *self.right) if t.kind != "constant"}

    @property
    def first_key(self) -> str:
        return next(t.name for t in (*self.left, *self.right) if t.kind != "constant")


class RelationSyntaxError(ValueError):
    pass


@cache
def _parser() -> Lark:
    from lark import Lark

    grammar = (resource_dir("grammar") / "expr.lark").read_text("utf-8")
    # Built afresh (about 10 ms, once a run, and only for a pack's new expressions): Lark's own
    # cache is a pickle, and nothing read from a cache folder may be able to run code.
    return Lark(grammar, parser="lalr", start=["start", "value"])


# A parsed expression: a relation (`a + b == c`) or a value (`a.total + b.total`).
Parsed = Union["Relation", tuple["Term", ...]]
_P = TypeVar("_P", "Relation", tuple["Term", ...])
# Parsed expressions by "start:text" or "value:text"; and the records being kept of them.
_KNOWN: dict[str, Parsed] = {}
_RECORDS: list[dict[str, Parsed]] = []


def parse_relation(text: str) -> Relation:
    """Parse `a + b == c`; raise RelationSyntaxError with a short reason."""
    return _known(f"start:{text}", lambda: _relation(text))


def parse_value(text: str) -> tuple[Term, ...]:
    """Parse a sum of cells, `new.total + carried_over.total`."""
    return _known(f"value:{text}", lambda: _side(_tree(_parse(text, "value").children[0])))


@contextmanager
def recording() -> Iterator[dict[str, Parsed]]:
    """Within it, every expression parsed (or found already parsed) is added to the dict."""
    record: dict[str, Parsed] = {}
    _RECORDS.append(record)
    try:
        yield record
    finally:
        _RECORDS.remove(record)


def remember(parsed: dict[str, Parsed]) -> None:
    """Expressions parsed before (a pack's record, read back from its cache entry)."""
    _KNOWN.update(parsed)


def _known(key: str, parse: Callable[[], _P]) -> _P:
    value = _KNOWN.get(key)
    if value is None:
        value = _KNOWN[key] = parse()
    for memo in _RECORDS:
        memo[key] = value
    return cast(_P, value)  # a key's kind ("start:", "value:") says which it is


def _relation(text: str) -> Relation:
    left, op, right = _parse(text, "start").children
    return Relation(text, _side(_tree(left)), _side(_tree(right)), str(op))


def _tree(node: Token | Tree[Token]) -> Tree[Token]:
    """A node the grammar makes a subtree (a side, a term), never a bare token."""
    if isinstance(node, str):  # a Token is a str
        raise RelationSyntaxError(f"关系式无法解析: {node!r}")
    return node


def _parse(text: str, start: str) -> Tree[Token]:
    from lark.exceptions import LarkError

    try:
        return _parser().parse(text, start=start)
    except LarkError as exc:
        reason = str(exc).strip().splitlines()[0]
        raise RelationSyntaxError(f"关系式 {text!r} 无法解析: {reason}") from None


def _side(side: Tree[Token]) -> tuple[Term, ...]:
    terms: list[Term] = []
    sign = 1
    for child in side.children:
        if getattr(child, "type", None) == "SIGN":
            sign = 1 if child == "+" else -1
            continue
        term = _tree(child)
        terms.append(Term(sign, str(term.data), str(term.children[0])))
        sign = 1
    return tuple(terms)


def constant(term: Term) -> Decimal:
    return Decimal(term.name)
