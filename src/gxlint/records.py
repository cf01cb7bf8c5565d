"""`record`: a dataclass made for a fifth of the start-up cost, with the options gxlint uses.

For each class, `dataclasses` writes the source of five or six methods (`__init__`, `__repr__`,
`__eq__`, `__hash__`, a frozen class's `__setattr__` and `__delattr__`) and compiles each: for
gxlint's 72 classes that was a quarter of a one-report run. A record has `dataclasses` write only
its `__init__`; the other methods are shared functions that read the class's field names, and
give what the written ones give (the same `repr`, equality, hash and `replace`). A record is still
a dataclass: `dataclasses.fields`, `replace` and `is_dataclass` work on it.

`frozen` is kept by the type checker (mypy refuses an assignment to a frozen record's field), not
at run time: a frozen record is hashable by its fields, and never assigned to in gxlint's code.
A record pickles as its class and its fields' values (not by `dataclasses`' state functions,
which call `fields()` for every object: a batch's results cross from its workers pickled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

T = TypeVar("T")
Values = Callable[[Any], tuple[Any, ...]]


class _Shape(NamedTuple):
    """A record class's fields, as its shared methods read them."""

    names: tuple[str, ...]  # every field, in order
    every: Values  # an object's values of them
    shown: tuple[str, ...]  # the fields its repr shows
    compared: Values  # an object's values of the fields compared and hashed
    frozen: bool  # declared frozen (so checked by mypy)


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(
    *, frozen: bool = False, slots: bool = False, kw_only: bool = False, eq: bool = True
) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def record(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = False,
    slots: bool = False,
    kw_only: bool = False,
    eq: bool = True,
) -> type[T] | Callable[[type[T]], type[T]]:
    """`@dataclass` with these options, as a record (see above)."""

    def made(cls: type[T]) -> type[T]:
        cls = dataclass(cls, repr=False, eq=False, slots=slots, kw_only=kw_only)
        every = fields(cls)  # type: ignore[arg-type]
        names = tuple(f.name for f in every)
        shown = tuple(f.name for f in every if f.repr)
        compared = _values(tuple(f.name for f in every if f.compare))
        cls.__record__ = _Shape(names, _values(names), shown, compared, frozen)  # type: ignore[attr-defined]
        methods: dict[str, Any] = {"__repr__": _repr, "__reduce__": _reduce}
        if eq:
            methods |= {"__eq__": _eq, "__hash__": _hash if frozen else None}
        for name, method in methods.items():
            if name not in vars(cls):  # one the class writes itself is kept, as dataclass does
                setattr(cls, name, method)
        return cls

    return made if cls is None else made(cls)


def _values(names: tuple[str, ...]) -> Values:
    """A function giving an object's values of `names`, always as a tuple."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is self.__class__:
        compared = self.__record__.compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record__.compared(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record__.shown)
    return f"{self.__class__.__qualname__}({shown})"


def _reduce(self: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    return _rebuilt, (self.__class__, self.__record__.every(self))


def _rebuilt(cls: type[T], values: tuple[Any, ...]) -> T:
    """An object of `cls` with its fields' values, as pickled (`__init__` is not run again)."""
    obj = object.__new__(cls)
    for name, value in zip(cls.__record__.names, values, strict=True):  # type: ignore[attr-defined]
        object.__setattr__(obj, name, value)
    return obj
