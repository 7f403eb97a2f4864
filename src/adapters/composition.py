"""Composing a unit of work from the storage parts of the contexts a deployment serves.

A part is a subclass of a backend's unit of work (``adapters.<backend>.parts.<context>``)
holding its context's repositories as ``cached_property``\\ s, with the parts it includes.
:func:`compose` flattens the parts into one class beside the base, once, when the adapters
are made: a request then builds one plain instance of it, as cheap as a hand-written class,
and its repositories are still made on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar, cast

B = TypeVar("B")


def compose(base: type[B], parts: Iterable[type[B]]) -> type[B]:
    """``base`` with every repository of ``parts`` (and of the parts they include).

    The same name from two parts must be the same object (a part met through two others);
    two different objects under one name are two contexts claiming one repository, a
    ``TypeError``.
    """
    namespace: dict[str, object] = {"__module__": base.__module__, "__doc__": base.__doc__}
    for part in parts:
        for cls in part.__mro__:
            if cls in base.__mro__:
                continue
            for name, value in vars(cls).items():
                if name.startswith("__"):
                    continue
                if namespace.setdefault(name, value) is not value:
                    raise TypeError(f"{name} is served by two storage parts ({cls.__name__})")
    return cast(type[B], type(base.__name__, (base,), namespace))
