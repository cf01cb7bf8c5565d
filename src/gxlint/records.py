"""`record`: gxlint's dataclasses, made for a quarter of `dataclasses`' start-up cost.

For each class, `dataclasses` writes the source of five or six methods (`__init__`, `__repr__`,
`__eq__`, `__hash__`, a frozen class's `__setattr__` and `__delattr__`) and compiles each, and
importing it imports `inspect` (and `ast`, `dis`, `tokenize`): for gxlint's 72 classes, 31 ms and
5 ms of imports, a third of a one-report run. Records take 7 ms. A record compiles only its
`__init__`, from a short source (its fields set as plain attributes); the other methods
are shared functions that read the class's fields and give what the written ones would: the same
repr, equality and hash. `field`, `fields`, `replace` and `MISSING` are `dataclasses`' own, for the
options gxlint uses (tests/test_records.py holds them to `dataclasses`' behaviour).

`frozen` is kept by the type checker (mypy refuses an assignment to a frozen record's field), not
at run time: a frozen record is hashable by its fields, and never assigned to in gxlint's code.
A record pickles as its class and its fields' values (a batch's results cross from its workers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar, dataclass_transform, overload

T = TypeVar("T")
Values = Callable[[Any], tuple[Any, ...]]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # no default given
_NO_METADATA: Mapping[str, Any] = MappingProxyType({})


class Field:
    """One field of a record, as `dataclasses.Field`: its name and how it is made and shown."""

    __slots__ = (
        "compare",
        "default",
        "default_factory",
        "init",
        "kw_only",
        "metadata",
        "name",
        "repr",
    )

    def __init__(
        self,
        default: Any,
        default_factory: Any,
        init: bool,
        repr: bool,
        compare: bool,
        metadata: Mapping[str, Any] | None,
    ) -> None:
        self.name = ""
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare
        self.metadata = MappingProxyType(dict(metadata)) if metadata else _NO_METADATA
        self.kw_only = False

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
    metadata: Mapping[str, Any] | None = None,
) -> Any:
    """A field with a default, a default factory, or left out of `__init__`, repr or equality."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare, metadata)


class _Shape(NamedTuple):
    """A record class's fields, as its shared methods read them."""

    fields: tuple[Field, ...]  # every field, in order (a base class's first)
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


@dataclass_transform(field_specifiers=(field, Field))
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
        every = _fields(cls, kw_only)
        if slots:
            cls = _slotted(cls, every)
        else:  # a default stays a class attribute, as dataclasses leaves it
            for one in every:
                _class_default(cls, one)
        shown = tuple(f.name for f in every if f.repr)
        compared = _values(tuple(f.name for f in every if f.compare))
        names = tuple(f.name for f in every)
        cls.__record__ = _Shape(every, _values(names), shown, compared, frozen)  # type: ignore[attr-defined]
        methods: dict[str, Any] = {"__init__": _init(cls, every), "__repr__": _repr}
        methods |= {"__reduce__": _reduce, "__match_args__": _match_args(every)}
        if eq:
            methods |= {"__eq__": _eq, "__hash__": _hash if frozen else None}
        for name, method in methods.items():
            if name not in vars(cls):  # one the class writes itself is kept, as dataclass does
                setattr(cls, name, method)
        return cls

    return made if cls is None else made(cls)


def fields(item: Any) -> tuple[Field, ...]:
    """The fields of a record or of a record class, in order."""
    shape = getattr(item, "__record__", None)
    if shape is None:
        raise TypeError("must be called with a record type or instance")
    return shape.fields


def astuple(obj: Any) -> tuple[Any, ...]:
    """The values of a record's fields, in order (not copied, as dataclasses.astuple's are)."""
    return obj.__record__.every(obj)


def is_record(item: Any) -> bool:
    """Whether `item` is a record class or a record."""
    return hasattr(item, "__record__")


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with `changes` (its `__init__` run again, as dataclasses')."""
    for one in fields(obj):
        if not one.init:
            if one.name in changes:
                raise ValueError(f"field {one.name} is declared with init=False")
        elif one.name not in changes:
            changes[one.name] = getattr(obj, one.name)
    return obj.__class__(**changes)


def _fields(cls: type, kw_only: bool) -> tuple[Field, ...]:
    """The fields of the record classes `cls` derives from, then its own, by name: a field
    declared again keeps its first place and takes its last declaration (as dataclasses)."""
    found: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        shape = base.__dict__.get("__record__")
        if shape is not None:
            found |= {f.name: f for f in shape.fields}
    found |= {f.name: f for f in _declared(cls, kw_only)}
    return tuple(found.values())


def _declared(cls: type, kw_only: bool) -> list[Field]:
    """The fields the class body declares: its annotations, but ClassVars."""
    declared = []
    annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - inspect: slow import
    for name, annotation in annotations.items():
        if isinstance(annotation, str) and annotation.startswith(("ClassVar", "typing.ClassVar")):
            continue
        given = cls.__dict__.get(name, MISSING)
        one = given if isinstance(given, Field) else field(default=given)
        one.name, one.kw_only = name, kw_only
        if isinstance(one.default, list | dict | set):
            raise ValueError(f"mutable default {type(one.default)} for field {name}")
        declared.append(one)
    return declared


def _class_default(cls: type, one: Field) -> None:
    if isinstance(cls.__dict__.get(one.name), Field):
        if one.default is MISSING:
            delattr(cls, one.name)
        else:
            setattr(cls, one.name, one.default)


def _slotted(cls: type[T], every: tuple[Field, ...]) -> type[T]:
    """`cls` made again with a slot for each of its own fields (no instance dictionary)."""
    inherited = {s for base in cls.__mro__[1:-1] for s in base.__dict__.get("__slots__", ())}
    namespace = dict(cls.__dict__)
    namespace["__slots__"] = tuple(f.name for f in every if f.name not in inherited)
    for name in (*(f.name for f in every), "__dict__", "__weakref__"):
        namespace.pop(name, None)
    metaclass: Any = type(cls)
    made: type[T] = metaclass(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made


_FACTORY = object()  # an __init__ argument's default when its field has a default factory


def _init(cls: type, every: tuple[Field, ...]) -> Callable[..., None]:
    """The class's `__init__`: its fields as arguments (keyword-only ones last), then set."""
    names: dict[str, Any] = {"_FACTORY": _FACTORY}
    arguments: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    for number, one in enumerate(every):
        default, factory = f"_d{number}", f"_f{number}"
        names[default], names[factory] = one.default, one.default_factory
        from_factory = one.default_factory is not MISSING
        if one.init:
            given = f"={default}" if one.default is not MISSING else ""
            (keywords if one.kw_only else arguments).append(
                one.name + ("=_FACTORY" if from_factory else given)
            )
            value = one.name
            if from_factory:
                value = f"{factory}() if {one.name} is _FACTORY else {one.name}"
        elif from_factory:
            value = f"{factory}()"
        elif one.default is not MISSING:
            value = default
        else:
            continue  # no value: __post_init__ sets it, as with dataclasses
        body.append(f" self.{one.name} = {value}")
    _check_order(cls, arguments)
    if hasattr(cls, "__post_init__"):
        body.append(" self.__post_init__()")
    signature = ", ".join(["self", *arguments, *(["*", *keywords] if keywords else [])])
    source = f"def __init__({signature}):\n" + ("\n".join(body) or " pass") + "\n"
    exec(source, names)  # the source is made here, of field names only
    init: Callable[..., None] = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _check_order(cls: type, arguments: list[str]) -> None:
    defaults = ["=" in argument for argument in arguments]
    if defaults != sorted(defaults):  # a positional argument with a default, then one without
        raise TypeError(f"{cls.__name__}: a field without a default follows one with a default")


def _match_args(every: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in every if f.init and not f.kw_only)


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
    for one, value in zip(cls.__record__.fields, values, strict=True):  # type: ignore[attr-defined]
        object.__setattr__(obj, one.name, value)
    return obj
