"""Results cross from a batch's workers to its parent pickled. A slotted dataclass pickles by
`dataclasses`' own state functions, which call `fields()` on every object; `by_fields` pickles
it as its class and its field values instead (half the time: a report's results are dozens
of such objects, its findings' rules and their docs and cases among them)."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def by_fields(cls: type[T]) -> type[T]:
    """Class decorator (above @dataclass): pickle instances as `cls(*field values)`."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    values = attrgetter(*names, names[0])  # one more name: always a tuple, then cut

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        return cls, values(self)[:-1]

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls
