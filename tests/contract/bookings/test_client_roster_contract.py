"""The artists' rosters, on every adapter: each person the artist booked (a customer or a
client record) once, with their figures over that artist's bookings only, latest last start
first and ties by name; the search by folded name or by phone digits; paging with the exact
total; one person's entry; and the booking list narrowed to one client record."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from booking_domain.accounts import User
from booking_domain.bookings import (
    BookedFor,
    Booking,
    BookingStatus,
    Client,
    ClientId,
    RosterEntry,
    new_client,
    request_booking,
    roster_search,
)
from booking_domain.bookings.ports import BookingFilter
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import PageRequest, UserId, new_uuid7
from booking_domain.shared.identity import Actor, Role
from booking_domain.testing.builders import open_all_week
from tests.support.builders import START
from tests.support.catalog import BookableArtist, a_user, add_bookable_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DONE, MISSED, CANCELLED = BookingStatus.COMPLETED, BookingStatus.NO_SHOW, BookingStatus.CANCELLED
CONFIRMED = BookingStatus.CONFIRMED


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=UTC)


async def a_customer(uow_factory: AnyUnitOfWorkFactory, name: str, phone: str | None) -> User:
    user = dataclasses.replace(a_user(), name=name, phone=phone)
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    return user


async def a_client(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, name: str, phone: str
) -> Client:
    client = new_client(artist_id=artist.profile.id, name=name, phone=phone, email=None, now=START)
    async with uow_factory() as uow:
        stored = await uow.clients.add(client)
        await uow.commit()
    return stored


async def book(
    uow_factory: AnyUnitOfWorkFactory,
    artist: BookableArtist,
    person: BookedFor,
    start: datetime,
    status: BookingStatus = CONFIRMED,
) -> Booking:
    """A booking the artist made for ``person``, stored in ``status``."""
    made, entry = request_booking(
        by=Actor(artist.user_id, Role.ARTIST), service=artist.service,
        artist_user_id=artist.user_id, policy=artist.profile.policy, schedule=open_all_week(),
        busy=BusyTimeline(), start=start, now=START, party=person, deposit=False,
    )  # fmt: skip
    booking = dataclasses.replace(made, status=status, hold_expires_at=None)
    async with uow_factory() as uow:
        await uow.bookings.add(booking, entry)
        await uow.commit()
    return booking


@dataclass
class Studio:
    """Two artists; Ann and Cy (customers) and Bold (a client record of the first)."""

    artist: BookableArtist
    other: BookableArtist
    ann: BookedFor
    cy: BookedFor
    bold: BookedFor


async def a_studio(uow_factory: AnyUnitOfWorkFactory) -> Studio:
    artist = await add_bookable_artist(uow_factory)
    other = await add_bookable_artist(uow_factory)
    ann_user = await a_customer(uow_factory, "Ann", "+97688110001")
    cy_user = await a_customer(uow_factory, "Cy", None)
    bold_record = await a_client(uow_factory, artist, "Bold", "+976 9911-2233")
    ann, cy = BookedFor(customer_id=ann_user.id), BookedFor(customer_id=cy_user.id)
    bold = BookedFor(client_id=bold_record.id)
    for start, status in ((at(3), DONE), (at(4), MISSED), (at(5), CANCELLED), (at(12), CONFIRMED)):
        await book(uow_factory, artist, ann, start, status)
    await book(uow_factory, artist, bold, at(6), DONE)
    await book(uow_factory, artist, cy, at(12), CANCELLED)  # ties Ann's last start
    await book(uow_factory, other, cy, at(20))  # the other artist's: never counted
    await book(uow_factory, other, ann, at(21), DONE)
    return Studio(artist, other, ann, cy, bold)


async def roster(
    uow_factory: AnyUnitOfWorkFactory,
    artist: BookableArtist,
    text: str | None = None,
    page: PageRequest | None = None,
) -> tuple[list[RosterEntry], int]:
    async with uow_factory(read_only=True) as uow:
        found = await uow.client_roster.roster(
            artist.user_id, roster_search(text), page or PageRequest()
        )
    return list(found.items), found.total


async def test_each_person_is_listed_once_with_their_figures_in_order(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    entries, total = await roster(uow_factory, studio.artist)
    assert total == 3
    assert [e.person for e in entries] == [studio.ann, studio.cy, studio.bold]
    ann, cy, bold = entries
    assert (ann.name, ann.phone, ann.bookings, ann.completed, ann.no_shows, ann.cancelled) == (
        "Ann", "+97688110001", 4, 1, 1, 1,
    )  # fmt: skip
    assert (ann.first_start, ann.last_start) == (at(3), at(12))
    assert (cy.name, cy.phone, cy.bookings, cy.cancelled, cy.completed) == ("Cy", None, 1, 1, 0)
    assert (bold.name, bold.phone, bold.bookings, bold.completed) == ("Bold", "+97699112233", 1, 1)
    assert bold.client_id is not None and bold.customer_id is None


async def test_another_artists_bookings_never_count(uow_factory: AnyUnitOfWorkFactory) -> None:
    studio = await a_studio(uow_factory)
    entries, total = await roster(uow_factory, studio.other)
    assert total == 2
    assert [e.person for e in entries] == [studio.ann, studio.cy]
    assert [(e.bookings, e.completed, e.first_start) for e in entries] == [
        (1, 1, at(21)), (1, 0, at(20)),
    ]  # fmt: skip
    nobody = await add_bookable_artist(uow_factory)
    assert await roster(uow_factory, nobody) == ([], 0)


async def test_the_search_finds_by_folded_name_or_by_phone_digits(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    record = await a_client(uow_factory, studio.artist, "Өлзий", "88005566")
    olzii = BookedFor(client_id=record.id)
    await book(uow_factory, studio.artist, olzii, at(9))

    async def found(text: str) -> list[BookedFor]:
        return [e.person for e in (await roster(uow_factory, studio.artist, text))[0]]

    assert await found("  aNN ") == [studio.ann]
    assert await found("9911") == [studio.bold]
    assert await found("+976 9911-2233") == [studio.bold]
    assert await found("ӨЛЗИЙ") == [olzii]
    assert await found("olzii") == [olzii]
    assert await found("n") == [studio.ann]  # "Ann"; no other name holds an n
    assert await found("%") == [] and await found("_") == [] and await found("zz") == []
    assert await found("") == [studio.ann, studio.cy, olzii, studio.bold]


async def test_pages_follow_the_order_with_the_exact_total(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    first = await roster(uow_factory, studio.artist, page=PageRequest(1, 2))
    second = await roster(uow_factory, studio.artist, page=PageRequest(2, 2))
    beyond = await roster(uow_factory, studio.artist, page=PageRequest(3, 2))
    assert [e.person for e in first[0]] == [studio.ann, studio.cy] and first[1] == 3
    assert [e.person for e in second[0]] == [studio.bold] and second[1] == 3
    assert beyond == ([], 3)
    assert await roster(uow_factory, studio.artist, "zz", PageRequest(2, 2)) == ([], 0)


async def test_one_persons_entry_is_their_roster_line_and_nobody_elses(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    entries, _ = await roster(uow_factory, studio.artist)
    async with uow_factory(read_only=True) as uow:
        mine = [await uow.client_roster.entry(studio.artist.user_id, e.person) for e in entries]
        theirs = await uow.client_roster.entry(studio.other.user_id, studio.bold)
        stranger = BookedFor(customer_id=UserId(new_uuid7()))
        nobody = await uow.client_roster.entry(studio.artist.user_id, stranger)
        no_record = BookedFor(client_id=ClientId(new_uuid7()))
        no_one = await uow.client_roster.entry(studio.artist.user_id, no_record)
    assert mine == entries
    assert theirs is None and nobody is None and no_one is None


async def test_a_booking_list_narrows_to_one_client_record(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    assert studio.bold.client_id is not None
    where = BookingFilter(artist_user_id=studio.artist.user_id, client_id=studio.bold.client_id)
    async with uow_factory(read_only=True) as uow:
        listed = await uow.bookings.list(where, PageRequest())
        named = await uow.bookings.list_named(where, PageRequest())
        elsewhere = dataclasses.replace(where, artist_user_id=studio.other.user_id)
        none = await uow.bookings.list(elsewhere, PageRequest())
    assert listed.total == 1 and [b.client_id for b in listed.items] == [studio.bold.client_id]
    assert [n.names.customer for n in named.items] == ["Bold"]
    assert none.total == 0
