"""A context's background work: the ``WORK`` of ``entrypoints.worker.<context>``.

A context that has background work declares it in its own module, found through the
registry by the context's name (``entrypoints.contexts``), as its HTTP routes are:

- ``jobs``: the tasks its adapters queue (``Job``: name, queue, retries);
- ``periodic``: its tasks on a schedule (``Periodic``);
- ``steps``: its part of a periodic round several contexts share (``Step`` of a ``Round``
  of ``entrypoints.worker.rounds``: expiring holds, purging what is kept no longer);
- ``followers``: what follows the outbox beside the queue (``Follower``).

Each is written against the context's own bundle only (``Work(<Context>UseCases, ...)``):
strict mypy refuses a declaration that takes another bundle, and ``context_work`` refuses a
module that declares the work of another context than its name's. The worker binds each to
that bundle (``entrypoints.worker.tasks``, ``entrypoints.worker.runner``).

A task's name is stored (in the jobs waiting, and in procrastinate's periodic table): never
rename one.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Concatenate, Generic, TypeVar

from procrastinate.retry import BaseRetryStrategy

from booking_domain.shared.use_case import UseCaseBundle
from entrypoints.contexts import registered
from entrypoints.settings import Settings

B = TypeVar("B", bound=UseCaseBundle[Any])
# A cron line (five fields, six with seconds last), or where the settings give it.
Cron = str | Callable[[Settings], str]
# Seconds between a follower's looks at the outbox when what it makes is awaited at once (a
# webhook, a notification): an idle look is one index read.
DISPATCH_EVERY = 0.1


class WorkError(Exception):
    """A worker module that declares what is not its context's work."""


@dataclass(frozen=True, slots=True)
class Job(Generic[B]):
    """A task the context's adapters queue: ``run(bundle, **the job's arguments)``, on
    ``queue``, retried by ``retry`` (never, without one)."""

    name: str  # without the ``inkslot:`` namespace
    run: Callable[Concatenate[B, ...], Awaitable[object]]
    queue: str
    retry: BaseRetryStrategy | None = None


@dataclass(frozen=True, slots=True)
class Periodic(Generic[B]):
    """A task deferred on ``cron``: ``run(bundle, timestamp)``. Like every periodic task it
    never retries (the next tick is the retry) and carries a queueing lock, so a slow tick
    never piles up behind itself (``entrypoints.worker.tasks``)."""

    name: str
    run: Callable[[B, int], Awaitable[int]]
    cron: Cron


@dataclass(frozen=True, slots=True)
class Round:
    """A periodic task several contexts take part in: its steps, in the registry's order.
    When a step says what it did (``Step.told``), the round logs what its steps did unless
    they all did nothing."""

    name: str
    cron: Cron


@dataclass(frozen=True, slots=True)
class Step(Generic[B]):
    """The context's part of ``round``: ``run(bundle)`` answers how many rows it acted on.
    ``told``: its part of the round's log line (``"expired %d holds"``)."""

    round: Round
    run: Callable[[B], Awaitable[int]]
    told: str | None = None


@dataclass(frozen=True, slots=True)
class Follower(Generic[B]):
    """A follower of the outbox: ``step(bundle)`` every ``every`` seconds, in every worker
    (one at a time across workers: the others find its position taken). ``what``: the words
    of its failure's log line."""

    what: str
    step: Callable[[B], Awaitable[int]]
    every: float = DISPATCH_EVERY


@dataclass(frozen=True, slots=True)
class Work(Generic[B]):
    """What runs in the background for one context, all of it on ``bundle``."""

    bundle: type[B]
    jobs: Sequence[Job[B]] = ()
    periodic: Sequence[Periodic[B]] = ()
    steps: Sequence[Step[B]] = ()
    followers: Sequence[Follower[B]] = ()


def context_work(package: str = __package__ or "") -> Iterator[tuple[str, Work[Any]]]:
    """Every registered context's ``WORK`` (``<package>.<name>``) with the context's name, in
    the registry's order; a context with no background work has no such module. A module
    whose work is another bundle's than its context's is refused. ``package``: for tests."""
    for entry in registered():
        path = f"{package}.{entry.name}"
        try:
            module = import_module(path)
        except ModuleNotFoundError as missing:
            if missing.name != path:  # the module is there; something it imports is not
                raise
            continue
        work: Work[Any] = module.WORK
        if work.bundle is not entry.bundle:
            raise WorkError(
                f"{path} declares work on {work.bundle.__name__};"
                f" the context {entry.name} is {entry.bundle.__name__}"
            )
        yield entry.name, work
