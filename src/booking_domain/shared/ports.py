"""Ports every context shares: the unit of work's transaction semantics, the outbox, and
health.

Each context's ``ports`` module declares the narrow unit of work its use cases need: this
base plus its own repositories as read-only properties. The adapters' units of work serve
every context at once, and strict mypy checks that they do (they subclass each port).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self, TypeVar, runtime_checkable

from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import OutboxEvent


class UnitOfWork(Protocol):
    """One transaction (unless opened read-only: see the factories). ``async with uow:``
    opens it; ``commit()`` makes it durable; leaving the block without a commit rolls it
    back. Repositories are reachable only inside the block; nothing they write is visible
    to anyone else until ``commit()``."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class Savepoints(Protocol):
    """A part of a unit of work that may fail alone (a unit of work that has it names it
    in its port: the waitlist's reader handles each freed time in one)."""

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """``async with uow.savepoint():``: when the block raises, everything it wrote and
        recorded (outbox events, audit entries) is undone and the error goes on (a storage
        failure as its domain error), while the unit of work stays as it was before the
        block and may go on and commit. A block that ends normally is part of the unit of
        work like any other write: committed with it or rolled back with it."""
        ...


U_co = TypeVar("U_co", bound=UnitOfWork, covariant=True)


class UnitOfWorkFactory(Protocol[U_co]):
    """Opens units of work: each context's port is this over its own unit of work
    (``AccountsUnitOfWorkFactory = UnitOfWorkFactory[AccountsUnitOfWork]``), and an adapter
    that opens a unit of work serving every context's port serves every context's factory."""

    def __call__(self, *, read_only: bool = False, may_lag: bool = False) -> U_co:
        """A new unit of work: one transaction, or with ``read_only=True`` a promise of no
        writes and no commit, which lets an adapter skip the transaction (each query then
        sees its own consistent snapshot).

        ``may_lag=True`` (with ``read_only``) says the reader accepts a view of the data up
        to the deployment's staleness bound old (``booking_domain.shared.freshness``): an
        adapter may then answer from a copy that trails the primary (a read replica) while
        it is within that bound. Without it, every read sees every committed change."""
        ...


class Outbox(Protocol):
    """Where a unit of work records the events of its changes. Every use case records its
    events here itself, in the unit of work of the change (a booking's through
    ``bookings.record_change``): visible to readers of the feed only once committed, gone
    with a rollback, and in the order they were recorded."""

    async def record(self, event: OutboxEvent) -> None:
        """Record ``event`` for this unit of work. An adapter may hold it until the write of
        the change it describes (which may carry it in its own statement: record a change's
        event before writing the change) or until ``commit()``; a change that fails takes
        its event with it, in an autocommit unit too. ``ConcurrentUpdateError`` (here or at
        ``commit()``) when the subject already has an event with this sequence (another
        change of the subject committed first)."""
        ...

    async def next_sequence(self, subject: str) -> int:
        """1 + the highest sequence recorded for the subject, in this unit of work too (for
        subjects that keep no version of their own)."""
        ...


class HasOutbox(Protocol):
    @property
    def outbox(self) -> Outbox: ...


@dataclass(frozen=True, slots=True)
class FeedItem:
    """An event with its place in the feed. ``cursor`` is opaque: pass it back to read on."""

    cursor: str
    event: OutboxEvent


@dataclass(frozen=True, slots=True)
class FeedScan:
    """What ``OutboxFeed.scan`` looked at: the events of the types asked for, in feed order,
    and the cursor of the last event looked at, of whatever type (None: nothing lies after
    the cursor given), with how many were looked at."""

    items: Sequence[FeedItem]
    reached: str | None
    looked: int


class OutboxFeed(Protocol):
    """Committed events in one total order that never changes once read: an event that
    commits later never lands before a cursor already handed out. Events of one subject
    come in sequence order."""

    async def read(
        self,
        after: str | None,
        *,
        limit: int,
        for_user: UserId | None = None,
        types: frozenset[str] | None = None,
    ) -> Sequence[FeedItem]:
        """Up to ``limit`` events after the cursor (from the start of what is kept when
        ``after`` is None), only those whose audience names ``for_user`` when it is given,
        and only those of ``types`` when they are given (chosen by the storage, so a reader
        of a few types is not handed every event; ``ValueError`` when both are given).
        Raises ``InvalidCursorError`` for a cursor this feed never made. Cursors are
        fixed-width strings that sort in feed order."""
        ...

    async def scan(self, after: str | None, *, types: Collection[str], limit: int) -> FeedScan:
        """Look at up to ``limit`` events after the cursor, of every type, and hand back
        only those whose type is in ``types`` (storage picks them out: the others are never
        read), with the cursor of the last event looked at: a follower of a few types moves
        past the rest at the cost of an index scan, and one that is up to date pays one
        index lookup. Raises ``InvalidCursorError`` as ``read`` does."""
        ...

    async def tail(self) -> str | None:
        """The cursor of the newest event a reader may see now (None when there is none):
        where a new reader starts to hear only what comes next."""
        ...

    async def forget_before(self, moment: datetime, *, limit: int) -> int:
        """Stop keeping up to ``limit`` events recorded before ``moment``, oldest first,
        except each subject's newest (it numbers the next); return how many. Cursors handed
        out stay valid."""
        ...


Publish = Callable[[FeedItem], Awaitable[None]]
Listening = Callable[[], bool]


class OutboxRelay(Protocol):
    """Pushes committed events to listeners in this process as they commit."""

    async def run(self, publish: Publish, *, listening: Listening | None = None) -> None:
        """Call ``publish`` with every event committed after the relay started, in feed order,
        once each, until cancelled. Outlives outages of the store: it waits, reconnects, and
        goes on from where it stopped.

        ``listening``: whether anyone in this process listens now. While nobody does, a
        relay may move past events without reading them; it asks after taking the feed's
        tail, so a listener that subscribed before the answer hears every event committed
        after its subscription."""
        ...


@runtime_checkable  # the HTTP layer checks what it is handed against this
class HealthProbe(Protocol):
    async def check(self) -> None:
        """Return when the backing store answers; raise ``ServiceUnavailableError`` if not."""
        ...


@dataclass(frozen=True, slots=True)
class PoolFigures:
    """This process's connections to the store: open, idle, and requests waiting for one."""

    size: int
    idle: int
    waiting: int
    limit: int


@dataclass(frozen=True, slots=True)
class OperationsFigures:
    """What operators watch, read from the store when asked (so every process and every
    restart agrees): bookings by status, received payments by outcome, refunds by status,
    and background jobs by (queue, status)."""

    bookings: Mapping[str, int]
    payments: Mapping[str, int]
    refunds: Mapping[str, int]
    jobs: Mapping[tuple[str, str], int]


@runtime_checkable  # the HTTP layer checks what it is handed against this
class OperationsReadout(Protocol):
    async def figures(self) -> OperationsFigures: ...

    def pool(self) -> PoolFigures | None:
        """This process's connection pool now (None where there is no pool)."""
        ...
