"""Free touch-ups of completed bookings (``bookings/touch_ups.py`` has the rules;
docs/aftercare.md): what a booking's parties are told of its touch-up, the free starts for
one, and booking one.

Booking one takes the locks of any booking's creation in their order (the artist's
calendar, then rows: the original's first), reads the original and its live touch-up under
them, and books through the one creation path (``request_booking`` with the touch-up's
terms), so every scheduling rule holds; a second live touch-up of one original is refused
by the storage (``TouchUpTakenError``) whatever the concurrency. This is a path of its
own: ordinary creations run no statement for touch-ups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.bookings.access import load_visible
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.creation import new_booking_id, request_booking
from booking_domain.bookings.errors import BookingReferenceTakenError
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.touch_ups import (
    TouchUpOffer,
    touch_up_deadline,
    touch_up_offer,
    touch_up_refusal,
    touch_up_terms,
)
from booking_domain.bookings.use_cases.checks import bookable_context, taken_is_a_conflict
from booking_domain.bookings.use_cases.create import MAX_NOTES_LENGTH
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.bookings.use_cases.writing import write_new_booking
from booking_domain.scheduling import (
    ArtistNotBookableError,
    Interval,
    free_slot_epochs,
    from_epoch,
)
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase

# As ``CreateBooking``: a reference drawn taken three times in a row is next to impossible.
REFERENCE_ATTEMPTS = 3
MAX_RANGE = timedelta(days=62)
MAX_STARTS = 500  # a client continues from ``next_from``


class GetTouchUpOffer(UseCase[BookingsDeps]):
    """A booking's touch-up as its parties and admins see it: whether one may be booked,
    until when, and the live touch-up, if any (404 for anyone else)."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> TouchUpOffer:
        async with self._deps.uow(read_only=True) as uow:
            original = await load_visible(uow, booking_id, actor)
            settings = await uow.aftercare.get(original.artist_id)
            touch_up = await uow.bookings.touch_up_of(original.id)
        return touch_up_offer(original, touch_up, settings, self._deps.clock.now())


@dataclass(frozen=True, slots=True)
class TouchUpStarts:
    """The first free starts of the range (UTC), and where to ask again (None: all)."""

    starts: tuple[datetime, ...]
    next_from: datetime | None


class TouchUpSlots(UseCase[BookingsDeps]):
    """Free starts for a touch-up of a booking (its parties and admins): the original
    service's free starts in ``[start, end)`` that lie within the touch-up window; none when
    the booking takes no touch-up now (not completed, a touch-up itself, none offered, or a
    live one booked already)."""

    async def __call__(
        self, actor: Actor, booking_id: BookingId, start: datetime, end: datetime
    ) -> TouchUpStarts:
        window = _range(start, end)
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            original = await load_visible(uow, booking_id, actor)
            settings = await uow.aftercare.get(original.artist_id)
            if touch_up_refusal(original, settings) is not None:
                return TouchUpStarts((), None)
            if await uow.bookings.touch_up_of(original.id) is not None:
                return TouchUpStarts((), None)
            last = touch_up_deadline(original, settings) + timedelta(seconds=1)
            if last <= window.start:
                return TouchUpStarts((), None)
            window = Interval(window.start, min(window.end, last))
            epochs = await _free(uow, original, window, now)
        return _page(epochs)


def _range(start: datetime, end: datetime) -> Interval:
    start, end = require_aware(start, "from"), require_aware(end, "to")
    if not start < end or end - start > MAX_RANGE:
        detail = f"Ask for a range of up to {MAX_RANGE.days} days after 'from'."
        raise InvalidInputError(errors=(FieldError("to", detail, "out_of_range"),))
    return Interval(start, end)


async def _free(
    uow: BookingsUnitOfWork, original: Booking, window: Interval, now: datetime
) -> list[int]:
    context = await uow.scheduling.context(original.artist_id, original.service_id, window, now)
    if context is None or not context.artist.is_bookable:
        raise ArtistNotBookableError()
    return free_slot_epochs(
        service=context.service, policy=context.artist.policy, schedule=context.schedule,
        busy=context.busy, between=window, now=now, limit=MAX_STARTS + 1,
    )  # fmt: skip


def _page(epochs: list[int]) -> TouchUpStarts:
    if len(epochs) > MAX_STARTS:
        starts = tuple(from_epoch(e) for e in epochs[:MAX_STARTS])
        return TouchUpStarts(starts, from_epoch(epochs[MAX_STARTS]))
    return TouchUpStarts(tuple(from_epoch(e) for e in epochs), None)


class BookTouchUp(UseCase[BookingsDeps]):
    """The customer (or the artist, for the customer or client record) books the free
    touch-up of a completed booking at ``start`` (see the module and ``touch_ups.py``)."""

    async def __call__(
        self, actor: Actor, booking_id: BookingId, *, start: datetime, notes: str = ""
    ) -> Booking:
        start = require_aware(start, "start")
        _check_notes(notes)
        for _ in range(REFERENCE_ATTEMPTS - 1):
            try:
                return await self._book(actor, booking_id, start, notes)
            except BookingReferenceTakenError:
                continue  # drawn again by the next attempt
        return await self._book(actor, booking_id, start, notes)

    async def _book(
        self, actor: Actor, booking_id: BookingId, start: datetime, notes: str
    ) -> Booking:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            # The calendar first, then rows: the order every creation takes them in.
            seen = await load_visible(uow, booking_id, actor)
            await uow.bookings.hold_calendar(seen.artist_id)
            # The original held too: a dispute opened meanwhile (which takes the booking, not
            # the calendar) waits, or is seen and refuses the touch-up (not completed).
            original = await load_visible(uow, booking_id, actor, for_update=True)
            settings = await uow.aftercare.get(original.artist_id)
            live = await uow.bookings.touch_up_of(original.id)
            terms, party = touch_up_terms(original, live, settings, by=actor, start=start)
            context = await bookable_context(
                uow, original.artist_id, original.service_id, start, now,
                allow_inactive_service=True,
            )  # fmt: skip
            with taken_is_a_conflict():
                booking, entry = request_booking(
                    by=actor, party=party, service=context.service,
                    artist_user_id=context.artist.user_id, policy=context.artist.policy,
                    schedule=context.schedule, busy=context.busy, start=start, now=now,
                    notes=notes, booking_id=new_booking_id(now),
                    reference=self._deps.new_reference(), terms=terms,
                )  # fmt: skip
            await write_new_booking(uow, booking, entry, context, now)
            await uow.commit()
        return booking


def _check_notes(notes: str) -> None:
    problems = []
    if len(notes) > MAX_NOTES_LENGTH:
        problems.append(FieldError("notes", f"At most {MAX_NOTES_LENGTH} characters.", "too_long"))
    if (problem := text_problem("notes", notes, multiline=True)) is not None:
        problems.append(problem)
    if problems:
        raise InvalidInputError(errors=tuple(problems))
