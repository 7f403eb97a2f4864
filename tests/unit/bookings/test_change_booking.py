"""ChangeBookingStatus, RescheduleBooking and ExpireHolds on the in-memory adapters."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role
from booking_domain.bookings import (
    AppointmentNotStartedError,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    HistoryKind,
    HoldExpiredError,
    RefundOutOfRangeError,
    SlotTakenError,
    TooLateToChangeError,
)
from booking_domain.catalog import FixedDeposit
from booking_domain.scheduling import ArtistNotBookableError
from booking_domain.shared import InvalidInputError, InvalidTransitionError, Money
from tests.support.builders import START
from tests.support.catalog import update_artist
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
S = BookingStatus
DEPOSIT = FixedDeposit(Money(20_000, "MNT"))


async def test_the_artist_confirms_a_request_without_deposit(world: World) -> None:
    artist, customer = await world.artist(needs_approval=True), await world.user()
    booking = (await world.book(customer, artist)).booking
    confirmed = await world.change(artist.actor, booking.id, status=S.CONFIRMED, reason="ok")
    assert confirmed.status is S.CONFIRMED
    assert confirmed.approved
    trail = await world.history(customer, booking.id)
    assert trail[-1].kind is HistoryKind.APPROVED
    assert trail[-1].actor_id == artist.user_id


async def test_approving_a_deposit_request_awaits_the_deposit(world: World) -> None:
    artist = await world.artist(needs_approval=True, deposit=DEPOSIT)
    booking = (await world.book(await world.user(), artist)).booking
    world.clock.advance(timedelta(hours=1))
    approved = await world.change(artist.actor, booking.id, status=S.CONFIRMED)
    assert approved.status is S.PENDING
    assert approved.approved
    assert approved.hold_expires_at == START + timedelta(hours=1, minutes=15)


async def test_a_booking_awaiting_its_deposit_is_not_confirmed_by_hand(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT)
    booking = (await world.book(await world.user(), artist)).booking
    with pytest.raises(InvalidTransitionError):
        await world.change(artist.actor, booking.id, status=S.CONFIRMED)


async def test_approval_after_the_hold_ran_out_is_refused(world: World) -> None:
    artist = await world.artist(needs_approval=True)
    booking = (await world.book(await world.user(), artist)).booking
    world.clock.advance(timedelta(hours=48))
    with pytest.raises(HoldExpiredError):
        await world.change(artist.actor, booking.id, status=S.CONFIRMED)


async def test_the_customer_cannot_approve(world: World) -> None:
    artist, customer = await world.artist(needs_approval=True), await world.user()
    booking = (await world.book(customer, artist)).booking
    with pytest.raises(BookingActionNotAllowedError):
        await world.change(customer, booking.id, status=S.CONFIRMED)


async def test_strangers_do_not_find_the_booking(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    other_artist = await world.artist()
    for stranger in (await world.user(), other_artist.actor):
        with pytest.raises(BookingNotFoundError):
            await world.change(stranger, booking.id, status=S.CANCELLED)
        with pytest.raises(BookingNotFoundError):
            await world.reschedule(stranger, booking.id, start=SLOT + timedelta(hours=2))


async def test_the_customer_cancels_in_time_and_the_policy_refunds(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    cancelled = await world.change(customer, booking.id, status=S.CANCELLED, reason="ill")
    assert cancelled.status is S.CANCELLED
    assert cancelled.cancellation_reason == "ill"
    trail = await world.history(artist.actor, booking.id)
    assert (trail[-1].from_status, trail[-1].to_status, trail[-1].reason) == (
        S.CONFIRMED,
        S.CANCELLED,
        "ill",
    )


async def test_an_admin_must_state_the_refund(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    admin = await world.user(Role.ADMIN)
    booking = (await world.book(customer, artist)).booking
    with pytest.raises(RefundOutOfRangeError):
        await world.change(admin, booking.id, status=S.CANCELLED)
    cancelled = await world.change(admin, booking.id, status=S.CANCELLED, refund_amount=0)
    assert cancelled.status is S.CANCELLED


async def test_only_a_cancellation_takes_a_refund(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    with pytest.raises(BookingActionNotAllowedError):
        await world.change(customer, booking.id, status=S.CANCELLED, refund_amount=0)
    with pytest.raises(InvalidInputError):
        await world.change(artist.actor, booking.id, status=S.COMPLETED, refund_amount=0)


async def test_completion_and_no_show_wait_for_the_start(world: World) -> None:
    artist = await world.artist()
    first = (await world.book(await world.user(), artist)).booking
    second = (await world.book(await world.user(), artist, SLOT + timedelta(hours=2))).booking
    with pytest.raises(AppointmentNotStartedError):
        await world.change(artist.actor, first.id, status=S.COMPLETED)
    world.clock.set(SLOT + timedelta(hours=3))
    assert (await world.change(artist.actor, first.id, status=S.COMPLETED)).status is S.COMPLETED
    assert (await world.change(artist.actor, second.id, status=S.NO_SHOW)).status is S.NO_SHOW


@pytest.mark.parametrize("target", [S.PENDING, S.DISPUTED])
async def test_pending_and_disputed_are_not_targets(world: World, target: S) -> None:
    artist = await world.artist()
    booking = (await world.book(await world.user(), artist)).booking
    with pytest.raises(InvalidTransitionError):
        await world.change(artist.actor, booking.id, status=target)


async def test_a_cancelled_booking_cannot_be_cancelled_again(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    await world.change(customer, booking.id, status=S.CANCELLED)
    with pytest.raises(InvalidTransitionError):
        await world.change(customer, booking.id, status=S.CANCELLED)


async def test_a_reschedule_frees_the_old_slot(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    moved = await world.reschedule(customer, booking.id, start=SLOT + timedelta(hours=3))
    assert (moved.start, moved.version) == (SLOT + timedelta(hours=3), 2)
    other = (await world.book(await world.user(), artist)).booking
    assert other.start == SLOT
    trail = await world.history(customer, booking.id)
    assert trail[-1].kind is HistoryKind.RESCHEDULED


async def test_a_reschedule_may_overlap_its_own_old_time(world: World) -> None:
    artist, customer = await world.artist(minutes=120), await world.user()
    booking = (await world.book(customer, artist)).booking
    moved = await world.reschedule(customer, booking.id, start=SLOT + timedelta(minutes=30))
    assert moved.start == SLOT + timedelta(minutes=30)


async def test_a_reschedule_onto_a_taken_time_is_refused(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    await world.book(await world.user(), artist, SLOT + timedelta(hours=2))
    with pytest.raises(SlotTakenError):
        await world.reschedule(customer, booking.id, start=SLOT + timedelta(hours=2))


async def test_a_reschedule_expires_a_stale_hold_on_the_new_time(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT)
    stale = (await world.book(await world.user(), artist, SLOT + timedelta(hours=2))).booking
    world.clock.advance(timedelta(minutes=10))
    booking = (await world.book(await world.user(), artist, SLOT + timedelta(hours=4))).booking
    world.clock.advance(timedelta(minutes=6))  # stale's hold ran out; booking's is live
    moved = await world.reschedule(artist.actor, booking.id, start=SLOT + timedelta(hours=2))
    assert moved.start == SLOT + timedelta(hours=2)
    assert await world.status_of(stale.id) == "cancelled"


async def test_customers_reschedule_only_with_enough_notice(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    world.clock.set(SLOT - timedelta(hours=47))
    with pytest.raises(TooLateToChangeError):
        await world.reschedule(customer, booking.id, start=SLOT + timedelta(hours=2))
    moved = await world.reschedule(artist.actor, booking.id, start=SLOT + timedelta(hours=2))
    assert moved.start == SLOT + timedelta(hours=2)


async def test_a_suspended_artists_bookings_cannot_move(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    await update_artist(world.uow, artist, suspended=True)
    with pytest.raises(ArtistNotBookableError):
        await world.reschedule(customer, booking.id, start=SLOT + timedelta(hours=2))


async def test_the_sweeper_expires_every_stale_hold_in_batches(world: World) -> None:
    artist = await world.artist(deposit=DEPOSIT)
    held = [
        (await world.book(await world.user(), artist, SLOT + timedelta(hours=h))).booking
        for h in range(4)
    ]
    assert await world.expire(batch_size=2) == 0
    world.clock.advance(timedelta(minutes=15))
    assert await world.expire(batch_size=2) == 4
    assert [await world.status_of(b.id) for b in held] == ["cancelled"] * 4
    assert await world.expire(batch_size=2) == 0
    with pytest.raises(InvalidInputError):
        await world.expire(batch_size=0)
