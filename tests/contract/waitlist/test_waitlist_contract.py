"""The waitlist on every adapter: joining and its refusals, one live entry per service and
date, first come first served; a cancelled booking's time is offered (a booking held for
the first waiting customer, never for two), then to the next when the hold runs out (the
clock moved, the hold sweep run); accepting and declining; a replayed reader offers
nothing twice; the artist's settings and figures; each step an event of the entry."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import uuid4

import anyio
import pytest

from booking_domain.bookings import BookingStatus, OfferStatus
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import ArtistNotFoundError, Deposit, FixedDeposit
from booking_domain.catalog.use_cases import ServiceFields
from booking_domain.payments import DepositNotPayableError
from booking_domain.shared import Money, Role
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import PageRequest
from booking_domain.waitlist import (
    EntryState,
    InvalidWaitlistEntryError,
    OfferNotFoundError,
    TooManyWaitlistEntriesError,
    WaitlistActionNotAllowedError,
    WaitlistClosedError,
    WaitlistEntryClosedError,
    WaitlistEntryExistsError,
    WaitlistEntryNotFoundError,
)
from booking_domain.waitlist.use_cases import (
    MAX_LIVE,
    EntryView,
    JoinWaitlist,
    OfferFreedTimes,
    SettingsChange,
    WaitlistDeps,
)
from booking_domain.waitlist.use_cases.reader import ATTEMPTS
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_service, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DAY = timedelta(days=1)
SLOT = START.replace(hour=11) + 3 * DAY  # 11:00 UTC, three days on (notice 24 h)


@dataclass
class Shop:
    app: App
    artist: BookableArtist
    booker: Actor  # holds the slot, then cancels it
    first: Actor
    second: Actor

    async def join(
        self, who: Actor, first: date | None = None, last: date | None = None
    ) -> EntryView:
        day = SLOT.date()
        command = JoinWaitlist(self.artist.id, self.artist.service.id, first or day, last or day)
        return await self.app.bundles.waitlist.join(who, command)


async def a_shop(uow_factory: AnyUnitOfWorkFactory, deposit: Deposit | None = None) -> Shop:
    app = build_app(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=deposit)
    booker, first, second = [await add_user(uow_factory) for _ in range(3)]
    return Shop(app, artist, booker, first, second)


async def book_and_cancel(shop: Shop) -> BookingId:
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT)
    booking = (await shop.app.bookings.create_booking(shop.booker, request)).booking
    await shop.app.bookings.change_status(
        shop.booker, booking.id, status=BookingStatus.CANCELLED, reason="plans changed"
    )
    return booking.id


async def offer_until(shop: Shop, booking_id: BookingId) -> datetime | None:
    """Until when the booking is held as an offer, as notifications read it."""
    async with shop.app.uow(read_only=True) as uow:
        found = await uow.notification_context.bookings([booking_id])
    return found[booking_id].offer_until


async def test_a_freed_time_goes_to_the_first_then_to_the_next_when_the_hold_runs_out(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    shop = await a_shop(uow_factory)
    w = shop.app.bundles.waitlist
    await w.update_settings(shop.artist.actor, shop.artist.id, SettingsChange(hold_minutes=5))
    first = await shop.join(shop.first)
    shop.app.clock.advance(timedelta(seconds=1))
    second = await shop.join(shop.second)
    assert await w.offer_freed_times() == 0  # nothing freed yet
    await book_and_cancel(shop)

    assert await w.offer_freed_times() == 1
    assert await w.offer_freed_times() == 0  # read already: nothing offered twice
    offered = await w.get_entry(shop.first, first.entry.id)
    assert offered.state is EntryState.OFFERED and offered.entry.offer is not None
    offer = offered.entry.offer
    assert offer.start == SLOT and offer.until == shop.app.clock.now() + timedelta(minutes=5)
    held = await shop.app.bookings.get_booking(shop.first, offer.booking_id)
    assert held.status is BookingStatus.PENDING and held.offer is OfferStatus.OFFERED
    assert await offer_until(shop, offer.booking_id) == offer.until  # what messages read
    waiting = await w.get_entry(shop.second, second.entry.id)
    assert waiting.state is EntryState.WAITING
    with pytest.raises(OfferNotFoundError):  # another customer's offer
        await w.accept_offer(shop.second, offer.booking_id)

    shop.app.clock.advance(timedelta(minutes=5))
    assert await shop.app.bookings.expire_holds() == 1
    assert await w.offer_freed_times() == 1
    lapsed = await w.get_entry(shop.first, first.entry.id)
    assert lapsed.state is EntryState.LAPSED
    now_offered = await w.get_entry(shop.second, second.entry.id)
    assert now_offered.state is EntryState.OFFERED and now_offered.entry.offer is not None
    assert now_offered.entry.offer.start == SLOT
    assert now_offered.entry.offer.freed_by == offer.freed_by  # one freed time, two offers

    taken = await w.accept_offer(shop.second, now_offered.entry.offer.booking_id)
    assert taken.state is EntryState.ACCEPTED
    assert await offer_until(shop, taken.booking.id) is None  # answered: no offer to answer
    assert taken.booking.status is BookingStatus.CONFIRMED  # no deposit, no approval
    with pytest.raises(WaitlistEntryClosedError):
        await w.decline_offer(shop.second, now_offered.entry.offer.booking_id)

    stats = await w.stats(shop.artist.actor, shop.artist.id, 30)
    assert (stats.offers, stats.accepted, stats.lapsed, stats.slots, stats.filled) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert stats.fill_rate_percent == 100 and stats.waiting == 0


async def test_declining_passes_the_time_on_and_an_offer_with_a_deposit_waits_for_it(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    shop = await a_shop(uow_factory, deposit=FixedDeposit(Money(20_000, "MNT")))
    w = shop.app.bundles.waitlist
    first = await shop.join(shop.first)
    shop.app.clock.advance(timedelta(seconds=1))
    await shop.join(shop.second)
    await book_and_cancel(shop)
    await w.offer_freed_times()
    entry = (await w.get_entry(shop.first, first.entry.id)).entry
    assert entry.offer is not None
    declined = await w.decline_offer(shop.first, entry.offer.booking_id)
    assert declined.state is EntryState.DECLINED
    assert declined.booking.status is BookingStatus.CANCELLED
    assert declined.booking.cancellation_reason == "offer_declined"
    assert await w.offer_freed_times() == 1
    mine = await w.my_waitlist(shop.second, PageRequest())
    assert [v.state for v in mine.items] == [EntryState.OFFERED]
    offer = mine.items[0].entry.offer
    assert offer is not None
    with pytest.raises(DepositNotPayableError):  # no deposit invoice before the answer
        await shop.app.bundles.payments.request_deposit_invoice(shop.second, offer.booking_id)
    taken = await w.accept_offer(shop.second, offer.booking_id)
    assert taken.booking.status is BookingStatus.PENDING and taken.booking.awaiting_deposit
    policy = shop.artist.profile.policy
    assert taken.booking.hold_expires_at == shop.app.clock.now() + policy.deposit_hold
    events = [i.event.type for i in await everything(feed_of(shop.app.uow))]
    assert "booking.offer_declined" in events and events.count("waitlist.offered") == 2


async def test_an_entry_whose_deposit_nobody_could_pay_is_offered_nothing(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """A service made before deposits had to be payable (docs/product.md) may still have
    a waitlist: a freed time is not offered to its entries, since an accepted offer would
    wait for a deposit the payment gateway never takes."""
    shop = await a_shop(uow_factory)
    dollars = await add_service(
        uow_factory, shop.artist, price=Money(100_000, "USD"),
        deposit=FixedDeposit(Money(20_000, "USD")),
    )  # fmt: skip
    day = SLOT.date()
    command = JoinWaitlist(shop.artist.id, dollars.id, day, day)
    joined = await shop.app.bundles.waitlist.join(shop.first, command)
    await book_and_cancel(shop)
    assert await shop.app.bundles.waitlist.offer_freed_times() == 0
    seen = await shop.app.bundles.waitlist.get_entry(shop.first, joined.entry.id)
    assert seen.state is EntryState.WAITING and seen.entry.offer is None


async def test_joining_is_checked_and_one_live_entry_holds_a_date(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    shop = await a_shop(uow_factory)
    w = shop.app.bundles.waitlist
    day = SLOT.date()
    with pytest.raises(InvalidWaitlistEntryError):
        await shop.join(shop.first, day - 5 * DAY, day)  # before today
    with pytest.raises(InvalidWaitlistEntryError):
        await shop.join(shop.first, day + 200 * DAY, day + 201 * DAY)  # beyond the horizon
    with pytest.raises(WaitlistActionNotAllowedError):
        await shop.join(shop.artist.actor)
    stranger_artist = JoinWaitlist(ArtistId(uuid4()), shop.artist.service.id, day, day)
    with pytest.raises(ArtistNotFoundError):
        await w.join(shop.first, stranger_artist)

    joined = await shop.join(shop.first, day, day + 2 * DAY)
    with pytest.raises(WaitlistEntryExistsError):
        await shop.join(shop.first, day + 2 * DAY, day + 3 * DAY)
    await shop.join(shop.first, day + 3 * DAY, day + 4 * DAY)  # no shared date: fine
    with pytest.raises(WaitlistEntryNotFoundError):
        await w.get_entry(shop.second, joined.entry.id)
    admin = Actor(shop.second.user_id, Role.ADMIN)
    assert (await w.get_entry(admin, joined.entry.id)).state is EntryState.WAITING
    with pytest.raises(WaitlistActionNotAllowedError):
        await w.leave(admin, joined.entry.id)
    left = await w.leave(shop.first, joined.entry.id)
    assert left.state is EntryState.LEFT
    await shop.join(shop.first, day, day + 2 * DAY)  # the dates are free again

    await w.update_settings(shop.artist.actor, shop.artist.id, SettingsChange(enabled=False))
    with pytest.raises(WaitlistClosedError):
        await shop.join(shop.second)
    await book_and_cancel(shop)
    assert await w.offer_freed_times() == 0  # off: nothing is offered

    shop.app.clock.advance(10 * DAY)
    expired = await w.my_waitlist(shop.first, PageRequest())
    assert {v.state for v in expired.items} == {EntryState.EXPIRED, EntryState.LEFT}


async def test_leaving_with_an_open_offer_declines_it(uow_factory: AnyUnitOfWorkFactory) -> None:
    shop = await a_shop(uow_factory)
    w = shop.app.bundles.waitlist
    first = await shop.join(shop.first)
    await book_and_cancel(shop)
    await w.offer_freed_times()
    left = await w.leave(shop.first, first.entry.id)
    assert left.state is EntryState.DECLINED and left.entry.offer is not None
    booking = await shop.app.bookings.get_booking(shop.first, left.entry.offer.booking_id)
    assert booking.status is BookingStatus.CANCELLED


async def test_a_customer_s_export_lists_their_entries(uow_factory: AnyUnitOfWorkFactory) -> None:
    shop = await a_shop(uow_factory)
    joined = await shop.join(shop.first)
    export = await shop.app.bundles.privacy.export_my_data(shop.first)
    parts = [part async for part in export.parts]
    entries = [item for part in parts if part.file == "waitlist.json" for item in part.records]
    assert [e["id"] for e in entries if isinstance(e, dict)] == [str(joined.entry.id)]


async def test_a_customer_s_late_cancellation_declines_and_a_filled_time_freed_again_is_new(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    shop = await a_shop(uow_factory)
    w = shop.app.bundles.waitlist
    third = await add_user(uow_factory)
    first = await shop.join(shop.first)
    shop.app.clock.advance(timedelta(seconds=1))
    second = await shop.join(shop.second)
    shop.app.clock.advance(timedelta(seconds=1))
    later = await shop.join(third)
    freed = await book_and_cancel(shop)
    assert await w.offer_freed_times() == 1
    offer = (await w.get_entry(shop.first, first.entry.id)).entry.offer
    assert offer is not None and offer.freed_by == freed

    shop.app.clock.advance(timedelta(minutes=30))  # the hold ran out; not swept yet
    await shop.app.bookings.change_status(
        shop.first, offer.booking_id, status=BookingStatus.CANCELLED, reason="too late"
    )
    assert await w.offer_freed_times() == 1
    declined = await w.get_entry(shop.first, first.entry.id)
    assert declined.state is EntryState.DECLINED  # their own cancellation: a decline
    taken = (await w.get_entry(shop.second, second.entry.id)).entry.offer
    assert taken is not None and taken.freed_by == freed  # the same freed time
    await w.accept_offer(shop.second, taken.booking_id)

    await shop.app.bookings.change_status(
        shop.second, taken.booking_id, status=BookingStatus.CANCELLED, reason="moved away"
    )
    assert await w.offer_freed_times() == 1
    again = (await w.get_entry(third, later.entry.id)).entry.offer
    assert again is not None and again.freed_by == taken.booking_id  # a new freed time
    stats = await w.stats(shop.artist.actor, shop.artist.id, 30)
    assert (stats.offers, stats.declined, stats.accepted, stats.open) == (3, 1, 1, 1)
    assert (stats.slots, stats.filled, stats.fill_rate_percent) == (2, 1, 50)


async def test_concurrent_joins_never_pass_the_cap_together(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    shop = await a_shop(uow_factory)
    day = SLOT.date()
    for n in range(MAX_LIVE - 1):
        await shop.join(shop.first, day + n * DAY, day + n * DAY)
    outcomes: list[str] = []

    async def one_more(n: int) -> None:
        try:
            await shop.join(shop.first, day + n * DAY, day + n * DAY)
            outcomes.append("joined")
        except TooManyWaitlistEntriesError:
            outcomes.append("refused")

    async with anyio.create_task_group() as group:
        for n in (MAX_LIVE, MAX_LIVE + 1):  # two other dates, at once
            group.start_soon(one_more, n)
    assert sorted(outcomes) == ["joined", "refused"]
    mine = await shop.app.bundles.waitlist.my_waitlist(shop.first, PageRequest())
    assert mine.total == MAX_LIVE


async def test_a_moved_booking_s_old_time_is_offered_as_it_was_booked(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """The reader takes the old time from the move's event: a two-hour session booked
    before the service became one hour long gives back two hours, an hour for each of
    the two waiting customers."""
    app = build_app(uow_factory)
    artist = await add_bookable_artist(uow_factory, minutes=120)
    booker, first, second = [await add_user(uow_factory) for _ in range(3)]
    shop = Shop(app, artist, booker, first, second)
    await shop.join(first)
    app.clock.advance(timedelta(seconds=1))
    await shop.join(second)
    request = BookingRequest(artist.id, artist.service.id, SLOT)
    booking = (await app.bookings.create_booking(booker, request)).booking
    hour = ServiceFields(duration=timedelta(hours=1))
    await app.catalog.update_service(artist.actor, artist.id, artist.service.id, hour)
    await app.bookings.reschedule(booker, booking.id, start=SLOT + DAY)  # off their dates

    assert await app.bundles.waitlist.offer_freed_times() == 2
    offers = [
        (await app.bundles.waitlist.my_waitlist(who, PageRequest())).items[0].entry.offer
        for who in (first, second)
    ]
    assert [o.start if o else None for o in offers] == [SLOT, SLOT + timedelta(hours=1)]


async def test_a_freed_time_that_keeps_failing_is_passed_over_and_holds_up_no_other(
    uow_factory: AnyUnitOfWorkFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """The storage refuses every offer of the first freed time (the reference drawn for it
    is one a booking holds); it is tried ``ATTEMPTS`` times, logged and passed over, and
    the freed time after it in the same batch is offered. A refusal that does not come
    again is only a retry."""
    shop = await a_shop(uow_factory)
    await shop.join(shop.first)
    await shop.join(shop.second, SLOT.date() + DAY, SLOT.date() + DAY)
    freed = await book_and_cancel(shop)
    taken = (await shop.app.bookings.get_booking(shop.booker, freed)).reference
    request = BookingRequest(shop.artist.id, shop.artist.service.id, SLOT + DAY)
    later = (await shop.app.bookings.create_booking(shop.booker, request)).booking
    await shop.app.bookings.change_status(shop.booker, later.id, status=BookingStatus.CANCELLED)
    drawn = iter([taken] * ATTEMPTS + ["INK-FRESH1", taken, "INK-FRESH2"])
    deps = WaitlistDeps(
        shop.app.uow, shop.app.clock, feed_of(uow_factory), frozenset({"MNT"}),
        lambda: next(drawn),
    )  # fmt: skip
    reader = OfferFreedTimes(deps)

    with caplog.at_level(logging.WARNING, logger="inkslot.waitlist"):
        assert await reader() == 1
    assert [r.levelname for r in caplog.records] == ["WARNING"] * (ATTEMPTS - 1) + ["ERROR"]
    assert "booking.cancelled" in caplog.records[-1].getMessage()
    waiting = (await shop.app.bundles.waitlist.my_waitlist(shop.first, PageRequest())).items
    offered = (await shop.app.bundles.waitlist.my_waitlist(shop.second, PageRequest())).items
    assert [waiting[0].state, offered[0].state] == [EntryState.WAITING, EntryState.OFFERED]
    assert await reader() == 0  # passed over for good: the position moved on

    await book_and_cancel(shop)  # the same time freed again: one clash, then offered
    assert await reader() == 1
    now = (await shop.app.bundles.waitlist.my_waitlist(shop.first, PageRequest())).items
    assert now[0].state is EntryState.OFFERED and now[0].entry.offer is not None
    held = await shop.app.bookings.get_booking(shop.first, now[0].entry.offer.booking_id)
    assert held.reference == "INK-FRESH2"


async def test_entries_whose_dates_are_over_count_no_more_towards_the_cap(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """An entry that reads as ``expired`` is no live entry: a customer whose waits all ran
    out may join again, without leaving each first."""
    shop = await a_shop(uow_factory)
    day = SLOT.date()
    for n in range(MAX_LIVE):
        await shop.join(shop.first, day + n * DAY, day + n * DAY)
    with pytest.raises(TooManyWaitlistEntriesError):
        await shop.join(shop.first, day + MAX_LIVE * DAY, day + MAX_LIVE * DAY)
    shop.app.clock.advance((MAX_LIVE + 3) * DAY)  # every date of theirs is over
    later = shop.app.clock.now().date() + DAY
    joined = await shop.join(shop.first, later, later)
    assert joined.state is EntryState.WAITING
