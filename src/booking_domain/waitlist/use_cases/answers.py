"""Answering an offer (docs/waitlist.md, "Offers"): its customer accepts or declines the
booking held for them, by the booking's id, while its hold lasts. The entry and the
booking change in one transaction, under the artist's calendar, then the entry locked,
then the booking: the order every writer of both keeps (the reader and an account's
deletion take the calendar first too; ``LeaveWaitlist`` takes the same three).
``answer_offer`` does it in the caller's unit of work: the HTTP answers and the Telegram
bot's buttons (``booking_domain.telegram``) both run it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import (
    Booking,
    BookingNotFoundError,
    accept_offer,
    decline_offer,
    record_change,
)
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase
from booking_domain.waitlist.entries import Answer, EntryState, WaitlistEntry, apply
from booking_domain.waitlist.errors import OfferNotFoundError, WaitlistEntryNotFoundError
from booking_domain.waitlist.ports import WaitlistUnitOfWork
from booking_domain.waitlist.recording import record_entry
from booking_domain.waitlist.use_cases.deps import WaitlistDeps


@dataclass(frozen=True, slots=True)
class OfferAnswered:
    entry: WaitlistEntry
    state: EntryState
    booking: Booking  # as the answer left it (accepted: pending or confirmed; declined)


async def _offer_entry(
    uow: WaitlistUnitOfWork, actor: Actor, booking_id: BookingId, *, for_update: bool
) -> WaitlistEntry:
    entry = await uow.waitlist.of_offer(booking_id, for_update=for_update)
    if entry is None:
        raise OfferNotFoundError()
    try:
        entry.ensure_visible_to(actor)
    except WaitlistEntryNotFoundError:
        raise OfferNotFoundError() from None
    return entry


async def _load(
    uow: WaitlistUnitOfWork, actor: Actor, booking_id: BookingId, *, for_update: bool = True
) -> tuple[WaitlistEntry, Booking]:
    """The offer's entry and booking, each locked when ``for_update``: the artist's
    calendar first (taken once the caller may see the offer: a stranger takes nothing)."""
    entry = await _offer_entry(uow, actor, booking_id, for_update=False)
    if for_update:
        await uow.bookings.hold_calendar(entry.artist_id)
        entry = await _offer_entry(uow, actor, booking_id, for_update=True)
    booking = await uow.bookings.get(booking_id, for_update=for_update)
    if booking is None:  # a booking outlives its entry's offer; kept as a guard
        raise BookingNotFoundError()
    return entry, booking


async def answer_offer(
    uow: WaitlistUnitOfWork, actor: Actor, booking_id: BookingId, *, accept: bool, now: datetime
) -> OfferAnswered:
    """``actor`` answers the offer that is the booking ``booking_id``, in the caller's unit
    of work (the caller commits): the calendar, the entry, then the booking. Refused as
    ``apply`` and the bookings' ``accept_offer``/``decline_offer`` refuse (someone else's:
    ``OfferNotFoundError``; an admin: ``WaitlistActionNotAllowedError``; too late:
    ``HoldExpiredError``; answered: ``WaitlistEntryClosedError``)."""
    entry, booking = await _load(uow, actor, booking_id)
    answered, change = apply(entry, Answer(actor, accept), now)
    if accept:
        artist = await uow.artists.get(booking.artist_id)
        if artist is None:
            raise ArtistNotFoundError()
        changed, history = accept_offer(booking, actor, now, artist.policy)
    else:
        changed, history = decline_offer(booking, actor, now)
    await record_change(uow, changed, history)
    await record_entry(uow, answered, change, actor, now)
    return OfferAnswered(answered, answered.state(now), changed)


async def check_answer(
    uow: WaitlistUnitOfWork, actor: Actor, booking_id: BookingId, now: datetime
) -> Booking:
    """The offer's booking if ``actor`` could answer it now, refused as ``answer_offer``
    would refuse (nothing is locked or changed: a question before the answer)."""
    entry, booking = await _load(uow, actor, booking_id, for_update=False)
    apply(entry, Answer(actor, accept=False), now)
    decline_offer(booking, actor, now)
    return booking


class AnswerOffer(UseCase[WaitlistDeps]):
    async def _answer(self, actor: Actor, booking_id: BookingId, accept: bool) -> OfferAnswered:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            answered = await answer_offer(uow, actor, booking_id, accept=accept, now=now)
            await uow.commit()
        return answered


class AcceptOffer(AnswerOffer):
    """The customer takes the time: the booking goes on as their own request would (the
    approval hold, the deposit hold, or confirmed)."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> OfferAnswered:
        return await self._answer(actor, booking_id, accept=True)


class DeclineOffer(AnswerOffer):
    """The customer turns it down: the booking is cancelled (``offer_declined``) and the
    time goes to the next in line."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> OfferAnswered:
        return await self._answer(actor, booking_id, accept=False)
