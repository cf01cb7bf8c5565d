"""A record behaves as the dataclass it replaces: the same init, repr, equality, hash, replace
and pickling, for the options gxlint uses (gxlint/records.py)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import ClassVar

import pytest

from gxlint import records
from gxlint.records import field, fields, record, replace


def _pair(**options):
    """The same class body made a dataclass and a record with `options`."""

    def body(field):
        class Point:
            """A point."""

            x: int
            y: str = "a"
            tags: tuple[str, ...] = field(default_factory=tuple)
            seen: int = field(default=0, repr=False, compare=False)

        return Point

    return dataclasses.dataclass(**options)(body(dataclasses.field)), record(**options)(
        body(records.field)
    )


OPTIONS = [
    {},
    {"frozen": True},
    {"frozen": True, "slots": True},
    {"slots": True, "kw_only": True},
    {"frozen": True, "eq": False},
]


@pytest.mark.parametrize("options", OPTIONS)
def test_a_record_is_made_compared_shown_and_hashed_as_its_dataclass(options) -> None:
    made, made_record = _pair(**options)
    values = {"x": 1, "y": "b", "tags": ("t",), "seen": 5}
    one, two = made(**values), made_record(**values)
    assert repr(two) == repr(one)  # Point(x=1, y='b', tags=('t',)): `seen` not shown
    assert (two == made_record(**{**values, "seen": 9})) == (one == made(**{**values, "seen": 9}))
    assert (two == made_record(**{**values, "x": 2})) is False
    assert two.__eq__(object()) is NotImplemented if options.get("eq", True) else True
    if made.__hash__ is None:
        assert made_record.__hash__ is None  # mutable and compared: unhashable, as a dataclass
    elif options.get("eq", True):
        assert hash(two) == hash(one)
    assert [f.name for f in fields(two)] == [f.name for f in dataclasses.fields(one)]
    assert made_record.__match_args__ == made.__match_args__  # `case Point(x, y)` reads them
    assert repr(replace(two, y="c")) == repr(made_record(**{**values, "y": "c"}))
    assert repr(made_record(x=0)) == repr(made(x=0))  # the defaults and the factory's


@pytest.mark.parametrize("options", OPTIONS)
def test_a_record_pickles_and_copies_as_its_fields(options) -> None:
    _, made_record = _pair(**options)
    globals()["Point"] = made_record  # pickled by reference: the class must be found by name
    made_record.__qualname__ = "Point"
    try:
        point = made_record(x=3, tags=(["a"], "b"), seen=7)
        back = pickle.loads(pickle.dumps(point, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(back) is made_record
        assert (back.x, back.y, back.tags, back.seen) == (3, "a", (["a"], "b"), 7)
        deep = copy.deepcopy(point)
        assert deep.tags == point.tags and deep.tags[0] is not point.tags[0]
    finally:
        del globals()["Point"]


def test_a_method_the_class_writes_itself_is_kept() -> None:
    @record(frozen=True)
    class Named:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    assert repr(Named("a")) == "<a>"
    assert Named("a") == Named("a") and len({Named("a"), Named("a")}) == 1


def test_a_subclass_compares_its_own_fields_and_never_equals_its_base() -> None:
    @record(frozen=True, kw_only=True)
    class Base:
        a: int = 0

    @record(frozen=True, kw_only=True)
    class Derived(Base):
        b: int = 0

    @record(frozen=True, kw_only=True)
    class Again(Derived):
        a: int = 5  # declared again: its first place, its new default

    assert [f.name for f in fields(Again)] == ["a", "b"] and Again().a == 5
    assert Derived(a=1, b=2) != Derived(a=1, b=3)
    assert Derived(a=1, b=0) != Base(a=1)
    assert repr(Derived(a=1, b=2)).endswith(".<locals>.Derived(a=1, b=2)")  # its qualname
    with pytest.raises(TypeError):
        Derived(1, 2)  # type: ignore[misc]  # keyword-only, as declared


def test_a_derived_field_and_post_init_are_made_as_a_dataclass_makes_them() -> None:
    @record(frozen=True, slots=True)
    class Squared:
        n: int
        square: int = field(init=False, repr=False)
        later: list[int] = field(init=False, default_factory=list)

        def __post_init__(self) -> None:
            object.__setattr__(self, "square", self.n * self.n)

    made = Squared(3)
    assert (made.square, made.later) == (9, []) and Squared(3).later is not made.later
    assert repr(made).endswith("Squared(n=3, later=[])")
    with pytest.raises(ValueError, match="init=False"):
        replace(made, square=1)
    assert not hasattr(made, "__dict__")  # slotted


def test_a_class_declared_as_no_dataclass_would_be_is_refused() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        @record
        class Wrong:
            a: int = 0
            b: int  # type: ignore[misc]

    with pytest.raises(ValueError, match="both default and default_factory"):
        field(default=0, default_factory=int)

    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Shared:
            items: list[int] = []  # noqa: RUF012 - the mistake refused


def test_a_class_variable_is_no_field() -> None:
    @record(frozen=True)
    class Counted:
        limit: ClassVar[int] = 3
        n: int = 0

    assert [f.name for f in fields(Counted)] == ["n"] and Counted.limit == 3
    assert repr(Counted(1)).endswith("Counted(n=1)")
