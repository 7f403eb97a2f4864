"""Requesting a booking.

Rules (docs/product.md, "4. Bookings" and "9. API conventions"; docs/architecture.md,
"Data"):
- a start whose time another active booking holds is a conflict (``slot_taken``, 409),
  whether the domain's check or the storage's constraint notices it first; every other
  refusal is ``not_bookable`` with its reason (422);
- customers request bookings for themselves; the artist books a customer or a client of
  theirs into their own calendar (``creation_kind``, ``use_cases/parties.py``), with or
  without the service's deposit; nobody else creates bookings. The artist must be approved
  and not suspended and the service active and the artist's own, else
  ``artist_not_bookable`` (the same answer for an unknown artist or service, so ids reveal
  nothing);
- an artist's booking of a customer (by email or phone) is first counted against the
  artist's hourly budget of customer lookups (``lookups``: 429 over it), on its own and
  before anything is read, so no answer after it gives the count back;
- the start is checked by the domain against what the artist offers at ``now``;
- a start without a time zone offset is refused (``naive_datetime``), never guessed: once,
  as ``CreateBooking`` is called, before anything is read. That is the check a library
  caller meets; the HTTP API refuses such a start earlier, while decoding the body (422
  ``invalid_input`` on ``start``). Past it the start is aware and in UTC, and nothing
  inside the use case checks it again (the fingerprint, the decision, ``request_booking``);
- a size of a one-off flash design another booking has claimed is ``flash_design_taken``
  (409), read from the service as loaded; a booking confirmed at once (no deposit, no
  approval, or the artist's own) of a one-off design claims it in its transaction;
- pending bookings whose hold has run out and that overlap the wanted time are expired
  (reason ``expired``) before the new booking is written, in the same transaction;
- a booking reference is a short random code, unique among all bookings: when the one drawn
  is already in use the whole request is tried again with a fresh one (a few times at most);
- an ``Idempotency-Key`` is remembered per user for 24 h with a fingerprint of the
  request: the same key with the same request returns the booking it created (a *replay*),
  with another request it is refused (``idempotency_key_reused``). Only a created booking is
  remembered: a refused request may be retried under the same key. The key is claimed at
  the start of the transaction, so two concurrent requests with one key create one booking:
  the second waits on the claim, then replays.

This is the one path that uses the bookings port's two knobs (``bookings/ports.py``): without
a key, the check reads outside any transaction and the new booking with its first event is
one write in an ``autocommit`` unit of work; writers of one artist's calendar queue behind
each other (``hold_calendar``; ``add`` queues by itself). What each costs on PostgreSQL is
written in ``adapters/postgres/bookings.py``. An artist's booking of someone else always
runs in a transaction: finding the customer or storing the client record comes first.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.clients import BookedFor
from booking_domain.bookings.creation import (
    SessionTerms,
    new_booking_id,
    request_booking,
    require_calendar_owner,
)
from booking_domain.bookings.errors import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingReferenceTakenError,
    IdempotencyKeyReusedError,
)
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.lookups import window_of
from booking_domain.bookings.offers import offer_booking
from booking_domain.bookings.ports import BookingsUnitOfWork, IdempotencyRecord
from booking_domain.bookings.recording import record_new
from booking_domain.bookings.use_cases.checks import (
    bookable_context,
    claims_flash,
    ensure_flash_open,
    taken_is_a_conflict,
)
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.bookings.use_cases.links import link_for_booking, through
from booking_domain.bookings.use_cases.parties import (
    ClientDetails,
    CustomerLookup,
    Party,
    read_phone,
    resolve_party,
)
from booking_domain.bookings.use_cases.writing import write_new_booking
from booking_domain.catalog import BookingLink
from booking_domain.scheduling import SchedulingContext, check_bookable
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.idempotency import idempotency_key_problem
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase

MAX_NOTES_LENGTH = 2000
# With ~7e8 references, even a million bookings make a clash of one draw about 1 in 700:
# three clashes in a row mean something other than chance.
REFERENCE_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class BookingRequest:
    """What a customer asks for, or what an artist books for an existing ``customer`` or a
    ``client`` of theirs (one of the two), ``deposit`` saying whether the artist asks for
    the service's deposit. ``start`` must carry a time zone offset."""

    artist_id: ArtistId
    service_id: ServiceId
    start: datetime
    notes: str = ""
    idempotency_key: str | None = None
    customer: CustomerLookup | None = None
    client: ClientDetails | None = None
    deposit: bool | None = None
    link_token: str | None = None  # the booking link (catalog) it is made through

    @property
    def party(self) -> Party | None:
        """Whom the artist books (None: the requesting customer)."""
        return self.client or self.customer

    def fingerprint(self) -> str:
        """A digest of the request (not the key): equal for the same booking asked twice,
        whatever offset the start was written with. Taken after ``CreateBooking`` refused a
        naive start (a naive one here would be read as the machine's local time)."""
        start = self.start.astimezone(UTC).isoformat()
        text = f"{self.artist_id}|{self.service_id}|{start}|{self.notes}"
        if self.party is not None or self.deposit is not None:
            text += f"|{self.party.fingerprint() if self.party else ''}|{self.deposit}"
        if self.link_token is not None:  # (absent: the digest requests always had)
            text += f"|link:{self.link_token}"
        return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class BookingCreated:
    """The booking, and whether it was created earlier under the same Idempotency-Key."""

    booking: Booking
    replayed: bool = False


def _check_request(request: BookingRequest) -> str | None:
    key = request.idempotency_key
    problems = [p for p in (idempotency_key_problem(key),) if p is not None]
    if request.customer is not None and request.client is not None:
        detail = "Book a customer or a client, one of them."
        problems.append(FieldError("client", detail, "one_of"))
    if len(request.notes) > MAX_NOTES_LENGTH:
        problems.append(FieldError("notes", f"At most {MAX_NOTES_LENGTH} characters.", "too_long"))
    if (problem := text_problem("notes", request.notes, multiline=True)) is not None:
        problems.append(problem)
    if problems:
        raise InvalidInputError(errors=tuple(problems))
    return key


async def _replay(
    uow: BookingsUnitOfWork, record: IdempotencyRecord, fingerprint: str
) -> BookingCreated:
    if record.fingerprint != fingerprint:
        raise IdempotencyKeyReusedError()
    booking = await uow.bookings.get(record.booking_id)
    if booking is None:  # the key's row cascades with its booking; kept as a guard
        raise BookingNotFoundError()
    return BookingCreated(booking, replayed=True)


class CreateBooking(UseCase[BookingsDeps]):
    """A customer requests a start of an artist's service, or the artist books someone in
    (see the module rules)."""

    async def __call__(self, actor: Actor, request: BookingRequest) -> BookingCreated:
        if actor.role is Role.ADMIN:
            raise BookingActionNotAllowedError("Only customers and the artist create bookings.")
        # The one check of the start's time zone on this path (the library's boundary);
        # ``start`` (in UTC) is what every step below uses.
        start = require_aware(request.start, "start")
        key = _check_request(request)
        if actor.role is Role.ARTIST and isinstance(request.party, CustomerLookup):
            await self._count_lookup(actor)
        for _ in range(REFERENCE_ATTEMPTS - 1):
            try:
                return await self._create(actor, request, start, key)
            except BookingReferenceTakenError:
                continue  # drawn again by the next attempt
        return await self._create(actor, request, start, key)  # the last try raises

    async def _count_lookup(self, actor: Actor) -> None:
        """One more customer lookup of the artist this hour, refused over the budget
        (``lookups``): counted on its own, before anything else, so neither a refused start
        nor a customer not found takes it back."""
        now = self._deps.clock.now()
        async with self._deps.uow(autocommit=True) as uow:
            counted = await uow.customer_lookups.count(actor.user_id, window_of(now))
        self._deps.lookups.check(counted, now)

    async def _create(
        self, actor: Actor, request: BookingRequest, start: datetime, key: str | None
    ) -> BookingCreated:
        if key is None and request.party is None:
            return BookingCreated(await self._create_unkeyed(actor, request, start))
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking_id = new_booking_id(now)
            if key is not None:
                # Claimed first, for the id the booking will have: a concurrent retry waits
                # here until this transaction ends, then replays its booking (or, if this
                # one failed and rolled back, takes the key and tries itself).
                fingerprint = request.fingerprint()
                expires = now + self._deps.idempotency_ttl
                record = IdempotencyRecord(actor.user_id, key, fingerprint, booking_id, expires)
                holder = await uow.idempotency.claim(record, now)
                if holder is not None:
                    return await _replay(uow, holder, fingerprint)
            link = await self._link(uow, request)
            context = await bookable_context(uow, request.artist_id, request.service_id, start, now)
            ensure_flash_open(context.service)
            party = None
            if request.party is not None:
                given = read_phone(self._deps.phones, request.party)
                _start_before_the_person(actor, context, start, now)
                party = await resolve_party(uow, actor, context, given, now)
            booking, entry = self._decide(actor, request, start, context, now, booking_id, party)
            booking = through(booking, link)
            await write_new_booking(uow, booking, entry, context, now)
            await uow.commit()
        return BookingCreated(booking)

    async def _create_unkeyed(
        self, actor: Actor, request: BookingRequest, start: datetime
    ) -> Booking:
        """Without a key, the check reads outside any transaction and the booking is one
        write of its own (``autocommit``). Only when stale holds overlap the wanted time
        (expire them, then insert), or when the booking is confirmed at once and claims a
        one-off flash design, does the write need a transaction."""
        async with self._deps.uow(autocommit=True) as uow:
            now = self._deps.clock.now()
            link = await self._link(uow, request)
            context = await bookable_context(uow, request.artist_id, request.service_id, start, now)
            ensure_flash_open(context.service)
            booking, entry = self._decide(actor, request, start, context, now, new_booking_id(now))
            booking = through(booking, link)
            if not (context.has_expired_holds or claims_flash(booking)):
                await record_new(uow, booking, entry)
                return booking
        async with self._deps.uow() as uow:
            await write_new_booking(uow, booking, entry, context, now)
            await uow.commit()
        return booking

    async def _link(self, uow: BookingsUnitOfWork, request: BookingRequest) -> BookingLink | None:
        """The link named by the request's token (None without one: no lookup at all)."""
        if request.link_token is None:
            return None
        return await link_for_booking(uow, self._deps.digest, request.link_token, request.artist_id)

    def _decide(
        self,
        actor: Actor,
        request: BookingRequest,
        start: datetime,
        context: SchedulingContext,
        now: datetime,
        booking_id: BookingId,
        party: BookedFor | None = None,
    ) -> tuple[Booking, HistoryEntry]:
        with taken_is_a_conflict():
            return request_booking(
                by=actor,
                party=party,
                deposit=request.deposit,
                service=context.service,
                artist_user_id=context.artist.user_id,
                policy=context.artist.policy,
                schedule=context.schedule,
                busy=context.busy,
                start=start,
                now=now,
                notes=request.notes,
                booking_id=booking_id,
                reference=self._deps.new_reference(),
                payable=self._deps.deposit_currencies,
            )


async def place_session(
    uow: BookingsUnitOfWork,
    *,
    by: Actor,
    artist_id: ArtistId,
    service_id: ServiceId,
    start: datetime,
    now: datetime,
    reference: str,
    terms: SessionTerms,
    payable: Collection[str] | None = None,
) -> Booking:
    """A customer's session of a project (commissions), booked in the caller's transaction
    by the rules of every booking (the slot offered and free, the hold of a deposit), with
    the project's price and deposit (``terms``) and its own service, which is offered to
    nobody else (``allow_inactive_service``); ``payable``: the currencies a deposit may be
    paid in (``request_booking``). The caller commits."""
    start = require_aware(start, "start")
    context = await bookable_context(
        uow, artist_id, service_id, start, now, allow_inactive_service=True
    )
    with taken_is_a_conflict():
        booking, entry = request_booking(
            by=by,
            service=context.service,
            artist_user_id=context.artist.user_id,
            policy=context.artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            start=start,
            now=now,
            booking_id=new_booking_id(now),
            reference=reference,
            terms=terms,
            payable=payable,
        )
    await write_new_booking(uow, booking, entry, context, now)
    return booking


async def place_offer(
    uow: BookingsUnitOfWork,
    *,
    customer_id: UserId,
    artist_id: ArtistId,
    service_id: ServiceId,
    start: datetime,
    now: datetime,
    hold: timedelta,
    reference: str,
) -> Booking:
    """A waitlist offer (``offers.offer_booking``) of ``start`` to ``customer_id``, made by
    the system in the caller's transaction by the rules of every booking (the artist takes
    bookings, the service is offered, the start is bookable now and free: else
    ``ArtistNotBookableError``, ``NotBookableError`` or ``SlotTakenError``). The caller has
    taken the artist's calendar (``hold_calendar``) before it read the time free, and
    commits."""
    start = require_aware(start, "start")
    context = await bookable_context(uow, artist_id, service_id, start, now)
    ensure_flash_open(context.service)
    with taken_is_a_conflict():
        booking, entry = offer_booking(
            booking_id=new_booking_id(now),
            reference=reference,
            customer_id=customer_id,
            artist_user_id=context.artist.user_id,
            service=context.service,
            policy=context.artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            start=start,
            now=now,
            hold=hold,
        )
    await write_new_booking(uow, booking, entry, context, now)
    return booking


def _start_before_the_person(
    actor: Actor, context: SchedulingContext, start: datetime, now: datetime
) -> None:
    """An artist booking someone in: only the calendar's artist may name a person (checked
    before anything), then the start is checked before the person is looked up, so that an
    unbookable start answers alike for every email and number and the form tells nobody
    who has an account (``request_booking`` checks the start again, on the same data)."""
    require_calendar_owner(actor, context.artist.user_id)
    with taken_is_a_conflict():
        check_bookable(
            service=context.service,
            policy=context.artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            start=start,
            now=now,
        )
