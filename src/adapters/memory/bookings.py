"""In-memory bookings, their history, and idempotency keys.

The repository enforces the same rule as PostgreSQL's exclusion constraint
``ex_bookings_artist_blocked``: no two *pending or confirmed* bookings of one artist have
overlapping blocked time (a pending booking counts whether or not its hold has run out:
the use cases expire stale holds before writing). Units of work run one at a time, so this
check-then-write holds under concurrency as the constraint does.

A booking's write carries what was recorded for its change (its outbox event and audit
entry, held by the unit of work until then), as PostgreSQL's statement does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from adapters.memory.audit import InMemoryAuditTrail
from adapters.memory.outbox import InMemoryOutbox
from adapters.memory.store import StagedTable, TableRepository
from booking_domain.accounts import User, UserRepository
from booking_domain.bookings import (
    Booking,
    BookingNames,
    BookingReferenceTakenError,
    BookingStatus,
    Client,
    HistoryEntry,
    NamedBooking,
    SlotTakenError,
    TouchUpTakenError,
    booking_subject,
)
from booking_domain.bookings.ports import (
    BookingFilter,
    BookingRepository,
    ClientRepository,
    IdempotencyRecord,
    IdempotencyRepository,
)
from booking_domain.catalog.ports import ServiceRepository
from booking_domain.shared import (
    ArtistId,
    BookingId,
    ConcurrentUpdateError,
    Interval,
    Page,
    PageRequest,
    UserId,
)
from booking_domain.shared.audit import AuditEntry
from booking_domain.shared.outbox import OutboxEvent

# What the exclusion constraint calls active: its WHERE clause.
HOLDING = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})

HistoryKey = tuple[BookingId, int]


def _matches(booking: Booking, where: BookingFilter) -> bool:
    return (
        (where.customer_id is None or booking.customer_id == where.customer_id)
        and (where.client_id is None or booking.client_id == where.client_id)
        and (where.artist_user_id is None or booking.artist_user_id == where.artist_user_id)
        and (where.artist_id is None or booking.artist_id == where.artist_id)
        and (not where.statuses or booking.status in where.statuses)
        and (where.starts_from is None or booking.start >= where.starts_from)
        and (where.starts_before is None or booking.start < where.starts_before)
        and (not where.payment_statuses or booking.payment_status in where.payment_statuses)
    )


@dataclass(frozen=True, slots=True)
class NameSources:
    """Where a booking's names are read from (the unit of work's repositories, so its own
    staged writes are seen), as PostgreSQL joins the tables."""

    users: UserRepository
    clients: ClientRepository
    services: ServiceRepository

    async def names(self, booking: Booking) -> BookingNames:
        person: User | Client | None = None
        if booking.customer_id is not None:
            person = await self.users.get(booking.customer_id)
        elif booking.client_id is not None:
            person = await self.clients.get(booking.client_id)
        service = await self.services.get(booking.service_id)
        return BookingNames(
            customer=None if person is None else person.name,
            service=None if service is None else service.name,
            phone=None if person is None else person.phone,
        )


class InMemoryBookingRepository(BookingRepository):
    def __init__(
        self,
        bookings: StagedTable[BookingId, Booking],
        history: StagedTable[HistoryKey, HistoryEntry],
        outbox: InMemoryOutbox,
        audit: InMemoryAuditTrail,
        names: NameSources,
    ) -> None:
        self._rows = bookings
        self._history = history
        self._outbox = outbox
        self._audit = audit
        self._names = names

    async def hold_calendar(self, artist_id: ArtistId) -> None:
        """Nothing to do: in-memory units of work that write already run one at a time."""

    def _holding(self, artist_id: ArtistId, span: Interval) -> list[Booking]:
        return [
            b
            for b in self._rows.values()
            if b.artist_id == artist_id and b.status in HOLDING and b.blocked.overlaps(span)
        ]

    def _check_free(self, booking: Booking) -> None:
        if booking.status not in HOLDING:
            return
        if any(b.id != booking.id for b in self._holding(booking.artist_id, booking.blocked)):
            raise SlotTakenError()

    async def add(self, booking: Booking, entry: HistoryEntry) -> None:
        carried = self._carried(booking)  # taken first, as PostgreSQL's statement takes them
        if self._rows.get(booking.id) is not None:
            raise ConcurrentUpdateError("This booking already exists.")
        if any(b.reference == booking.reference for b in self._rows.values()):
            raise BookingReferenceTakenError()  # the unique index on bookings.reference
        self._check_touch_up(booking)
        self._check_free(booking)
        self._log(booking, entry, carried)

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Booking | None:
        return self._rows.get(booking_id)

    async def get_by_reference(self, reference: str) -> Booking | None:
        return next((b for b in self._rows.values() if b.reference == reference), None)

    async def save(self, booking: Booking, entry: HistoryEntry) -> None:
        carried = self._carried(booking)
        stored = self._rows.get(booking.id)
        if stored is None or stored.version != entry.version - 1:
            raise ConcurrentUpdateError()
        self._check_touch_up(booking)
        self._check_free(booking)
        self._log(booking, entry, carried)

    def _carried(self, booking: Booking) -> tuple[OutboxEvent | None, AuditEntry | None]:
        """What the unit of work holds for this booking's change: its write carries it, and
        a refused write drops it."""
        subject = booking_subject(booking.id)
        return self._outbox.carried(subject), self._audit.carried(subject)

    def _log(
        self,
        booking: Booking,
        entry: HistoryEntry,
        carried: tuple[OutboxEvent | None, AuditEntry | None],
    ) -> None:
        event, audited = carried
        self._outbox.write([event] if event is not None else [])
        self._audit.write([audited] if audited is not None else [])
        self._rows.put(booking.id, booking)
        # Kept as PostgreSQL keeps it: a move's old time in its reason, not as a field.
        self._history.put((booking.id, entry.version), replace(entry, moved_from=None))

    async def holding(self, artist_id: ArtistId, span: Interval) -> tuple[Booking, ...]:
        found = self._holding(artist_id, span)
        return tuple(sorted(found, key=lambda b: (b.blocked_start, b.id)))

    async def expired_holds(self, now: datetime, *, limit: int) -> tuple[Booking, ...]:
        stale = sorted(
            (b for b in self._rows.values() if b.hold_expired(now)),
            key=lambda b: (b.hold_expires_at, b.id),
        )
        return tuple(stale[:limit])

    async def history(self, booking_id: BookingId) -> tuple[HistoryEntry, ...]:
        found = [e for e in self._history.values() if e.booking_id == booking_id]
        return tuple(sorted(found, key=lambda e: e.version))

    def _check_touch_up(self, booking: Booking) -> None:
        """The partial unique index on ``bookings.touch_up_of``: one live touch-up each."""
        if booking.touch_up_of is None or booking.status is BookingStatus.CANCELLED:
            return
        live = self._live_touch_up(booking.touch_up_of)
        if live is not None and live.id != booking.id:
            raise TouchUpTakenError()

    def _live_touch_up(self, original_id: BookingId) -> Booking | None:
        return next(
            (
                b
                for b in self._rows.values()
                if b.touch_up_of == original_id and b.status is not BookingStatus.CANCELLED
            ),
            None,
        )

    async def touch_up_of(self, original_id: BookingId) -> Booking | None:
        return self._live_touch_up(original_id)

    async def list(self, where: BookingFilter, page: PageRequest) -> Page[Booking]:
        matching = sorted(
            (b for b in self._rows.values() if _matches(b, where)),
            key=lambda b: (b.start, b.id),
            reverse=not where.soonest_first,
        )
        chunk = matching[page.offset : page.offset + page.page_size]
        return Page.counted(tuple(chunk), len(matching), page)

    async def list_named(self, where: BookingFilter, page: PageRequest) -> Page[NamedBooking]:
        listed = await self.list(where, page)
        named = [NamedBooking(b, await self._names.names(b)) for b in listed.items]
        return Page(tuple(named), listed.total, listed.request, listed.total_exact)

    async def list_named_upto(self, where: BookingFilter, limit: int) -> tuple[NamedBooking, ...]:
        matching = sorted(
            (b for b in self._rows.values() if _matches(b, where)),
            key=lambda b: (b.start, b.id),
            reverse=not where.soonest_first,
        )
        return tuple([NamedBooking(b, await self._names.names(b)) for b in matching[:limit]])

    async def get_named(self, booking_id: BookingId) -> NamedBooking | None:
        booking = self._rows.get(booking_id)
        return None if booking is None else NamedBooking(booking, await self._names.names(booking))


class InMemoryIdempotencyRepository(
    TableRepository[tuple[UserId, str], IdempotencyRecord], IdempotencyRepository
):
    async def get(self, user_id: UserId, key: str, now: datetime) -> IdempotencyRecord | None:
        record = self._rows.get((user_id, key))
        return record if record is not None and record.expires_at > now else None

    async def claim(self, record: IdempotencyRecord, now: datetime) -> IdempotencyRecord | None:
        holder = await self.get(record.user_id, record.key, now)
        if holder is not None:
            return holder
        self._rows.put((record.user_id, record.key), record)
        return None

    async def purge_expired(self, now: datetime, *, limit: int) -> int:
        gone = sorted((r for r in self._rows.values() if r.expires_at <= now), key=_expiry)
        for record in gone[:limit]:
            self._rows.delete((record.user_id, record.key))
        return min(len(gone), limit)


def _expiry(record: IdempotencyRecord) -> datetime:
    return record.expires_at
