"""The outbox and its feed, on every adapter: an event is written with its change and only
with it, the feed hands events out once, in order, per audience, and a cursor is never
overtaken by a later commit."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta
from uuid import UUID

import pytest

from adapters.memory.outbox import InMemoryOutboxFeed
from adapters.postgres.feed_window import FeedWindow
from adapters.postgres.outbox import PostgresOutboxFeed
from booking_domain.bookings import Booking, BookingStatus, lifecycle, record_change, record_new
from booking_domain.catalog import ArtistChange, artist_outbox_event, artist_subject
from booking_domain.notifications import InboxItem, NotificationId, inbox_event
from booking_domain.shared import (
    Actor,
    ConcurrentUpdateError,
    EventId,
    FeedItem,
    InvalidCursorError,
    OutboxFeed,
    UserId,
    new_uuid7,
)
from booking_domain.testing.builders import admin
from tests.contract.bookings.test_bookings_contract import DEPOSIT, a_booking, store
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory, InMemoryUnitOfWorkFactory

pytestmark = pytest.mark.anyio


def feed_of(uow_factory: AnyUnitOfWorkFactory) -> OutboxFeed:
    """The feed as the app has it: on PostgreSQL, behind the window its followers share,
    here small enough that every suite's reads run off its ends (``test_feed_window.py``
    holds the window to the database's own answers)."""
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        return InMemoryOutboxFeed(uow_factory.store)
    return FeedWindow(PostgresOutboxFeed(uow_factory.database), kept=7, fill=3)


async def everything(feed: OutboxFeed, after: str | None = None) -> Sequence[FeedItem]:
    return await feed.read(after, limit=1000)


async def cancel_as_customer(
    uow_factory: AnyUnitOfWorkFactory,
    booking: Booking,
    customer: Actor,
    artist: BookableArtist,
    reason: str | None = None,
) -> None:
    """The customer cancels ``booking`` a minute after the start of the tests' day."""
    cancelled, cancel_event = lifecycle.cancel(
        booking, customer, START + timedelta(minutes=1), artist.profile.policy, reason=reason
    )
    async with uow_factory() as uow:
        await record_change(uow, cancelled, cancel_event)
        await uow.commit()


async def test_a_booking_change_writes_exactly_one_event_and_a_rollback_none(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)

    async with uow_factory() as uow:  # rolled back: no booking, no event
        await record_new(uow, booking, event)
    assert await everything(feed, start) == []

    await store(uow_factory, booking, event)
    await cancel_as_customer(uow_factory, booking, customer, artist, reason="plans")

    items = await everything(feed, start)
    assert [(i.event.type, i.event.sequence) for i in items] == [
        ("booking.requested", 1),
        ("booking.cancelled", 2),
    ]
    first = items[0].event
    assert first.subject == f"booking/{booking.id}"
    assert set(first.audience) == {customer.user_id, artist.user_id}
    assert first.data["booking"]["status"] == BookingStatus.PENDING.value  # type: ignore[index, call-overload]
    assert items[1].event.data["change"]["reason"] == "plans"  # type: ignore[index, call-overload]
    assert items[0].cursor < items[1].cursor


async def test_a_failed_save_writes_no_event(uow_factory: AnyUnitOfWorkFactory) -> None:
    feed = feed_of(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    start = await feed.tail()
    stale = dataclasses.replace(event, version=5)  # the stored version is 1, not 4
    with pytest.raises(ConcurrentUpdateError):
        async with uow_factory() as uow:
            await record_change(uow, dataclasses.replace(booking, version=5), stale)
            await uow.commit()
    assert await everything(feed, start) == []


async def test_the_feed_reads_on_from_a_cursor_and_for_one_audience(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    first, second = await add_user(uow_factory), await add_user(uow_factory)
    for customer, hour in ((first, 10), (second, 12), (first, 14)):
        booking, event = a_booking(
            artist, customer, start=START.replace(hour=hour) + timedelta(days=30)
        )
        await store(uow_factory, booking, event)

    items = await everything(feed, start)
    assert len(items) == 3
    page = await feed.read(start, limit=2)
    assert page == items[:2]
    assert await feed.read(page[-1].cursor, limit=2) == items[2:]
    mine = await feed.read(start, limit=10, for_user=first.user_id)
    assert [i.event for i in mine] == [items[0].event, items[2].event]
    assert await feed.read(start, limit=10, for_user=UserId(admin().user_id)) == []
    assert await feed.tail() == items[-1].cursor


async def test_a_scan_hands_back_only_the_types_asked_for_and_moves_past_the_rest(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer, start=START + timedelta(days=30))
    await store(uow_factory, booking, event)
    await cancel_as_customer(uow_factory, booking, customer, artist, reason="plans")
    items = await everything(feed, start)
    assert [i.event.type for i in items] == ["booking.requested", "booking.cancelled"]

    wanted = await feed.scan(start, types={"booking.cancelled"}, limit=10)
    assert (wanted.items, wanted.reached, wanted.looked) == (items[1:], items[1].cursor, 2)
    first = await feed.scan(start, types={"booking.cancelled"}, limit=1)
    assert (first.items, first.reached, first.looked) == ([], items[0].cursor, 1)
    rest = await feed.scan(first.reached, types={"booking.cancelled"}, limit=1)
    assert (rest.items, rest.reached) == (items[1:], items[1].cursor)
    none = await feed.scan(start, types={"review.created"}, limit=10)
    assert (none.items, none.reached, none.looked) == ([], items[1].cursor, 2)
    caught_up = await feed.scan(items[1].cursor, types={"booking.cancelled"}, limit=10)
    assert (caught_up.items, caught_up.reached, caught_up.looked) == ([], None, 0)
    with pytest.raises(InvalidCursorError):
        await feed.scan("x" * 20, types={"booking.cancelled"}, limit=1)


@pytest.mark.parametrize("cursor", ["", "1", "x" * 20, "0" * 41, "\u0661" * 20, "-1"])
async def test_a_cursor_the_feed_never_made_is_refused(
    uow_factory: AnyUnitOfWorkFactory, cursor: str
) -> None:
    with pytest.raises(InvalidCursorError):
        await feed_of(uow_factory).read(cursor, limit=1)


async def test_an_artist_event_takes_the_next_number_of_its_subject(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    subject = artist_subject(artist.profile.id)
    for expected in (1, 2):
        async with uow_factory() as uow:
            sequence = await uow.outbox.next_sequence(subject)
            assert sequence == expected
            event = artist_outbox_event(
                artist.profile, ArtistChange.SUSPENDED, admin(), START, sequence=sequence
            )
            await uow.outbox.record(event)
            await uow.commit()
    with pytest.raises(ConcurrentUpdateError):  # a second event numbered 2
        async with uow_factory() as uow:
            await uow.outbox.record(dataclasses.replace(event, id=EventId(UUID(int=1))))
            await uow.commit()


async def test_a_later_commit_never_lands_before_a_cursor_already_read(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """PostgreSQL only: a transaction that wrote its event first but commits last holds the
    feed back until it ends, instead of appearing behind events already handed out."""
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        pytest.skip("in memory, units of work that write run one at a time")
    feed = feed_of(uow_factory)
    one = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    other = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    start = await feed.tail()
    slow, slow_event = a_booking(one, customer, start=START + timedelta(days=40))
    quick, quick_event = a_booking(other, customer, start=START + timedelta(days=41))
    async with uow_factory() as slow_uow:
        await record_new(slow_uow, slow, slow_event)  # written, not committed
        await store(uow_factory, quick, quick_event)  # written after, committed first
        assert await everything(feed, start) == []  # held back by the open transaction
        assert await feed.tail() == start
        await slow_uow.commit()
    items = await everything(feed, start)
    assert [i.event.subject for i in items] == [f"booking/{slow.id}", f"booking/{quick.id}"]


async def test_old_events_are_forgotten_but_each_subject_keeps_its_newest(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    subject = artist_subject(artist.profile.id)
    for change in (ArtistChange.SUSPENDED, ArtistChange.REINSTATED, ArtistChange.SUSPENDED):
        async with uow_factory() as uow:
            sequence = await uow.outbox.next_sequence(subject)
            await uow.outbox.record(
                artist_outbox_event(artist.profile, change, admin(), START, sequence=sequence)
            )
            await uow.commit()
    mine = [i for i in await everything(feed) if i.event.subject == subject]
    assert [i.event.sequence for i in mine] == [1, 2, 3]
    far_future = START + timedelta(days=10_000)  # everything recorded so far is older
    while await feed.forget_before(far_future, limit=1):
        pass
    kept = [i for i in await everything(feed) if i.event.subject == subject]
    assert kept == mine[-1:]
    assert await feed.read(mine[0].cursor, limit=10) != []  # an old cursor still reads on
    async with uow_factory() as uow:
        assert await uow.outbox.next_sequence(subject) == 4


async def test_an_in_app_notifications_one_event_is_forgotten_with_age(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """A subject of a kind that never changes again (an inbox item) keeps no event: nothing
    is ever numbered after it, and one row per message would otherwise stay forever."""
    feed = feed_of(uow_factory)
    customer = await add_user(uow_factory)
    item = InboxItem(
        NotificationId(new_uuid7()), customer.user_id, "booking.confirmed", "Booked", "Text",
        None, None, START,
    )  # fmt: skip
    async with uow_factory() as uow:
        await uow.outbox.record(inbox_event(item))
        await uow.commit()
    subject = f"notification/{item.id}"
    assert [i.event.subject for i in await everything(feed)].count(subject) == 1
    assert await feed.forget_before(START, limit=10) == 0  # not older than the moment
    while await feed.forget_before(START + timedelta(days=10_000), limit=10):
        pass
    assert subject not in [i.event.subject for i in await everything(feed)]


async def test_a_reader_of_some_types_is_handed_those_only(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    feed = feed_of(uow_factory)
    start = await feed.tail()
    artist = await add_bookable_artist(uow_factory, deposit=DEPOSIT)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    await cancel_as_customer(uow_factory, booking, customer, artist)

    wanted = frozenset({"booking.cancelled", "booking.expired"})
    items = await feed.read(start, limit=10, types=wanted)
    assert [i.event.type for i in items] == ["booking.cancelled"]
    assert items == [i for i in await everything(feed, start) if i.event.type in wanted]
    assert await feed.read(items[0].cursor, limit=10, types=wanted) == []
    with pytest.raises(ValueError, match="not both"):
        await feed.read(start, limit=10, types=wanted, for_user=customer.user_id)
