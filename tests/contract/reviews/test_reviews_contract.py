"""Reviews on every adapter: one per booking (also when two arrive at once), edits and
replies stored, the artist's rating changed in the same transaction and equal to the mean
of the visible reviews, public lists newest or best first without hidden ones."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta
from typing import cast

import pytest

from adapters.postgres.database import Database
from adapters.system.clock import ManualClock
from booking_domain.bookings import BookingStatus, record_change
from booking_domain.bookings.history import HistoryEntry, HistoryKind
from booking_domain.reviews import ReviewExistsError, ReviewOrder
from booking_domain.reviews.use_cases import ReviewsDeps, ReviewUseCases
from booking_domain.shared import Actor, BookingId, Role
from booking_domain.shared.pages import PageRequest
from booking_domain.testing.builders import admin
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.support.builders import START, TEST_SECRETS
from tests.support.catalog import BookableArtist, a_user, add_bookable_artist, add_user
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    postgres_units,
)

pytestmark = pytest.mark.anyio


async def completed_booking(
    uow: AnyUnitOfWorkFactory, artist: BookableArtist, customer: Actor, day: int
) -> BookingId:
    booking, event = a_booking(artist, customer, start=SLOT + timedelta(days=day))
    await store(uow, booking, event)
    done = replace(booking, status=BookingStatus.COMPLETED, version=booking.version + 1)
    closing = HistoryEntry(
        booking.id, done.version, HistoryKind.COMPLETED, START, artist.user_id,
        Role.ARTIST, BookingStatus.CONFIRMED, BookingStatus.COMPLETED,
    )  # fmt: skip
    async with uow() as work:
        await record_change(work, done, closing)
        await work.commit()
    return booking.id


async def rating_of(uow: AnyUnitOfWorkFactory, artist: BookableArtist) -> tuple[int, int]:
    async with uow(read_only=True) as work:
        found = await work.artists.get(artist.id)
    assert found is not None
    return found.review_count, found.rating_total


def reviews_of(uow: AnyUnitOfWorkFactory, clock: ManualClock) -> ReviewUseCases:
    return ReviewUseCases.build(ReviewsDeps(uow=uow, clock=clock))


async def test_a_review_moves_the_rating_in_its_transaction_and_lists_hide_hidden_ones(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    clock = ManualClock(START)
    reviews = reviews_of(uow_factory, clock)
    artist = await add_bookable_artist(uow_factory)
    customers = [await add_user(uow_factory) for _ in range(3)]
    made = []
    for day, (who, stars) in enumerate(zip(customers, (5, 3, 4), strict=True), start=1):
        booking_id = await completed_booking(uow_factory, artist, who, day)
        clock.advance(timedelta(minutes=1))
        made.append(await reviews.write_review(who, booking_id, stars, f"{stars} stars"))
    assert await rating_of(uow_factory, artist) == (3, 12)
    newest = await reviews.list_artist_reviews(None, artist.id, ReviewOrder.NEWEST, PageRequest())
    assert [r.review.rating for r in newest.items] == [4, 3, 5] and newest.total == 3
    best = await reviews.list_artist_reviews(None, artist.id, ReviewOrder.RATING, PageRequest())
    assert [r.review.rating for r in best.items] == [5, 4, 3]
    boss = admin()
    await reviews.hide_review(boss, made[0].id, "Names a third person")
    assert await rating_of(uow_factory, artist) == (2, 7)
    public = await reviews.list_artist_reviews(None, artist.id, ReviewOrder.NEWEST, PageRequest())
    assert [r.review.id for r in public.items] == [made[2].id, made[1].id]
    everything = await reviews.list_artist_reviews(
        boss, artist.id, ReviewOrder.NEWEST, PageRequest()
    )
    assert everything.total == 3
    await reviews.edit_review(customers[1], made[1].id, rating=1, text=None)
    assert await rating_of(uow_factory, artist) == (2, 5)
    replied = await reviews.reply_to_review(artist.actor, made[1].id, "Sorry to hear that.")
    assert replied.reply is not None
    assert (await reviews.get_review(None, made[1].id)).reply == replied.reply
    await reviews.restore_review(boss, made[0].id)
    assert await rating_of(uow_factory, artist) == (3, 10)


async def test_a_booking_is_reviewed_once_even_by_two_requests_at_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    reviews = reviews_of(uow_factory, ManualClock(START))
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking_id = await completed_booking(uow_factory, artist, customer, 1)
    outcomes = await asyncio.gather(
        *(reviews.write_review(customer, booking_id, 5, "twice") for _ in range(2)),
        return_exceptions=True,
    )
    assert sum(isinstance(o, ReviewExistsError) for o in outcomes) == 1
    assert await rating_of(uow_factory, artist) == (1, 5)


async def test_the_catalogue_never_overwrites_the_rating(uow_factory: AnyUnitOfWorkFactory) -> None:
    reviews = reviews_of(uow_factory, ManualClock(START))
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking_id = await completed_booking(uow_factory, artist, customer, 1)
    async with uow_factory(read_only=True) as work:
        before = await work.artists.get(artist.id)  # as a catalogue edit would have read it
    assert before is not None
    await reviews.write_review(customer, booking_id, 5, "")
    async with uow_factory() as work:  # an edit from a profile read before the review
        await work.artists.update(replace(before, bio="New bio"))
        await work.commit()
    assert await rating_of(uow_factory, artist) == (1, 5)


async def test_on_postgres_a_review_leaves_the_catalogue_version_alone(database_url: str) -> None:
    database = Database(database_url, min_size=1, max_size=2)
    await database.open()
    try:
        factory = postgres_units(database, secrets=TEST_SECRETS)
        reviews = reviews_of(factory, ManualClock(START))
        artist = await add_bookable_artist(factory)
        customer = await add_user(factory)
        booking_id = await completed_booking(factory, artist, customer, 1)

        async def version() -> int:
            async with database.pool.connection() as conn:
                row = await (
                    await conn.execute(
                        "SELECT catalog_version FROM artists WHERE id = %s", (artist.id,)
                    )
                ).fetchone()
            assert row is not None
            return cast(int, row["catalog_version"])

        before = await version()
        await reviews.write_review(customer, booking_id, 4, "")
        assert await version() == before and await rating_of(factory, artist) == (1, 4)
        async with database.pool.connection() as conn:  # a plain-SQL catalogue change
            await conn.execute("UPDATE artists SET bio = 'x' WHERE id = %s", (artist.id,))
        assert await version() == before + 1
    finally:
        await database.close()


async def test_lists_sign_each_review_with_its_reviewers_display_name(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """The author's name is read with the reviews (one query on PostgreSQL); the list shows
    the first name and the last initial, never the whole name."""
    clock = ManualClock(START)
    reviews = reviews_of(uow_factory, clock)
    artist = await add_bookable_artist(uow_factory)
    ada = replace(a_user(), name="Ada Lovelace")
    async with uow_factory() as work:
        await work.users.add(ada)
        await work.commit()
    booking_id = await completed_booking(uow_factory, artist, Actor(ada.id, Role.CUSTOMER), 1)
    review = await reviews.write_review(Actor(ada.id, Role.CUSTOMER), booking_id, 5, "Lovely")
    async with uow_factory(read_only=True) as work:
        authored = await work.reviews.authored(
            artist.id, ReviewOrder.NEWEST, PageRequest(), hidden=False
        )
    assert [(a.review.id, a.author_name) for a in authored.items] == [(review.id, "Ada Lovelace")]
    listed = await reviews.list_artist_reviews(None, artist.id, ReviewOrder.RATING, PageRequest())
    assert [(r.review.id, r.reviewer) for r in listed.items] == [(review.id, "Ada L.")]
    assert listed.total == 1
