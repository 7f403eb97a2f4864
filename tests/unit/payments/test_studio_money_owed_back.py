"""Money the artist took in the studio is never a refund the platform owes: a cash deposit
on a booking then cancelled stays held for the artist to give back by hand (recorded as
money given back), the platform's refund planner plans nothing for it, and a dispute's
refund cannot reach it; money received through the platform is owed back as ever."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.bookings import BookingStatus
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import FixedDeposit
from booking_domain.payments import StudioKind, StudioMethod
from booking_domain.payments.use_cases import StudioPaymentRequest
from booking_domain.shared import BookingId, Money
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
DEPOSIT = Money(3_000_000, "MNT")


async def _booked(app: App, artist: BookableArtist) -> BookingId:
    customer = await add_user(app.uow)
    request = BookingRequest(artist.id, artist.service.id, SLOT)
    return (await app.bookings.create_booking(customer, request)).booking.id


async def _cash_deposit(app: App, artist: BookableArtist, booking: BookingId) -> None:
    request = StudioPaymentRequest(StudioMethod.CASH, StudioKind.DEPOSIT, DEPOSIT.amount)
    await app.bundles.payments.record_studio_payment(artist.actor, booking, request)


@pytest.fixture
async def scene() -> tuple[App, BookableArtist]:
    app = build_app()
    artist = await add_bookable_artist(
        app.uow, price=Money(15_000_000, "MNT"), deposit=FixedDeposit(DEPOSIT)
    )
    return app, artist


async def test_a_cash_deposit_cancelled_is_given_back_by_hand_never_by_the_platform(
    scene: tuple[App, BookableArtist],
) -> None:
    app, artist = scene
    booking = await _booked(app, artist)
    await _cash_deposit(app, artist, booking)
    cancelled = await app.bookings.change_status(
        artist.actor, booking, status=BookingStatus.CANCELLED
    )
    assert cancelled.refund_due.is_zero  # the platform owes nothing: it never had it
    assert cancelled.refundable == DEPOSIT and cancelled.held_in_studio == DEPOSIT.amount
    assert await app.bundles.payments.plan_refunds() == 0
    listed = await app.bundles.payments.list_studio_payments(artist.actor, booking)
    (payment,) = listed.payments
    await app.bundles.payments.refund_studio_payment(
        artist.actor, booking, payment.id, DEPOSIT.amount
    )
    async with app.uow(read_only=True) as uow:
        after = await uow.bookings.get(booking)
    assert after is not None
    assert (after.refundable.amount, after.held_in_studio, after.refund_due.amount) == (0, 0, 0)


async def test_a_platform_deposit_is_still_owed_back_on_cancelling(
    scene: tuple[App, BookableArtist],
) -> None:
    app, artist = scene
    booking = await _booked(app, artist)
    async with app.uow() as uow:
        from booking_domain.bookings import record_change, record_payment

        found = await uow.bookings.get(booking, for_update=True)
        assert found is not None
        await record_change(uow, *record_payment(found, DEPOSIT, app.clock.now()))
        await uow.commit()
    app.clock.set(SLOT - timedelta(days=1))
    cancelled = await app.bookings.change_status(
        artist.actor, booking, status=BookingStatus.CANCELLED
    )
    assert cancelled.refund_due == DEPOSIT and cancelled.held_in_studio == 0
