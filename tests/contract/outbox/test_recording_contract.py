"""Recording with a change, on every adapter: what a unit of work records (outbox events,
audit entries) is written with the change that carries it or when the unit commits, never
when the change fails or the unit ends without committing, and the feed keeps the order
the records were made in."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from booking_domain.bookings import (
    SlotTakenError,
    booking_event_type,
    booking_outbox_event,
    lifecycle,
    record_change,
    record_new,
)
from booking_domain.catalog import ArtistChange, artist_outbox_event, artist_subject
from booking_domain.shared import ConcurrentUpdateError, EventId, new_uuid7
from booking_domain.shared.audit import AuditFilter
from booking_domain.testing.builders import admin
from tests.contract.bookings.test_bookings_contract import DEPOSIT, HOUR, SLOT, a_booking, store
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _audit_actions(uow_factory: AnyUnitOfWorkFactory, target: str) -> list[str]:
    async with uow_factory(read_only=True) as uow:
        page = await uow.audit.list(AuditFilter(target=target), before=None, limit=100)
    return [e.action for e in page.items]


async def test_an_autocommit_creation_writes_its_event_and_entry_with_the_booking(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    booking, entry = a_booking(artist, customer)
    async with uow_factory(autocommit=True) as uow:
        await record_new(uow, booking, entry)
    assert [i.event.subject for i in await everything(feed, start)] == [f"booking/{booking.id}"]
    actions = await _audit_actions(uow_factory, f"booking/{booking.id}")
    assert actions == [booking_event_type(entry)]


async def test_a_creation_refused_in_an_autocommit_unit_leaves_no_event_and_no_entry(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Even though the booking before it in the same unit stays: its write returned."""
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    kept, kept_entry = a_booking(artist, customer)
    refused, refused_entry = a_booking(artist, customer, SLOT + HOUR / 2)
    with pytest.raises(SlotTakenError):
        async with uow_factory(autocommit=True) as uow:
            await record_new(uow, kept, kept_entry)
            await record_new(uow, refused, refused_entry)
    subjects = [i.event.subject for i in await everything(feed, start)]
    assert subjects == [f"booking/{kept.id}"]
    assert await _audit_actions(uow_factory, f"booking/{refused.id}") == []


async def test_records_of_a_unit_left_without_commit_are_never_written(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    start = await feed.tail()
    async with uow_factory() as uow:
        event = artist_outbox_event(
            artist.profile, ArtistChange.SUSPENDED, admin(), START, sequence=1
        )
        await uow.outbox.record(event)
    async with uow_factory() as uow:
        await uow.outbox.record(event)
        await uow.rollback()
        await uow.commit()  # nothing is left to write
    assert await everything(feed, start) == []


async def test_the_feed_keeps_the_order_of_the_records_whatever_carries_them(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """An event recorded before a booking's change is read before it, though the change's
    own write may carry the booking's event first."""
    feed = feed_of(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, entry = a_booking(artist, customer)
    await store(uow_factory, booking, entry)
    start = await feed.tail()
    cancelled, change = lifecycle.cancel(
        booking, customer, START + timedelta(minutes=1), artist.profile.policy
    )
    subject = artist_subject(artist.profile.id)
    async with uow_factory() as uow:
        sequence = await uow.outbox.next_sequence(subject)
        first = artist_outbox_event(
            artist.profile, ArtistChange.SUSPENDED, admin(), START, sequence=sequence
        )
        await uow.outbox.record(first)
        assert await uow.outbox.next_sequence(subject) == sequence + 1  # counts what is held
        await record_new(uow, *a_booking(artist, customer, SLOT + 2 * HOUR))
        await uow.bookings.save(cancelled, change)  # nothing recorded: the history only
        await uow.commit()
    types = [i.event.type for i in await everything(feed, start)]
    assert types == ["artist.suspended", "booking.requested"]
    async with uow_factory(read_only=True) as uow:
        assert [e.version for e in await uow.bookings.history(booking.id)] == [1, 2]


async def test_a_change_and_the_event_it_carries_are_one_write(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """An autocommit change whose event cannot be written is not written either: its write
    carries its records (were they written apart, the booking would have moved on)."""
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, entry = a_booking(artist, customer)
    await store(uow_factory, booking, entry)
    cancelled, change = lifecycle.cancel(
        booking, customer, START + timedelta(minutes=1), artist.profile.policy
    )
    taken = booking_outbox_event(cancelled, change)
    async with uow_factory() as uow:  # another change took the event's number first
        await uow.outbox.record(dataclasses.replace(taken, id=EventId(new_uuid7())))
        await uow.commit()
    with pytest.raises(ConcurrentUpdateError):
        async with uow_factory(autocommit=True) as uow:
            await record_change(uow, cancelled, change)
    async with uow_factory(read_only=True) as uow:
        stored = await uow.bookings.get(booking.id)
        history = await uow.bookings.history(booking.id)
    assert stored is not None and stored.version == 1
    assert [e.version for e in history] == [1]


async def test_a_refused_change_drops_its_records_though_the_unit_commits(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, entry = a_booking(artist, customer)
    await store(uow_factory, booking, entry)
    start = await feed.tail()
    rival, rival_entry = a_booking(artist, customer, SLOT + HOUR / 2)
    async with uow_factory() as uow:
        with pytest.raises(SlotTakenError):
            await record_new(uow, rival, rival_entry)
        await uow.commit()
    assert await everything(feed, start) == []
    assert await _audit_actions(uow_factory, f"booking/{rival.id}") == []


async def test_a_savepoint_that_fails_takes_back_only_its_own_writes_and_records(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """What came before the block and after it is committed with the unit; the refused
    block's booking, event and audit entry are not, and its refusal is the domain's."""
    feed = feed_of(uow_factory)
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    start = await feed.tail()
    before, within, refused, after = (
        a_booking(artist, customer, SLOT + n * HOUR) for n in (0, 2, 0, 4)
    )
    async with uow_factory() as uow:
        await record_new(uow, *before)
        with pytest.raises(SlotTakenError):
            async with uow.savepoint():
                await record_new(uow, *within)  # fine alone: goes with the block
                await record_new(uow, *refused)  # the time ``before`` holds
        async with uow.savepoint():
            await record_new(uow, *after)
        await uow.commit()
    subjects = [i.event.subject for i in await everything(feed, start)]
    assert subjects == [f"booking/{before[0].id}", f"booking/{after[0].id}"]
    assert await _audit_actions(uow_factory, f"booking/{within[0].id}") == []
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.get(within[0].id) is None


async def test_a_savepoint_first_in_its_unit_commits_nothing_by_itself(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """A block that begins the unit's transaction is still only part of it: gone when the
    unit ends without a commit, and a failing one leaves the unit free to go on."""
    feed = feed_of(uow_factory)
    artist, customer = await add_bookable_artist(uow_factory), await add_user(uow_factory)
    start = await feed.tail()
    first, second = a_booking(artist, customer), a_booking(artist, customer, SLOT + 2 * HOUR)
    async with uow_factory() as uow, uow.savepoint():
        await record_new(uow, *first)
    async with uow_factory() as uow:
        with pytest.raises(SlotTakenError):
            async with uow.savepoint():
                await record_new(uow, *second)
                await record_new(uow, *a_booking(artist, customer, SLOT + 2 * HOUR))
        await record_new(uow, *first)
        await uow.commit()
    assert [i.event.subject for i in await everything(feed, start)] == [f"booking/{first[0].id}"]
