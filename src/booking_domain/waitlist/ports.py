"""What the waitlist needs from storage: the entries, the artists' settings, and the
reader's position in the outbox's feed. An offer is a booking, so the waitlist's unit of
work is also the bookings' (an offer is made, accepted or declined in one transaction with
its entry). Every adapter passes the contract suite in ``tests/contract/waitlist``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.bookings import BookingsUnitOfWork
from booking_domain.scheduling import SchedulingUnitOfWork
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import Savepoints, UnitOfWorkFactory
from booking_domain.shared.time import Interval
from booking_domain.waitlist.entries import EntryId, WaitlistEntry
from booking_domain.waitlist.figures import WaitlistFigures
from booking_domain.waitlist.settings import WaitlistSettings


class WaitlistRepository(Protocol):
    async def add(self, entry: WaitlistEntry) -> None:
        """A new entry. Raises ``WaitlistEntryExistsError`` when a live (waiting or offered)
        entry of the same customer for the same service shares a date with it, whatever the
        concurrency (the storage's own check)."""
        ...

    async def get(self, entry_id: EntryId, *, for_update: bool = False) -> WaitlistEntry | None:
        """``for_update`` holds it until the unit of work ends."""
        ...

    async def of_offer(
        self, booking_id: BookingId, *, for_update: bool = False
    ) -> WaitlistEntry | None:
        """The entry whose offer is the booking ``booking_id`` (None: the booking is no
        offer, or its entry is gone)."""
        ...

    async def update(self, entry: WaitlistEntry) -> None:
        """Its status, offer, ``updated_at`` and version; raises ``ConcurrentUpdateError``
        unless the stored version is ``entry.version - 1``."""
        ...

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[WaitlistEntry]:
        """The customer's entries, newest first (ties by id, newest first), exact total."""
        ...

    async def hold_customer(self, customer_id: UserId) -> None:
        """Queue this unit of work behind any other that holds the customer, until it ends:
        their live entries are counted and added under it, so concurrent joins never pass
        the cap together."""
        ...

    async def live_count(self, customer_id: UserId, now: datetime) -> int:
        """How many of the customer's entries are live at ``now``: offered, or waiting with
        a date still to come (one that reads as ``expired`` counts no more)."""
        ...

    async def candidates(
        self, artist_id: ArtistId, span: Interval, now: datetime, *, limit: int
    ) -> tuple[WaitlistEntry, ...]:
        """Up to ``limit`` waiting entries of the artist whose dates' window overlaps
        ``span`` and has not ended by ``now``, first come first served (joined, then id),
        each locked until the unit of work ends."""
        ...

    async def figures(self, artist_id: ArtistId, since: datetime, now: datetime) -> WaitlistFigures:
        """The artist's figures: waiting now, and the offers made from ``since`` to ``now``."""
        ...

    async def remove_of_customer(self, customer_id: UserId) -> int:
        """Delete every entry of the customer (their account's deletion); how many went."""
        ...

    async def remove_of_artist(self, artist_id: ArtistId) -> int:
        """Delete every entry for the artist and their settings (the artist's deletion)."""
        ...


class WaitlistSettingsRepository(Protocol):
    async def get(self, artist_id: ArtistId) -> WaitlistSettings | None:
        """The settings the artist stored (None: never set: the defaults hold)."""
        ...

    async def put(self, settings: WaitlistSettings) -> None:
        """Store them, replacing any before."""
        ...


@dataclass(frozen=True, slots=True)
class ReaderTurn:
    after: str | None  # the feed cursor the reader handled last; None: none yet


class WaitlistFeedPosition(Protocol):
    async def claim(self) -> ReaderTurn | None:
        """Take the reader's turn for this unit of work (None: another reader has it)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Move the position forward to ``cursor`` (``ConflictError`` backwards)."""
        ...


class HasWaitlist(Protocol):
    @property
    def waitlist(self) -> WaitlistRepository: ...

    @property
    def waitlist_settings(self) -> WaitlistSettingsRepository: ...

    @property
    def waitlist_position(self) -> WaitlistFeedPosition: ...


class WaitlistUnitOfWork(
    SchedulingUnitOfWork, BookingsUnitOfWork, HasWaitlist, Savepoints, Protocol
):
    """What waitlist use cases open: the entries beside the bookings (an offer is one),
    everything a booking's creation reads, the catalogue's services (whether one may be
    waited for, read by its key), and savepoints (the reader handles each freed time in
    one, so that one which fails holds up no other)."""


WaitlistUnitOfWorkFactory = UnitOfWorkFactory[WaitlistUnitOfWork]
