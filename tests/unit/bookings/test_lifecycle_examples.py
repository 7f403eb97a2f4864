"""Worked examples of the booking lifecycle, money and refund rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.accounts import Actor
from booking_domain.bookings import (
    AppointmentNotStartedError,
    Booking,
    BookingActionNotAllowedError,
    BookingStatus,
    HistoryKind,
    HoldExpiredError,
    PaymentMismatchError,
    PaymentStatus,
    RefundOutOfRangeError,
    TooLateToChangeError,
    busy_timeline,
    lifecycle,
)
from booking_domain.catalog import FixedDeposit, InvalidScheduleError, PercentageDeposit
from booking_domain.shared import InvalidTransitionError, Money
from booking_domain.testing import (
    admin,
    artist,
    booking_at,
    customer,
    make_policy,
    make_service,
    open_all_week,
)

CUSTOMER = customer()
NOW = datetime(2026, 1, 5, 12, tzinfo=UTC)
START = NOW + timedelta(days=5)
POLICY = make_policy()
DEPOSIT = Money(2_500, "USD")
WITH_DEPOSIT = make_service(deposit=FixedDeposit(DEPOSIT))


def confirmed_with_deposit() -> Booking:
    booking = booking_at(START, now=NOW, service=WITH_DEPOSIT)
    return lifecycle.record_payment(booking, DEPOSIT, NOW + timedelta(minutes=1))[0]


def test_a_request_is_confirmed_or_held_by_its_service() -> None:
    plain = booking_at(START, now=NOW)
    assert plain.status is BookingStatus.CONFIRMED
    assert plain.hold_expires_at is None
    held = booking_at(START, now=NOW, service=WITH_DEPOSIT)
    assert held.status is BookingStatus.PENDING
    assert held.hold_expires_at == NOW + timedelta(minutes=15)
    assert held.blocked == make_service().blocked_span(START)
    asks = booking_at(START, now=NOW, service=make_service(needs_approval=True))
    assert asks.hold_expires_at == NOW + timedelta(hours=48)
    assert asks.is_active(NOW + timedelta(hours=47))
    assert not asks.is_active(NOW + timedelta(hours=48))


def test_approval_replaces_the_approval_hold_with_the_deposit_hold() -> None:
    service = make_service(deposit=FixedDeposit(DEPOSIT), needs_approval=True)
    booking = booking_at(START, now=NOW, service=service)
    later = NOW + timedelta(hours=3)
    with pytest.raises(BookingActionNotAllowedError):
        lifecycle.approve(booking, customer(), later, POLICY)
    with pytest.raises(InvalidTransitionError):
        lifecycle.record_payment(booking, DEPOSIT, later)  # not approved yet
    approved, event = lifecycle.approve(booking, artist(), later, POLICY)
    assert approved.status is BookingStatus.PENDING
    assert approved.hold_expires_at == later + timedelta(minutes=15)
    assert event.kind is HistoryKind.APPROVED
    paid, event = lifecycle.record_payment(approved, DEPOSIT, later + timedelta(minutes=5))
    assert (paid.status, paid.payment_status) == (BookingStatus.CONFIRMED, PaymentStatus.PAID)
    assert (event.from_status, event.to_status, paid.version) == ("pending", "confirmed", 3)
    no_deposit = booking_at(START, now=NOW, service=make_service(needs_approval=True))
    assert lifecycle.approve(no_deposit, admin(), later, POLICY)[0].status == "confirmed"


def test_payments_must_match_and_late_ones_are_owed_back() -> None:
    held = booking_at(START, now=NOW, service=WITH_DEPOSIT)
    with pytest.raises(PaymentMismatchError):
        lifecycle.record_payment(held, Money(2_400, "USD"), NOW)
    late = NOW + timedelta(minutes=15)  # the hold ends exactly now
    with pytest.raises(HoldExpiredError):
        lifecycle.record_payment(held, DEPOSIT, late)
    expired, event = lifecycle.expire_hold(held, late)
    assert (expired.status, expired.cancellation_reason, event.reason) == (
        "cancelled", "expired", "expired",
    )  # fmt: skip
    assert event.actor_id is None
    recorded, _ = lifecycle.record_payment(expired, DEPOSIT, late)
    assert recorded.status is BookingStatus.CANCELLED
    assert recorded.refund_due == DEPOSIT
    refunded, _ = lifecycle.record_refund(recorded, DEPOSIT, late)
    assert refunded.payment_status is PaymentStatus.REFUNDED


@pytest.mark.parametrize(
    ("ahead", "refund"),
    [(timedelta(hours=48), DEPOSIT), (timedelta(hours=48, seconds=-1), Money(0, "USD"))],
)
def test_customer_refund_at_the_free_cancellation_boundary(ahead: timedelta, refund: Money) -> None:
    booking = confirmed_with_deposit()
    cancelled, event = lifecycle.cancel(booking, customer(), START - ahead, POLICY)
    assert event.amount == refund
    assert cancelled.refund_due == refund
    assert cancelled.status is BookingStatus.CANCELLED


def test_artist_refunds_in_full_and_admins_decide() -> None:
    booking = confirmed_with_deposit()
    last_minute = START - timedelta(minutes=5)
    assert lifecycle.cancel(booking, artist(), last_minute, POLICY)[1].amount == DEPOSIT
    with pytest.raises(RefundOutOfRangeError):
        lifecycle.cancel(booking, admin(), last_minute, POLICY)
    with pytest.raises(RefundOutOfRangeError):
        lifecycle.cancel(booking, admin(), last_minute, POLICY, refund=Money(2_501, "USD"))
    half = Money(1_250, "USD")
    assert lifecycle.cancel(booking, admin(), last_minute, POLICY, refund=half)[1].amount == half
    with pytest.raises(BookingActionNotAllowedError):
        lifecycle.cancel(booking, customer(), last_minute, POLICY, refund=half)


def test_completion_and_no_show_wait_for_the_appointment() -> None:
    booking = confirmed_with_deposit()
    with pytest.raises(AppointmentNotStartedError):
        lifecycle.complete(booking, artist(), START - timedelta(seconds=1))
    with pytest.raises(BookingActionNotAllowedError):
        lifecycle.complete(booking, customer(), START)
    done, event = lifecycle.mark_no_show(booking, admin(), START)
    assert done.status is BookingStatus.NO_SHOW
    assert event.actor_role == "admin"
    with pytest.raises(InvalidTransitionError):
        lifecycle.cancel(done, customer(), START, POLICY)


def test_reschedule_keeps_the_deposit_and_frees_the_old_slot() -> None:
    booking = confirmed_with_deposit()
    schedule = open_all_week()
    busy = busy_timeline([booking], NOW)

    def move(actor_now: datetime, new_start: datetime, who: Actor = CUSTOMER) -> Booking:
        return lifecycle.reschedule(
            booking, who, actor_now, new_start=new_start, service=WITH_DEPOSIT,
            policy=POLICY, schedule=schedule, busy=busy,
        )[0]  # fmt: skip

    # 30 minutes later overlaps only its own old slot, which the move frees.
    moved = move(NOW, START + timedelta(minutes=30))
    assert (moved.start, moved.amount_paid, moved.version) == (
        START + timedelta(minutes=30), DEPOSIT, booking.version + 1,
    )  # fmt: skip
    too_late = START - timedelta(hours=47)
    with pytest.raises(TooLateToChangeError):
        move(too_late, START + timedelta(days=1))
    assert move(too_late, START + timedelta(days=1), artist()).start == START + timedelta(days=1)


def test_a_move_to_the_start_the_booking_has_is_refused() -> None:
    """Nothing would change but the history and both parties' inboxes."""
    booking = confirmed_with_deposit()
    for who in (CUSTOMER, artist()):
        with pytest.raises(InvalidTransitionError):
            lifecycle.reschedule(
                booking, who, NOW, new_start=booking.start, service=WITH_DEPOSIT,
                policy=POLICY, schedule=open_all_week(), busy=busy_timeline([booking], NOW),
            )  # fmt: skip


def test_deposits_round_half_up_and_never_exceed_the_price() -> None:
    assert Money(999, "USD").percentage(1_250) == Money(125, "USD")  # 124.875
    assert Money(1_000, "USD").percentage(5) == Money(1, "USD")  # 0.5 rounds up
    assert Money(1_000, "USD").percentage(4) == Money(0, "USD")  # 0.4 rounds down
    full = make_service(price=Money(1_999, "MNT"), deposit=PercentageDeposit.percent(100))
    assert full.deposit_amount == Money(1_999, "MNT")
    with pytest.raises(InvalidScheduleError):
        make_service(price=Money(100, "USD"), deposit=FixedDeposit(Money(101, "USD")))
