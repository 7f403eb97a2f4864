"""Booking use cases: requesting a booking, and the helpers every booking use case shares.

Rules (PRODUCT.md, Booking lifecycle; DESIGN.md, sections 4 and 6):
- a start whose time another active booking holds is a conflict (``slot_taken``, 409),
  whether the domain's check or the storage's constraint notices it first: a client sees
  one answer for "someone got there first"; every other refusal is ``not_bookable`` with
  its reason (422);
- only customers request bookings; the artist must be approved and not suspended and the
  service active and the artist's own, else ``artist_not_bookable`` (the same answer for an
  unknown artist or service, so ids reveal nothing);
- the start is checked by the domain against what the artist offers at ``now``;
- pending bookings whose hold has run out and that overlap the wanted time are expired
  (reason ``expired``) in the same transaction, before the new booking is written, so a stale
  hold never makes the storage's overlap check refuse a free slot;
- a booking reference is a short random code, unique among all bookings: when the one drawn
  is already in use the whole request is tried again with a fresh one (a few times at most);
- an ``Idempotency-Key`` is remembered per customer for 24 h with a fingerprint of the
  request: the same key with the same request returns the booking it created (a *replay*),
  with another request it is refused (``idempotency_key_reused``). Only a created booking is
  remembered: a refused request may be retried under the same key. The key is claimed at
  the start of the transaction, so two concurrent requests with one key create one booking:
  the second waits on the claim, then replays.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booking_domain import lifecycle
from booking_domain.accounts import Actor, Role
from booking_domain.bookings import Booking, request_booking
from booking_domain.errors import (
    ArtistNotBookableError,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    FieldError,
    IdempotencyKeyReusedError,
    InvalidInputError,
    NotBookableError,
    SlotTakenError,
)
from booking_domain.events import BookingEvent
from booking_domain.ids import ArtistId, BookingId, ServiceId, new_booking_reference, new_uuid7
from booking_domain.ports import (
    Clock,
    IdempotencyRecord,
    SchedulingContext,
    UnitOfWork,
    UnitOfWorkFactory,
)
from booking_domain.schedules import NotBookableReason
from booking_domain.slots import Interval, epoch_floor, require_aware

DAY = timedelta(days=1)
MAX_NOTES_LENGTH = 2000
MAX_KEY_LENGTH = 200
# With ~7e8 references, even a million bookings make a clash of one draw about 1 in 700:
# three clashes in a row mean something other than chance.
REFERENCE_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class BookingServices:
    """The collaborators every booking use case needs, wired once by the container."""

    uow: UnitOfWorkFactory
    clock: Clock
    idempotency_ttl: timedelta = timedelta(hours=24)
    new_reference: Callable[[], str] = new_booking_reference


@dataclass(frozen=True, slots=True)
class BookingRequest:
    """What a customer asks for. ``start`` must carry a time zone offset."""

    artist_id: ArtistId
    service_id: ServiceId
    start: datetime
    notes: str = ""
    idempotency_key: str | None = None

    def fingerprint(self) -> str:
        """A digest of the request (not the key): equal for the same booking asked twice,
        whatever offset the start was written with."""
        start = require_aware(self.start, "start").astimezone(UTC).isoformat()
        text = f"{self.artist_id}|{self.service_id}|{start}|{self.notes}"
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class BookingCreated:
    """The booking, and whether it was created earlier under the same Idempotency-Key."""

    booking: Booking
    replayed: bool = False


def context_window(start: datetime) -> Interval:
    """The busy time a check of ``start`` needs: the longest blocked span possible (24 h
    buffer, 24 h session, 24 h buffer) and the whole local date of the start (daily cap)."""
    return Interval(start - DAY, start + 2 * DAY)


@contextmanager
def taken_is_a_conflict() -> Iterator[None]:
    """Turn the domain's ``overlaps`` refusal into ``SlotTakenError`` (see the module rules)."""
    try:
        yield
    except NotBookableError as refused:
        if refused.reason == NotBookableReason.OVERLAPS:
            raise SlotTakenError() from refused
        raise


async def bookable_context(
    uow: UnitOfWork,
    artist_id: ArtistId,
    service_id: ServiceId,
    start: datetime,
    now: datetime,
    *,
    allow_inactive_service: bool = False,
) -> SchedulingContext:
    """The artist's scheduling context, or ``ArtistNotBookableError`` when the artist takes no
    bookings (unknown, not approved, suspended) or the service is unknown, not theirs, or
    (unless allowed: moving an existing booking) inactive."""
    context = await uow.scheduling.context(artist_id, service_id, context_window(start), now)
    if context is None or not context.artist.is_bookable:
        raise ArtistNotBookableError()
    if not (context.service.active or allow_inactive_service):
        raise ArtistNotBookableError("This service is not offered any more.")
    return context


async def expire_stale_holds(
    uow: UnitOfWork,
    artist_id: ArtistId,
    span: Interval,
    now: datetime,
    *,
    skip: BookingId | None = None,
) -> int:
    """Expire the artist's pending bookings overlapping ``span`` whose hold has run out.

    Each one is re-read under a row lock before it changes, so two requests cleaning up the
    same hold do not collide: the second sees it already expired and leaves it.
    """
    expired = 0
    for held in await uow.bookings.holding(artist_id, span):
        if held.id == skip or not held.hold_expired(now):
            continue
        current = await uow.bookings.get(held.id, for_update=True)
        if current is None or not current.hold_expired(now):
            continue
        booking, event = lifecycle.expire_hold(current, now)
        await uow.bookings.save(booking, event)
        expired += 1
    return expired


async def load_visible(
    uow: UnitOfWork, booking_id: BookingId, actor: Actor, *, for_update: bool = False
) -> Booking:
    """The booking if ``actor`` is its customer, its artist or an admin; to anyone else it
    does not exist (``BookingNotFoundError``)."""
    booking = await uow.bookings.get(booking_id, for_update=for_update)
    if booking is None or booking.role_of(actor) is None:
        raise BookingNotFoundError()
    return booking


def _check_request(request: BookingRequest) -> str | None:
    problems = []
    key = request.idempotency_key
    if key is not None and not (
        0 < len(key) <= MAX_KEY_LENGTH and key.isascii() and key.isprintable()
    ):
        problems.append(
            FieldError("Idempotency-Key", f"Use 1 to {MAX_KEY_LENGTH} printable ASCII characters.")
        )
    if len(request.notes) > MAX_NOTES_LENGTH:
        problems.append(FieldError("notes", f"At most {MAX_NOTES_LENGTH} characters.", "too_long"))
    if problems:
        raise InvalidInputError(errors=tuple(problems))
    return key


async def _replay(uow: UnitOfWork, record: IdempotencyRecord, fingerprint: str) -> BookingCreated:
    if record.fingerprint != fingerprint:
        raise IdempotencyKeyReusedError()
    booking = await uow.bookings.get(record.booking_id)
    if booking is None:  # the key's row cascades with its booking; kept as a guard
        raise BookingNotFoundError()
    return BookingCreated(booking, replayed=True)


class CreateBooking:
    """A customer requests a start of an artist's service (see the module rules)."""

    def __init__(self, services: BookingServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor, request: BookingRequest) -> BookingCreated:
        if actor.role is not Role.CUSTOMER:
            raise BookingActionNotAllowedError("Only customers request bookings.")
        start = require_aware(request.start, "start")
        key = _check_request(request)
        for _ in range(REFERENCE_ATTEMPTS - 1):
            try:
                return await self._create(actor, request, start, key)
            except BookingReferenceTakenError:
                continue  # drawn again by the next attempt
        return await self._create(actor, request, start, key)  # the last try raises

    async def _create(
        self, actor: Actor, request: BookingRequest, start: datetime, key: str | None
    ) -> BookingCreated:
        if key is None:
            return BookingCreated(await self._create_unkeyed(actor, request, start))
        async with self._s.uow() as uow:
            now = self._s.clock.now()
            booking_id = self._new_id(now)
            # Claimed first, for the id the booking will have: a concurrent retry waits here
            # until this transaction ends, then replays its booking (or, if this one failed
            # and rolled back, takes the key and tries itself).
            fingerprint = request.fingerprint()
            expires = now + self._s.idempotency_ttl
            record = IdempotencyRecord(actor.user_id, key, fingerprint, booking_id, expires)
            holder = await uow.idempotency.claim(record, now)
            if holder is not None:
                return await _replay(uow, holder, fingerprint)
            context = await bookable_context(uow, request.artist_id, request.service_id, start, now)
            booking, event = self._decide(actor, request, context, now, booking_id)
            await self._write(uow, booking, event, context, now)
            await uow.commit()
        return BookingCreated(booking)

    async def _create_unkeyed(
        self, actor: Actor, request: BookingRequest, start: datetime
    ) -> Booking:
        """Without a key, the check reads outside any transaction and the booking is one
        write of its own: a refusal (the common answer when many chase one slot) costs one
        statement, a creation two. Only when stale holds overlap the wanted time does the
        write need a transaction (expire them, then insert)."""
        async with self._s.uow(autocommit=True) as uow:
            now = self._s.clock.now()
            context = await bookable_context(uow, request.artist_id, request.service_id, start, now)
            booking, event = self._decide(actor, request, context, now, self._new_id(now))
            if not context.has_expired_holds:
                await uow.bookings.add(booking, event)
                return booking
        async with self._s.uow() as uow:
            await self._write(uow, booking, event, context, now)
            await uow.commit()
        return booking

    @staticmethod
    def _new_id(now: datetime) -> BookingId:
        return BookingId(new_uuid7(epoch_floor(now) * 1000))

    def _decide(
        self,
        actor: Actor,
        request: BookingRequest,
        context: SchedulingContext,
        now: datetime,
        booking_id: BookingId,
    ) -> tuple[Booking, BookingEvent]:
        with taken_is_a_conflict():
            return request_booking(
                customer=actor, service=context.service, artist_user_id=context.artist.user_id,
                policy=context.artist.policy, schedule=context.schedule, busy=context.busy,
                start=require_aware(request.start, "start"), now=now, notes=request.notes,
                booking_id=booking_id, reference=self._s.new_reference(),
            )  # fmt: skip

    @staticmethod
    async def _write(
        uow: UnitOfWork,
        booking: Booking,
        event: BookingEvent,
        context: SchedulingContext,
        now: datetime,
    ) -> None:
        """Checked on what was committed a moment ago; a time taken since is refused by the
        storage's constraint. Writers of one artist queue on its calendar (``add`` queues by
        itself; expiring holds first needs the queue for both writes): a losing request
        never holds the queue (a storm of 409s stays parallel), and concurrent inserts of
        overlapping time never wait on each other's unfinished rows (without the queue, a
        storm of 64 inserts on 10 slots stalled for seconds at a time in PostgreSQL's
        deadlock detection)."""
        if context.has_expired_holds:
            await uow.bookings.hold_calendar(booking.artist_id)
            await expire_stale_holds(uow, booking.artist_id, booking.blocked, now)
        await uow.bookings.add(booking, event)
