"""What the outbox's events mean to the ledger: a payment received is collected money, a
refund completed or settled is money paid back; anything else, or an event without the
facts, enters nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest

from booking_domain.payouts import PAYOUT_EVENT_TYPES, Collected, PaidBack, cue_of
from booking_domain.shared import BookingId, EventId, Money
from booking_domain.shared.outbox import OutboxEvent

BOOKING = uuid4()


def event(kind: str, data: dict[str, Any]) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(uuid4()), type=kind, occurred_at=datetime(2026, 11, 28, tzinfo=UTC),
        subject=f"payment/{uuid4()}", sequence=1, data=data, audience=(),
    )  # fmt: skip


def payment(**changes: Any) -> dict[str, Any]:
    return {
        "payment": {
            "paymentId": "pay-1", "invoiceId": "inv-1", "bookingId": str(BOOKING),
            "amount": {"amount": 30_000, "currency": "MNT"}, "method": "p2p",
            "outcome": "confirmed", **changes,
        }
    }  # fmt: skip


def refund(**changes: Any) -> dict[str, Any]:
    return {
        "refund": {
            "id": "r-1", "bookingId": str(BOOKING),
            "amount": {"amount": 30_000, "currency": "MNT"}, "status": "refunded", **changes,
        }
    }  # fmt: skip


def test_a_payment_received_is_money_collected_for_the_bookings_artist() -> None:
    received = event("payment.received", payment())
    assert cue_of(received) == Collected(
        received.id, BookingId(BOOKING), "pay-1", Money(30_000, "MNT"), "qpay"
    )
    named = cue_of(event("payment.received", payment(gateway="stripe")))
    assert isinstance(named, Collected) and named.gateway == "stripe"
    assert (named.transferred, named.fee) == (None, None)  # collected whole


def test_a_destination_charge_says_what_the_gateway_paid_the_artist_and_kept() -> None:
    split = payment(
        gateway="stripe",
        transferred={"amount": 27_000, "currency": "MNT"},
        fee={"amount": 3_000, "currency": "MNT"},
    )
    cue = cue_of(event("payment.received", split))
    assert isinstance(cue, Collected)
    assert (cue.transferred, cue.fee) == (Money(27_000, "MNT"), Money(3_000, "MNT"))
    half = payment(gateway="stripe", transferred={"amount": 27_000, "currency": "MNT"})
    alone = cue_of(event("payment.received", half))  # no fee named: not a split
    assert isinstance(alone, Collected) and (alone.transferred, alone.fee) == (None, None)


@pytest.mark.parametrize("kind", ["refund.completed", "refund.settled"])
def test_a_refund_paid_back_is_money_paid_back(kind: str) -> None:
    back = event(kind, refund())
    assert cue_of(back) == PaidBack(
        back.id, BookingId(BOOKING), "r-1", Money(30_000, "MNT"),
        by_gateway=kind == "refund.completed",
    )  # fmt: skip
    assert kind in PAYOUT_EVENT_TYPES


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("refund.requested", refund()),  # not paid back yet
        ("refund.awaiting_settlement", refund()),
        ("booking.confirmed", payment()),
        ("payment.received", payment(bookingId="not-a-uuid")),
        ("payment.received", payment(amount={"amount": 0, "currency": "MNT"})),
        ("payment.received", payment(amount={"amount": -5, "currency": "MNT"})),
        ("payment.received", payment(amount={"amount": True, "currency": "MNT"})),
        ("payment.received", payment(amount={"amount": 5, "currency": "mnt"})),
        ("payment.received", payment(paymentId="")),
        ("payment.received", {"payment": "broken"}),
        ("refund.completed", refund(id=None)),
        ("refund.settled", {}),
    ],
)
def test_an_event_without_the_facts_enters_nothing(kind: str, data: dict[str, Any]) -> None:
    assert cue_of(event(kind, data)) is None
