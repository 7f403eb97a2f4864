"""Redemption: a discount is the points' value, never more than the program's share of the
invoice, only in the program's currency while it is on; refunds give back the refunded share
of spent points, once."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.loyalty import (
    MAX_REDEEM,
    EntryId,
    PointsNotRedeemableError,
    ProgramId,
    Rates,
    Redemption,
    RedemptionStatus,
    RedemptionTooLargeError,
    discount_for,
    restorable,
)
from booking_domain.loyalty.redemption import settle
from booking_domain.shared import InvalidInputError, Money
from booking_domain.shared.ids import BookingId
from booking_domain.testing import customer
from booking_domain.testing.loyalty import a_program, valid_rates

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@given(rates=valid_rates(), points=st.integers(1, MAX_REDEEM), amount=st.integers(1, 10**12))
def test_a_discount_is_the_points_value_within_the_share_or_refused(
    rates: Rates, points: int, amount: int
) -> None:
    program = a_program(T0, rates=rates)
    invoice = Money(amount, rates.currency)
    cap = amount * rates.max_share_percent // 100
    try:
        discount = discount_for(program, points, invoice)
    except RedemptionTooLargeError:
        assert points * rates.point_value > cap
        return
    assert discount == Money(points * rates.point_value, rates.currency)
    assert discount.amount <= cap < amount  # something is always left for the gateway


def test_points_pay_only_in_an_active_program_of_the_invoices_currency() -> None:
    program = a_program(T0)
    with pytest.raises(PointsNotRedeemableError):
        discount_for(None, 10, Money(10_000_000, "MNT"))
    with pytest.raises(PointsNotRedeemableError):
        discount_for(dataclasses.replace(program, active=False), 10, Money(10_000_000, "MNT"))
    with pytest.raises(PointsNotRedeemableError):
        discount_for(program, 10, Money(10_000_000, "USD"))
    for bad in (0, -1, MAX_REDEEM + 1):
        with pytest.raises(InvalidInputError):
            discount_for(program, bad, Money(10_000_000, "MNT"))
    # The demo rates: a point is MNT 10, half an MNT 100,000 deposit is 5,000 points.
    assert discount_for(program, 5_000, Money(10_000_000, "MNT")) == Money(5_000_000, "MNT")
    with pytest.raises(RedemptionTooLargeError, match="5000 points"):
        discount_for(program, 5_001, Money(10_000_000, "MNT"))


def spent(points: int) -> Redemption:
    return Redemption(
        UUID(int=1), BookingId(UUID(int=2)), customer().user_id, ProgramId(UUID(int=3)),
        EntryId(UUID(int=4)), points, Money(points * 1_000, "MNT"), RedemptionStatus.SPENT,
        0, T0, T0,
    )  # fmt: skip


@given(
    points=st.integers(1, 10**6),
    paid=st.integers(1, 10**9),
    refunds=st.lists(st.integers(0, 10**9), max_size=5),
)
def test_refunds_give_back_their_share_of_spent_points_never_more_than_all(
    points: int, paid: int, refunds: list[int]
) -> None:
    redemption, refunded = spent(points), 0
    for refund in refunds:
        refunded = min(paid, refunded + refund)
        back = restorable(redemption, refunded, paid)
        assert back >= 0
        redemption = dataclasses.replace(redemption, restored=redemption.restored + back)
        assert redemption.restored == points * refunded // paid
    assert restorable(redemption, refunded, paid) == 0  # a repeat gives nothing more
    held = dataclasses.replace(spent(points), status=RedemptionStatus.HELD)
    assert restorable(held, paid, paid) == 0  # only spent points come back this way


@given(
    path=st.lists(
        st.sampled_from([RedemptionStatus.SPENT, RedemptionStatus.RELEASED,
                         RedemptionStatus.FORFEITED, RedemptionStatus.HELD]),
        max_size=6,
    )
)  # fmt: skip
def test_a_held_redemption_settles_once_and_for_good(path: list[RedemptionStatus]) -> None:
    redemption = dataclasses.replace(spent(10), status=RedemptionStatus.HELD)
    for status in path:
        after = settle(redemption, status, T0)
        if redemption.status is RedemptionStatus.HELD and status is not RedemptionStatus.HELD:
            assert after.status is status
        else:
            assert after == redemption  # settled before, or asked to hold: nothing changes
        redemption = after
