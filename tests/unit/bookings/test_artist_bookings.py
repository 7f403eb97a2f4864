"""CreateBooking by an artist: walk-ins and phone clients booked into the artist's own
calendar, for an existing customer (by email or phone) or a client record of theirs, with
or without the deposit, by the same slot rules and the same path as a customer's request."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    CustomerNotFoundError,
    HistoryKind,
    SlotTakenError,
)
from booking_domain.bookings.use_cases import BookingCreated, BookingRequest
from booking_domain.bookings.use_cases.parties import ClientDetails, CustomerLookup, Party
from booking_domain.catalog import FixedDeposit
from booking_domain.shared import InvalidInputError, Money
from tests.support.builders import START
from tests.support.catalog import BookableArtist, a_user
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
DEPOSIT = FixedDeposit(Money(20_000, "MNT"))
WALK_IN = ClientDetails(name="Bat Erdene", phone="8811 2233", email="Bat@Example.com")


async def book_for(
    world: World,
    by: Actor,
    artist: BookableArtist,
    party: Party | None,
    *,
    deposit: bool | None = None,
    start: datetime = SLOT,
    key: str | None = None,
) -> BookingCreated:
    request = BookingRequest(
        artist.id,
        artist.service.id,
        start,
        idempotency_key=key,
        customer=party if isinstance(party, CustomerLookup) else None,
        client=party if isinstance(party, ClientDetails) else None,
        deposit=deposit,
    )
    return await world.create(by, request)


async def a_customer(
    world: World, phone: str | None = None, role: Role = Role.CUSTOMER, *, verified: bool = False
) -> Actor:
    user = replace(a_user(role), phone=phone, phone_verified=verified)
    async with world.uow() as uow:
        await uow.users.add(user)
        await uow.commit()
    return Actor(user.id, role)


async def email_of(world: World, actor: Actor) -> str:
    async with world.uow(read_only=True) as uow:
        user = await uow.users.get(actor.user_id)
    assert user is not None and user.email is not None
    return user.email


async def test_an_artist_books_a_walk_in_client_confirmed_at_once(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT, needs_approval=True)
    booking = (await book_for(world, artist.actor, artist, WALK_IN)).booking
    assert booking.status is BookingStatus.CONFIRMED and booking.deposit.is_zero
    assert booking.customer_id is None and booking.client_id is not None
    async with world.uow(read_only=True) as uow:
        client = await uow.clients.get(booking.client_id)
    assert client is not None
    assert (client.name, client.phone, client.email) == (
        "Bat Erdene",
        "+97688112233",
        "bat@example.com",
    )
    assert client.artist_id == artist.id
    trail = await world.history(artist.actor, booking.id)
    assert [(e.kind, e.actor_role, e.to_status) for e in trail] == [
        (HistoryKind.BOOKED, Role.ARTIST, BookingStatus.CONFIRMED)
    ]


async def test_the_same_number_books_the_same_client_record(world: World) -> None:
    artist = await world.artist()
    first = (await book_for(world, artist.actor, artist, WALK_IN)).booking
    again = replace(WALK_IN, name="Bat", phone="+976 8811-2233", email=None)
    second = (
        await book_for(world, artist.actor, artist, again, start=SLOT + timedelta(hours=1))
    ).booking
    assert second.client_id == first.client_id


async def test_with_a_deposit_it_waits_for_the_deposit_like_a_request(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT, needs_approval=True)
    customer = await a_customer(world)
    lookup = CustomerLookup(email=(await email_of(world, customer)).upper())
    booking = (await book_for(world, artist.actor, artist, lookup, deposit=True)).booking
    assert booking.status is BookingStatus.PENDING and booking.awaiting_deposit
    assert booking.deposit == Money(20_000, "MNT")
    assert booking.hold_expires_at == START + timedelta(minutes=15)
    assert booking.customer_id == customer.user_id
    assert (await world.get(customer, booking.id)).id == booking.id  # the customer's own


async def test_a_deposit_is_refused_for_a_service_without_one(world: World) -> None:
    artist = await world.artist()
    with pytest.raises(InvalidInputError) as refused:
        await book_for(world, artist.actor, artist, WALK_IN, deposit=True)
    assert [e.code for e in refused.value.errors] == ["no_deposit"]


async def test_a_customer_is_found_only_by_the_number_they_proved(world: World) -> None:
    """Anyone may type any number into their profile: an unproven one finds nobody, or the
    typist would receive someone else's booking and its deposit request."""
    artist = await world.artist()
    lookup = CustomerLookup(phone="9911 2233")
    typed = await a_customer(world, phone="+97699112233")  # never proved it
    with pytest.raises(CustomerNotFoundError):
        await book_for(world, artist.actor, artist, lookup)
    owner = await a_customer(world, phone="+97699112233", verified=True)
    booking = (await book_for(world, artist.actor, artist, lookup)).booking
    assert booking.customer_id == owner.user_id != typed.user_id


async def test_an_unknown_or_non_customer_account_is_not_found(world: World) -> None:
    artist = await world.artist()
    other_artist = await a_customer(world, role=Role.ARTIST)
    for lookup in (
        CustomerLookup(email="nobody@example.com"),
        CustomerLookup(phone="+97699009900"),
        CustomerLookup(email=await email_of(world, other_artist)),
    ):
        with pytest.raises(CustomerNotFoundError):
            await book_for(world, artist.actor, artist, lookup)


async def test_the_lookup_needs_exactly_one_of_email_and_phone(world: World) -> None:
    artist = await world.artist()
    for lookup in (CustomerLookup(), CustomerLookup(email="a@example.com", phone="88112233")):
        with pytest.raises(InvalidInputError):
            await book_for(world, artist.actor, artist, lookup)


async def test_a_customer_and_a_client_at_once_are_refused(world: World) -> None:
    artist = await world.artist()
    both = BookingRequest(
        artist.id, artist.service.id, SLOT, customer=CustomerLookup(email="a@b.mn"), client=WALK_IN
    )
    with pytest.raises(InvalidInputError) as refused:
        await world.create(artist.actor, both)
    assert [e.code for e in refused.value.errors] == ["one_of"]


async def test_an_artists_booking_keeps_the_slot_rules(world: World) -> None:
    artist = await world.artist()
    await world.book(await world.user(), artist)
    with pytest.raises(SlotTakenError):
        await book_for(world, artist.actor, artist, WALK_IN, start=SLOT + timedelta(minutes=30))


async def test_nobody_but_the_calendars_artist_books_someone_in(world: World) -> None:
    """Refused before any lookup, so nobody else learns whether an email is a customer's."""
    artist, other = await world.artist(), await world.artist()
    customer = await world.user()
    nobody = CustomerLookup(email="nobody@example.com")
    for by in (other.actor, customer, await world.user(Role.ADMIN)):
        for party in (nobody, WALK_IN):
            with pytest.raises(BookingActionNotAllowedError):
                await book_for(world, by, artist, party)
    with pytest.raises(BookingActionNotAllowedError):  # a customer sets no deposit
        await book_for(world, customer, artist, None, deposit=False)


async def test_a_client_record_stays_the_artists_own(world: World) -> None:
    artist = await world.artist()
    booking = (await book_for(world, artist.actor, artist, WALK_IN)).booking
    with pytest.raises(BookingNotFoundError):
        await world.get(await world.user(), booking.id)


async def test_an_idempotency_key_replays_the_artists_booking(world: World) -> None:
    artist = await world.artist()
    first = await book_for(world, artist.actor, artist, WALK_IN, key="walk-in-1")
    again = await book_for(world, artist.actor, artist, WALK_IN, key="walk-in-1")
    assert again.replayed and again.booking.id == first.booking.id


async def test_the_artist_is_shown_the_client_records_name_and_phone(world: World) -> None:
    artist = await world.artist()
    booking = (await book_for(world, artist.actor, artist, WALK_IN)).booking
    contact = await world.app.bookings.get_customer_contact(artist.actor, booking.id)
    assert (contact.name, contact.phone) == ("Bat Erdene", "+97688112233")
