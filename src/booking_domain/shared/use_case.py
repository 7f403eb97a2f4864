"""The two shapes every context's application layer takes: a use case, and the bundle of a
context's use cases that the composition root builds.

A use case is one class, built once with its context's collaborators (``deps``: a frozen
dataclass of ports and settings) and then called with a command object or keyword arguments;
it returns a domain value (docs/architecture.md, rule 2, gives the shape of its
body).

A bundle is a frozen dataclass whose fields are the context's use cases: ``build(deps)``
makes each from its annotated class, so adding a use case to a context is one field.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Generic, Self, TypeVar, get_type_hints

D = TypeVar("D")


class UseCase(Generic[D]):
    def __init__(self, deps: D) -> None:
        self._deps = deps


class UseCaseBundle(Generic[D]):
    @classmethod
    def build(cls, deps: D) -> Self:
        """Every field's use case, made with ``deps``."""
        made: dict[str, Any] = {name: kind(deps) for name, kind in get_type_hints(cls).items()}
        return cls(**made)


async def in_batches(one_batch: Callable[[int], Awaitable[tuple[int, bool]]], size: int) -> int:
    """Run ``one_batch(size)`` (which answers what it made and whether more may be waiting)
    until it says nothing more waits; return what all the batches made. The shape of every
    follower of the outbox's feed (webhook dispatch, notification planning)."""
    made, more = 0, True
    while more:
        batch, more = await one_batch(size)
        made += batch
    return made
