"""CreateBooking: outcomes by service kind, refusals with their reasons, stale holds,
idempotency keys."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from booking_domain.accounts import Role
from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingReferenceTakenError,
    BookingStatus,
    HistoryKind,
    IdempotencyKeyReusedError,
    SlotTakenError,
    new_booking_reference,
)
from booking_domain.catalog import ArtistStatus, FixedDeposit
from booking_domain.scheduling import ArtistNotBookableError, NotBookableError
from booking_domain.shared import InvalidInputError, Money, NaiveDatetimeError, PageRequest
from tests.support.builders import START
from tests.support.catalog import add_service, update_artist
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
DEPOSIT = FixedDeposit(Money(20_000, "MNT"))


async def test_a_service_without_deposit_or_approval_is_confirmed_at_once(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    created = await world.book(customer, artist, notes="a small rose")
    booking = created.booking
    assert not created.replayed
    assert booking.status is BookingStatus.CONFIRMED
    assert (booking.start, booking.end) == (SLOT, SLOT + timedelta(hours=1))
    assert booking.hold_expires_at is None
    assert booking.notes == "a small rose"
    assert booking.reference.startswith("INK-")
    events = await world.history(customer, booking.id)
    assert [(e.version, e.kind, e.to_status) for e in events] == [
        (1, HistoryKind.REQUESTED, BookingStatus.CONFIRMED)
    ]


async def test_a_deposit_holds_the_slot_for_the_deposit_hold(world: World) -> None:
    artist, customer = await world.artist(deposit=DEPOSIT), await world.user()
    booking = (await world.book(customer, artist)).booking
    assert booking.status is BookingStatus.PENDING
    assert booking.deposit == Money(20_000, "MNT")
    assert booking.hold_expires_at == START + timedelta(minutes=15)


async def test_a_request_needing_approval_holds_for_the_approval_hold(world: World) -> None:
    artist, customer = await world.artist(needs_approval=True), await world.user()
    booking = (await world.book(customer, artist)).booking
    assert booking.status is BookingStatus.PENDING
    assert booking.hold_expires_at == START + timedelta(hours=48)


async def test_a_taken_slot_is_a_conflict(world: World) -> None:
    artist = await world.artist()
    await world.book(await world.user(), artist)
    with pytest.raises(SlotTakenError) as refused:
        await world.book(await world.user(), artist, SLOT + timedelta(minutes=30))
    assert isinstance(refused.value.__cause__, NotBookableError)
    assert refused.value.__cause__.reason == "overlaps"


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (START + timedelta(hours=23), "too_soon"),
        (SLOT + timedelta(days=120), "beyond_horizon"),
        (SLOT.replace(hour=20), "outside_availability"),
        (SLOT + timedelta(minutes=10), "off_grid"),
    ],
)
async def test_refusals_carry_the_precise_reason(
    world: World, start: datetime, reason: str
) -> None:
    artist = await world.artist()
    with pytest.raises(NotBookableError) as refused:
        await world.book(await world.user(), artist, start)
    assert refused.value.reason == reason


async def test_the_daily_cap_is_a_reason(world: World) -> None:
    artist = await world.artist(policy={"daily_cap": 1})
    await world.book(await world.user(), artist)
    with pytest.raises(NotBookableError) as refused:
        await world.book(await world.user(), artist, SLOT + timedelta(hours=3))
    assert refused.value.reason == "daily_cap"


@pytest.mark.parametrize(
    "change",
    [{"status": ArtistStatus.PENDING}, {"suspended": True}],
    ids=["not approved", "suspended"],
)
async def test_an_artist_who_takes_no_bookings_is_refused(
    world: World, change: dict[str, object]
) -> None:
    artist = await world.artist()
    await update_artist(world.uow, artist, **change)
    with pytest.raises(ArtistNotBookableError):
        await world.book(await world.user(), artist)


async def test_inactive_unknown_and_foreign_services_are_refused_alike(world: World) -> None:
    artist, other = await world.artist(), await world.artist()
    customer = await world.user()
    inactive = await add_service(world.uow, artist, active=False)
    for service_id in (inactive.id, other.service.id, other.id):
        with pytest.raises(ArtistNotBookableError):
            await world.book(customer, artist, service_id=service_id)


async def test_only_customers_book(world: World) -> None:
    artist = await world.artist()
    for role in (Role.ARTIST, Role.ADMIN):
        with pytest.raises(BookingActionNotAllowedError):
            await world.book(await world.user(role), artist)


@pytest.mark.parametrize("key", [None, "naive-start-1"])
async def test_a_naive_start_is_refused(world: World, key: str | None) -> None:
    """The library's callers meet the use case's one check, with a key or without: nothing
    is claimed or written, and the key stays free for the request with an offset."""
    artist, customer = await world.artist(), await world.user()
    with pytest.raises(NaiveDatetimeError):
        await world.book(customer, artist, SLOT.replace(tzinfo=None), key=key)
    made = await world.book(customer, artist, SLOT, key=key)
    assert not made.replayed and made.booking.start == SLOT


async def test_a_stale_hold_is_expired_by_the_booking_that_needs_its_time(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT)
    first = (await world.book(await world.user(), artist)).booking
    world.clock.advance(timedelta(minutes=15))  # the hold ends now: no longer active
    second = (await world.book(await world.user(), artist, SLOT + timedelta(minutes=30))).booking
    assert second.status is BookingStatus.PENDING
    assert await world.status_of(first.id) == "cancelled"
    admin = await world.user(Role.ADMIN)
    trail = await world.history(admin, first.id)
    assert [(e.kind, e.reason, e.actor_id) for e in trail][-1] == (
        HistoryKind.EXPIRED,
        "expired",
        None,
    )


async def test_a_live_hold_keeps_its_slot(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT)
    await world.book(await world.user(), artist)
    world.clock.advance(timedelta(minutes=14))
    with pytest.raises(SlotTakenError):
        await world.book(await world.user(), artist)


async def test_the_same_key_and_request_replays_the_first_booking(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    first = await world.book(customer, artist, key="k-1")
    again = await world.book(customer, artist, key="k-1")
    assert again.replayed
    assert again.booking.id == first.booking.id
    page = await world.list(customer, PageRequest())
    assert page.total == 1


async def test_the_same_key_with_another_request_is_refused(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    await world.book(customer, artist, key="k-1")
    with pytest.raises(IdempotencyKeyReusedError):
        await world.book(customer, artist, SLOT + timedelta(hours=2), key="k-1")


async def test_the_same_instant_in_another_offset_is_the_same_request(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    first = await world.book(customer, artist, key="k-1")
    same = SLOT.astimezone(ZoneInfo("Asia/Ulaanbaatar"))
    again = await world.book(customer, artist, same, key="k-1")
    assert again.replayed
    assert again.booking.id == first.booking.id


async def test_keys_belong_to_one_customer_and_expire_after_a_day(world: World) -> None:
    artist = await world.artist()
    ada, bob = await world.user(), await world.user()
    await world.book(ada, artist, key="shared")
    other = await world.book(bob, artist, SLOT + timedelta(hours=2), key="shared")
    assert not other.replayed
    world.clock.advance(timedelta(hours=24))
    later = await world.book(ada, artist, SLOT + timedelta(hours=4), key="shared")
    assert not later.replayed


async def test_a_refused_request_does_not_use_up_its_key(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    with pytest.raises(NotBookableError):
        await world.book(customer, artist, SLOT.replace(hour=20), key="retry-me")
    created = await world.book(customer, artist, key="retry-me")
    assert not created.replayed


async def test_concurrent_requests_with_one_key_create_one_booking(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    results = await asyncio.gather(*(world.book(customer, artist, key="race") for _ in range(5)))
    assert len({r.booking.id for r in results}) == 1
    assert sum(not r.replayed for r in results) == 1


@pytest.mark.parametrize("key", ["", "x" * 201, "caf\u00e9", "tab\there"])
async def test_malformed_keys_are_refused(world: World, key: str) -> None:
    artist, customer = await world.artist(), await world.user()
    with pytest.raises(InvalidInputError) as refused:
        await world.book(customer, artist, key=key)
    assert refused.value.errors[0].field == "Idempotency-Key"


async def test_overlong_notes_are_refused(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    with pytest.raises(InvalidInputError):
        await world.book(customer, artist, notes="x" * 2001)


def _references(*drawn: str) -> Callable[[], str]:
    """A reference source that hands out ``drawn`` in order (then fresh random ones)."""
    queue = list(drawn)
    return lambda: queue.pop(0) if queue else new_booking_reference()


@pytest.mark.parametrize("key", [None, "retry-key"])
async def test_a_reference_already_in_use_is_drawn_again(world: World, key: str | None) -> None:
    artist, customer = await world.artist(), await world.user()
    first = (await world.book(customer, artist)).booking
    world.draw_references_from(_references(first.reference, "INK-NEW234"))
    later = (await world.book(customer, artist, SLOT + timedelta(hours=2), key=key)).booking
    assert later.reference == "INK-NEW234"
    assert await world.status_of(later.id) == "confirmed"


async def test_references_that_keep_clashing_are_an_error_not_a_loop(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    taken = (await world.book(customer, artist)).booking.reference
    world.draw_references_from(lambda: taken)
    with pytest.raises(BookingReferenceTakenError):
        await world.book(customer, artist, SLOT + timedelta(hours=2))
    page = await world.list(customer, PageRequest())
    assert page.total == 1
