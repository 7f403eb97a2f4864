"""Touch-ups in storage, on every adapter: the link to the original round-trips, an original
finds its live touch-up, and a second live touch-up of one original is refused whatever
the concurrency (a cancelled one frees the right); a touch-up racing a dispute of its
original waits for it and is refused."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, timedelta

import pytest

from booking_domain.accounts import Actor
from booking_domain.bookings import (
    Booking,
    BookingStatus,
    HistoryEntry,
    SessionTerms,
    TouchUpNotAvailableError,
    TouchUpTakenError,
    lifecycle,
    record_change,
    record_new,
    request_booking,
)
from booking_domain.disputes import open_dispute
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Money
from booking_domain.testing.builders import open_all_week
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory, PostgresUnits, until_a_lock_is_awaited

pytestmark = pytest.mark.anyio
DAY = timedelta(days=1)
SLOT = START + 3 * DAY


def a_booking(
    artist: BookableArtist, customer: Actor, start: datetime, original: Booking | None = None
) -> tuple[Booking, HistoryEntry]:
    terms = None
    if original is not None:
        free = Money.zero(artist.service.price.currency)
        terms = SessionTerms(free, free, touch_up_of=original.id)
    return request_booking(
        by=customer, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=start, now=START, terms=terms,
    )  # fmt: skip


async def store(uow_factory: AnyUnitOfWorkFactory, made: tuple[Booking, HistoryEntry]) -> None:
    async with uow_factory() as uow:
        await record_new(uow, *made)
        await uow.commit()


async def test_an_original_finds_its_one_live_touch_up(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    original = a_booking(artist, customer, SLOT)
    await store(uow_factory, original)
    first = a_booking(artist, customer, SLOT + DAY, original[0])
    await store(uow_factory, first)
    async with uow_factory(read_only=True) as uow:
        found = await uow.bookings.touch_up_of(original[0].id)
        assert await uow.bookings.touch_up_of(first[0].id) is None
    assert found == first[0]
    assert found.touch_up_of == original[0].id and found.price == Money.zero("MNT")
    with pytest.raises(TouchUpTakenError):
        await store(uow_factory, a_booking(artist, customer, SLOT + 2 * DAY, original[0]))
    cancelled, entry = lifecycle.cancel(first[0], customer, START, artist.profile.policy)
    async with uow_factory() as uow:
        await record_change(uow, cancelled, entry)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.touch_up_of(original[0].id) is None
    second = a_booking(artist, customer, SLOT + 2 * DAY, original[0])
    await store(uow_factory, second)
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.touch_up_of(original[0].id) == second[0]


async def test_concurrent_touch_ups_of_one_original_make_one(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    original, _ = a_booking(artist, customer, SLOT)
    done = dataclasses.replace(original, status=BookingStatus.COMPLETED)
    await store(uow_factory, (done, _))
    app = build_app(uow=uow_factory)
    app.clock.set(SLOT + DAY)
    starts = [SLOT + n * DAY for n in range(2, 6)]
    book = app.bookings.book_touch_up
    results = await asyncio.gather(
        *(book(customer, done.id, start=s) for s in starts), return_exceptions=True
    )
    made = [r for r in results if isinstance(r, Booking)]
    assert len(made) == 1
    assert all(isinstance(r, TouchUpTakenError) for r in results if r not in made)


async def test_a_touch_up_racing_a_dispute_of_its_original_is_refused(
    postgres: PostgresUnits,
) -> None:
    """The dispute takes the original's row (not the calendar) and commits while the
    touch-up waits: the touch-up sees the original disputed, not completed."""
    artist, customer = await add_bookable_artist(postgres), await add_user(postgres)
    original, entry = a_booking(artist, customer, SLOT)
    done = dataclasses.replace(original, status=BookingStatus.COMPLETED)
    await store(postgres, (done, entry))
    app = build_app(uow=postgres)
    app.clock.set(SLOT + DAY)
    async with postgres() as uow:
        held = await uow.bookings.get(done.id, for_update=True)
        assert held is not None
        dispute, disputed, change = open_dispute(held, customer, SLOT + DAY, reason="Smudged")
        await uow.disputes.add(dispute)
        await record_change(uow, disputed, change)
        booking = asyncio.create_task(
            app.bookings.book_touch_up(customer, done.id, start=SLOT + 3 * DAY)
        )
        waited = await until_a_lock_is_awaited(postgres)
        await uow.commit()
    outcome = (await asyncio.gather(booking, return_exceptions=True))[0]
    assert waited, f"the touch-up did not wait for the dispute: {outcome!r}"
    assert isinstance(outcome, TouchUpNotAvailableError) and outcome.reason == "not_completed"
