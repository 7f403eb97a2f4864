"""Loyalty points on an invoice being made (docs/loyalty.md, "Redeeming points"): held in
the unit of work that reserves its number, so a request that fails holds nothing; released
by ``trail.record_deposit_change`` when the invoice fails or lapses unpaid, spent when it
is paid."""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import Booking
from booking_domain.loyalty import check_points, hold_points
from booking_domain.payments import invoices as inv
from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.ports import PaymentsUnitOfWork


def check_redeem(points: int | None) -> None:
    """Refuse (422 on ``redeemPoints``) a number of points no invoice takes, before anything
    is looked up."""
    if points is not None:
        check_points(points, "redeemPoints")


async def redeemed(
    uow: PaymentsUnitOfWork,
    booking: Booking,
    reserved: DepositInvoice,
    points: int | None,
    now: datetime,
) -> DepositInvoice:
    """The reserved invoice with ``points`` of its customer's paying part of it (as it is
    without points)."""
    if not points or booking.customer_id is None:
        return reserved
    redemption = await hold_points(
        uow,
        customer_id=booking.customer_id,
        artist_id=booking.artist_id,
        booking_id=booking.id,
        invoice_id=reserved.id,
        amount=reserved.amount,
        points=points,
        now=now,
    )
    return inv.discounted(reserved, points, redemption.value)
