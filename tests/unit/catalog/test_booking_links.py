"""Booking link use cases on the in-memory adapters: the artist's listing (the general link
made on first use), service links, regeneration (the old token gone), visits, slot views,
and bookings made through a link."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booking_domain.accounts import Role
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import ArtistNotFoundError, ArtistStatus, ServiceNotFoundError
from booking_domain.catalog.errors import (
    BookingLinkExistsError,
    BookingLinkGoneError,
    BookingLinkNotAllowedError,
    BookingLinkNotFoundError,
)
from booking_domain.catalog.links import LinkCounts
from booking_domain.catalog.visits import VisitorFacts
from booking_domain.shared import InvalidInputError
from tests.support.bootstrap import App, build_app
from tests.support.catalog import (
    BookableArtist,
    add_bookable_artist,
    add_service,
    add_user,
    update_artist,
)

pytestmark = pytest.mark.anyio
# The bootstrap's clock starts Monday 2026-03-02 10:00 UTC; this is Thursday 10:00.
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
VISITOR = VisitorFacts("192.0.2.1", "test")


@pytest.fixture
async def app() -> App:
    return build_app(app_url="https://ink.example")


async def _artist(app: App, **options: object) -> BookableArtist:
    return await add_bookable_artist(app.uow, **options)  # type: ignore[arg-type]


async def test_the_general_link_is_made_on_first_listing(app: App) -> None:
    artist = await _artist(app)
    (first,) = await app.catalog.list_booking_links(artist.actor)
    (again,) = await app.catalog.list_booking_links(artist.actor)
    assert first.link.is_general and first.link == again.link
    assert first.url == f"https://ink.example/book/{first.link.token}"
    assert first.usage.total == LinkCounts() and first.usage.total.conversion is None


async def test_links_are_for_approved_artists_only(app: App) -> None:
    pending = await _artist(app, status=ArtistStatus.PENDING)
    with pytest.raises(BookingLinkNotAllowedError):
        await app.catalog.list_booking_links(pending.actor)
    customer = await add_user(app.uow, Role.CUSTOMER)
    with pytest.raises(ArtistNotFoundError):
        await app.catalog.list_booking_links(customer)


async def test_a_service_link_once_per_own_service(app: App) -> None:
    artist, stranger = await _artist(app), await _artist(app)
    made = await app.catalog.create_booking_link(artist.actor, artist.service.id)
    assert made.link.service_id == artist.service.id
    with pytest.raises(BookingLinkExistsError):
        await app.catalog.create_booking_link(artist.actor, artist.service.id)
    with pytest.raises(ServiceNotFoundError):
        await app.catalog.create_booking_link(artist.actor, stranger.service.id)
    inactive = await add_service(app.uow, artist, active=False)
    with pytest.raises(BookingLinkNotAllowedError):
        await app.catalog.create_booking_link(artist.actor, inactive.id)
    listed = await app.catalog.list_booking_links(artist.actor)
    assert [e.link.service_id for e in listed] == [None, artist.service.id]


async def test_a_regenerated_link_keeps_its_counts_and_the_old_token_is_gone(app: App) -> None:
    artist = await _artist(app)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    old = entry.link.token
    landing = await app.catalog.open_booking_link(old, VISITOR)
    assert landing.artist.id == artist.id and landing.link.id == entry.link.id
    renewed = await app.catalog.regenerate_booking_link(artist.actor, entry.link.id)
    assert renewed.link.id == entry.link.id and renewed.link.token != old
    assert renewed.usage.total.visits == 1
    with pytest.raises(BookingLinkGoneError) as gone:
        await app.catalog.open_booking_link(old, VISITOR)
    assert artist.profile.display_name not in gone.value.message
    with pytest.raises(BookingLinkGoneError):
        await app.catalog.count_slot_view(old, landing.ticket)
    reopened = await app.catalog.open_booking_link(renewed.link.token, VISITOR)
    assert reopened.link.id == entry.link.id


async def test_only_the_owner_regenerates(app: App) -> None:
    artist, other = await _artist(app), await _artist(app)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    await app.catalog.list_booking_links(other.actor)
    with pytest.raises(BookingLinkNotFoundError):
        await app.catalog.regenerate_booking_link(other.actor, entry.link.id)


@pytest.mark.parametrize("token", ["", "short", "x" * 32, "a\x00" * 16, "é" * 30])
async def test_an_unknown_token_is_not_found(app: App, token: str) -> None:
    with pytest.raises(BookingLinkNotFoundError):
        await app.catalog.open_booking_link(token, VISITOR)
    with pytest.raises(BookingLinkNotFoundError):
        await app.catalog.count_slot_view(token, "")


async def test_a_suspended_artists_link_is_not_found(app: App) -> None:
    artist = await _artist(app)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    await update_artist(app.uow, artist, suspended=True)
    with pytest.raises(BookingLinkNotFoundError):
        await app.catalog.open_booking_link(entry.link.token, VISITOR)


async def test_visits_slot_views_and_bookings_are_counted(app: App) -> None:
    artist = await _artist(app)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    token = entry.link.token
    for n in range(4):  # four visitors
        landing = await app.catalog.open_booking_link(token, VisitorFacts(f"10.0.0.{n}", "ua"))
    await app.catalog.count_slot_view(token, landing.ticket)
    customer = await add_user(app.uow, Role.CUSTOMER)
    request = BookingRequest(artist.id, artist.service.id, SLOT, link_token=token)
    created = await app.bookings.create_booking(customer, request)
    assert created.booking.link_id == entry.link.id
    plain = BookingRequest(artist.id, artist.service.id, SLOT + timedelta(hours=2))
    assert (await app.bookings.create_booking(customer, plain)).booking.link_id is None
    (listed,) = await app.catalog.list_booking_links(artist.actor)
    assert listed.usage.total == LinkCounts(visits=4, slot_views=1, bookings=1)
    assert listed.usage.recent == listed.usage.total
    assert listed.usage.total.conversion == 0.25


async def test_a_keyed_booking_through_a_link_is_counted_once(app: App) -> None:
    artist = await _artist(app)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    customer = await add_user(app.uow, Role.CUSTOMER)
    request = BookingRequest(
        artist.id, artist.service.id, SLOT, idempotency_key="k-1", link_token=entry.link.token
    )
    first = await app.bookings.create_booking(customer, request)
    again = await app.bookings.create_booking(customer, request)
    assert again.replayed and again.booking.id == first.booking.id
    assert first.booking.link_id == entry.link.id
    (listed,) = await app.catalog.list_booking_links(artist.actor)
    assert listed.usage.total.bookings == 1


async def test_a_booking_names_a_current_link_of_the_artist_booked(app: App) -> None:
    artist, other = await _artist(app), await _artist(app)
    (mine,) = await app.catalog.list_booking_links(artist.actor)
    (theirs,) = await app.catalog.list_booking_links(other.actor)
    customer = await add_user(app.uow, Role.CUSTOMER)
    for token in (theirs.link.token, "not-a-token", "A" * 32):
        with pytest.raises(InvalidInputError) as refused:
            request = BookingRequest(artist.id, artist.service.id, SLOT, link_token=token)
            await app.bookings.create_booking(customer, request)
        assert [e.field for e in refused.value.errors] == ["bookingLink"]
    await app.catalog.regenerate_booking_link(artist.actor, mine.link.id)
    with pytest.raises(BookingLinkGoneError):
        request = BookingRequest(artist.id, artist.service.id, SLOT, link_token=mine.link.token)
        await app.bookings.create_booking(customer, request)


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 5))
def test_after_any_regenerations_only_the_newest_token_opens(times: int) -> None:
    async def scenario() -> None:
        app = build_app()
        artist = await _artist(app)
        (entry,) = await app.catalog.list_booking_links(artist.actor)
        tokens = [entry.link.token]
        for _ in range(times):
            renewed = await app.catalog.regenerate_booking_link(artist.actor, entry.link.id)
            tokens.append(renewed.link.token)
        assert len(set(tokens)) == len(tokens)
        for old in tokens[:-1]:
            with pytest.raises(BookingLinkGoneError):
                await app.catalog.open_booking_link(old, VISITOR)
        landing = await app.catalog.open_booking_link(tokens[-1], VISITOR)
        assert landing.link.id == entry.link.id

    asyncio.run(scenario())
