"""Redemption: points as a discount on a deposit or balance invoice (docs/loyalty.md,
"Redeeming points").

Rules:
- Points redeem in the program of the invoice's booking (``programs.program_of``), while it
  is on, on an invoice in the program's currency; else ``points_not_redeemable``.
- The discount is ``points * point_value``; it may be at most ``max_share_percent`` of the
  invoice's amount (rounded down; ``redemption_too_large`` beyond, naming the most points it
  takes), and the points must be in the balance (``insufficient_points``). Because the share
  is at most 90 %, something is always left to pay through the gateway.
- Creating the invoice holds the points (a ``redeem`` entry): ``held``. The invoice paid
  makes them ``spent``; the invoice failing or lapsing unpaid releases them (``released``:
  every point back, into the lots they came from). A spent redemption whose booking's money
  is refunded gives back the refunded share of its points (``restore``), at most once per
  point. Points held when their customer deletes the account are forfeited with the rest of
  the account (``forfeited``): nothing comes back when the invoice lapses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from booking_domain.loyalty.errors import (
    PointsNotRedeemableError,
    RedemptionTooLargeError,
)
from booking_domain.loyalty.ledger import EntryId, check_points
from booking_domain.loyalty.programs import Program, ProgramId
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware


class RedemptionStatus(StrEnum):
    HELD = "held"  # the invoice is being made or is open
    SPENT = "spent"  # the invoice was paid
    RELEASED = "released"  # the invoice failed or lapsed unpaid: every point came back
    FORFEITED = "forfeited"  # the customer deleted their account while it held them


@dataclass(frozen=True, slots=True)
class Redemption:
    """Points one invoice holds (``entry_id``: its ``redeem`` entry)."""

    invoice_id: UUID
    booking_id: BookingId
    customer_id: UserId
    program_id: ProgramId
    entry_id: EntryId
    points: int
    value: Money
    status: RedemptionStatus
    restored: int  # points given back after refunds (a spent one)
    created_at: datetime
    updated_at: datetime


def discount_for(program: Program | None, points: int, amount: Money) -> Money:
    """The discount ``points`` give on an invoice of ``amount`` in ``program`` (the rules
    above; the balance is checked when they are held)."""
    check_points(points, "redeemPoints")
    if program is None or not program.active:
        raise PointsNotRedeemableError("No loyalty program is on for this booking's artist.")
    rates = program.rates
    if amount.currency != rates.currency:
        raise PointsNotRedeemableError(
            f"This program's points pay invoices in {rates.currency}, not {amount.currency}."
        )
    cap = amount.amount * rates.max_share_percent // 100
    value = points * rates.point_value
    if value > cap:
        most = cap // rates.point_value
        raise RedemptionTooLargeError(
            f"Points may pay at most {rates.max_share_percent} % of this invoice: "
            f"{most} points here."
        )
    return Money(value, amount.currency)


def settle(redemption: Redemption, status: RedemptionStatus, now: datetime) -> Redemption:
    """A held redemption becomes spent, released or forfeited (once: anything else changes
    nothing)."""
    if redemption.status is not RedemptionStatus.HELD or status is RedemptionStatus.HELD:
        return redemption
    return dataclasses.replace(
        redemption, status=status, updated_at=max(require_aware(now, "now"), redemption.updated_at)
    )


def restorable(redemption: Redemption, refunded: int, paid: int) -> int:
    """Points of a spent redemption a refund gives back now: the refunded share of the
    booking's money (``refunded`` of ``paid``, minor units) of its points, rounded down,
    less what earlier refunds gave back."""
    if redemption.status is not RedemptionStatus.SPENT or paid <= 0:
        return 0
    target = redemption.points * min(max(refunded, 0), paid) // paid
    return max(0, target - redemption.restored)


def note_restored(redemption: Redemption, points: int, now: datetime) -> Redemption:
    return dataclasses.replace(
        redemption,
        restored=redemption.restored + points,
        updated_at=max(require_aware(now, "now"), redemption.updated_at),
    )
