"""Joining, reading and leaving a waitlist (docs/waitlist.md, "Joining").

A customer joins an approved artist's waitlist for one of the artist's services, offered
to everyone (active, neither reserved for a project nor a one-off flash design, which its
first booking claims), for a range of the artist's local dates (``ranges.check_range``),
while the artist keeps a waitlist (``waitlist_closed``); at most ``MAX_LIVE`` entries of
theirs wait or hold an offer at once (counted with the customer held, so concurrent joins
cannot both pass), and two of their live entries for one service never
share a date (``waitlist_entry_exists``: the storage's check, so concurrent joins cannot
both pass). Leaving an entry that holds an offer declines the offer in the same
transaction (its booking is cancelled, reason ``offer_declined``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from booking_domain.bookings import decline_offer, record_change
from booking_domain.catalog import ArtistNotFoundError, Service
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.time import zone
from booking_domain.shared.use_case import UseCase
from booking_domain.waitlist.entries import (
    EntryId,
    EntryState,
    EntryStatus,
    Leave,
    WaitlistEntry,
    apply,
    join,
)
from booking_domain.waitlist.errors import (
    InvalidWaitlistEntryError,
    TooManyWaitlistEntriesError,
    WaitlistClosedError,
    WaitlistEntryNotFoundError,
)
from booking_domain.waitlist.ports import WaitlistUnitOfWork
from booking_domain.waitlist.ranges import check_range
from booking_domain.waitlist.recording import record_entry
from booking_domain.waitlist.settings import WaitlistSettings
from booking_domain.waitlist.use_cases.deps import WaitlistDeps

MAX_LIVE = 20


@dataclass(frozen=True, slots=True)
class JoinWaitlist:
    artist_id: ArtistId
    service_id: ServiceId
    first_date: date
    last_date: date


@dataclass(frozen=True, slots=True)
class EntryView:
    """An entry as its customer (or an admin) sees it: with its state as of now."""

    entry: WaitlistEntry
    state: EntryState


def offered_to_all(service: Service | None, artist_id: ArtistId) -> bool:
    """Whether customers may wait for ``service``: the artist's own, active, not reserved
    for a project, and no one-off flash design (its first booking claims it)."""
    if service is None or service.artist_id != artist_id:
        return False
    one_off = service.flash is not None and service.flash.one_off
    return service.active and not service.reserved and not one_off


async def load_entry(
    uow: WaitlistUnitOfWork, actor: Actor, entry_id: EntryId, *, for_update: bool = False
) -> WaitlistEntry:
    """The entry if ``actor`` is its customer or an admin; else not found."""
    entry = await uow.waitlist.get(entry_id, for_update=for_update)
    if entry is None:
        raise WaitlistEntryNotFoundError()
    entry.ensure_visible_to(actor)
    return entry


class Join(UseCase[WaitlistDeps]):
    async def __call__(self, actor: Actor, command: JoinWaitlist) -> EntryView:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            artist = await uow.artists.get(command.artist_id)
            if artist is None or not artist.is_bookable:
                raise ArtistNotFoundError()
            policy = artist.policy
            dates = check_range(
                command.first_date, command.last_date,
                now=now, zone=zone(policy.timezone), horizon=policy.horizon,
            )  # fmt: skip
            window = dates.window(zone(policy.timezone))
            # The service alone (one read by its key), not a scheduling context: whether a
            # time is free is the reader's question, when one is freed.
            if not offered_to_all(await uow.services.get(command.service_id), artist.id):
                detail = "Not a service this artist offers."
                problem = FieldError("serviceId", detail, "not_offered")
                raise InvalidWaitlistEntryError(errors=(problem,))
            entry_id = EntryId(new_uuid7(int(now.timestamp() * 1000)))
            entry, change = join(
                entry_id=entry_id, by=actor, artist_id=artist.id,
                service_id=command.service_id, dates=dates,
                window=window, now=now,
            )  # fmt: skip
            settings = await uow.waitlist_settings.get(artist.id)
            if not (settings or WaitlistSettings.of_artist(artist.id)).enabled:
                raise WaitlistClosedError()
            await uow.waitlist.hold_customer(actor.user_id)  # the cap holds under concurrency
            if await uow.waitlist.live_count(actor.user_id, now) >= MAX_LIVE:
                raise TooManyWaitlistEntriesError()
            await record_entry(uow, entry, change, actor, now)
            await uow.commit()
        return EntryView(entry, entry.state(now))


class GetEntry(UseCase[WaitlistDeps]):
    async def __call__(self, actor: Actor, entry_id: EntryId) -> EntryView:
        async with self._deps.uow(read_only=True) as uow:
            entry = await load_entry(uow, actor, entry_id)
        return EntryView(entry, entry.state(self._deps.clock.now()))


class MyWaitlist(UseCase[WaitlistDeps]):
    """The caller's entries, newest first, each with its state now."""

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[EntryView]:
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.waitlist.of_customer(actor.user_id, page)
        now = self._deps.clock.now()
        views = tuple(EntryView(e, e.state(now)) for e in found.items)
        return Page(views, found.total, found.request, found.total_exact)


class LeaveWaitlist(UseCase[WaitlistDeps]):
    """Its customer leaves; an open offer is declined with it (its booking cancelled). The
    artist's calendar first, then the entry, then the offer's booking (``answers.py``)."""

    async def __call__(self, actor: Actor, entry_id: EntryId) -> EntryView:
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            seen = await load_entry(uow, actor, entry_id)
            await uow.bookings.hold_calendar(seen.artist_id)
            entry = await load_entry(uow, actor, entry_id, for_update=True)
            left, change = apply(entry, Leave(actor), now)
            if entry.status is EntryStatus.OFFERED and entry.offer is not None:
                booking = await uow.bookings.get(entry.offer.booking_id, for_update=True)
                if booking is not None and booking.offered and not booking.hold_expired(now):
                    await record_change(uow, *decline_offer(booking, actor, now))
            await record_entry(uow, left, change, actor, now)
            await uow.commit()
        return EntryView(left, left.state(now))
