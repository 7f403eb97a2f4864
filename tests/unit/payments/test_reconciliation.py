"""The daily reconciliation's rule on any two sides: every payment of the day found on one
side and not the other, or with another amount, is one difference, and nothing else is;
a payment recorded just past midnight of one paid just before is no difference; the days
due are the last three not yet agreed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payments import PaymentMethod, PaymentState, ProviderPayment
from booking_domain.payments.receipts import PaymentOutcome, ReceivedPayment
from booking_domain.payments.reconciliation import (
    MARGIN,
    DifferenceKind,
    day_window,
    days_due,
    reconcile,
)
from booking_domain.shared import BookingId, Money

DAY = date(2026, 3, 2)
START, END = day_window(DAY)
NOW = END + timedelta(hours=5)
moments = st.integers(min_value=-4 * 3600, max_value=28 * 3600).map(
    lambda s: START + timedelta(seconds=s)
)


def _ours(payment_id: str, amount: int, at: datetime) -> ReceivedPayment:
    return ReceivedPayment(
        payment_id, "inv", BookingId(uuid4()), Money(amount, "MNT"), PaymentMethod.CARD,
        PaymentOutcome.CONFIRMED, at, gateway="qpay",
    )  # fmt: skip


def _theirs(payment_id: str, amount: int, at: datetime, state: PaymentState) -> ProviderPayment:
    return ProviderPayment(payment_id, state, Money(amount, "MNT"), PaymentMethod.CARD, paid_at=at)


sides = st.lists(
    st.tuples(
        st.sampled_from([f"p{n}" for n in range(8)]),
        st.sampled_from(["ours", "theirs", "both"]),
        st.integers(1, 3),
        st.integers(1, 3),
        moments,
        st.sampled_from([PaymentState.PAID, PaymentState.PAID, PaymentState.REFUNDED]),
    ),
    unique_by=lambda t: t[0],
    max_size=8,
)


@given(sides)
def test_each_payment_of_the_day_on_one_side_only_or_of_another_amount_differs(
    script: list[tuple[str, str, int, int, datetime, PaymentState]],
) -> None:
    ours, theirs = [], []
    for payment_id, where, our_amount, their_amount, at, state in script:
        if where in ("ours", "both"):
            ours.append(_ours(payment_id, our_amount, at))
        if where in ("theirs", "both"):
            theirs.append(_theirs(payment_id, their_amount, at, state))
    found = reconcile("qpay", DAY, ours, theirs, NOW)

    expected = _expected(ours, theirs)
    assert {(d.kind, d.payment_id) for d in found.differences} == expected
    assert found.agrees == (not expected)
    assert found.recorded == sum(1 for o in ours if _today(o.received_at))


def _today(at: datetime | None) -> bool:
    return at is not None and START <= at < END


def _expected(
    ours: list[ReceivedPayment], theirs: list[ProviderPayment]
) -> set[tuple[DifferenceKind, str]]:
    """The differences, reckoned payment by payment, the plain way."""
    paid = {p.payment_id: p for p in theirs if p.state is PaymentState.PAID}
    recorded = {o.payment_id for o in ours}
    expected = {
        (DifferenceKind.MISSING_HERE, p.payment_id)
        for p in paid.values()
        if _today(p.paid_at) and p.payment_id not in recorded
    }
    for o in ours:
        match = paid.get(o.payment_id)
        if _today(o.received_at) and match is None:
            expected.add((DifferenceKind.MISSING_THERE, o.payment_id))
        elif _today(o.received_at) and match is not None and match.amount != o.amount:
            expected.add((DifferenceKind.AMOUNT_DIFFERS, o.payment_id))
    return expected


def test_a_payment_recorded_past_midnight_of_one_paid_before_it_is_no_difference() -> None:
    paid_at, recorded_at = END - timedelta(seconds=30), END + timedelta(minutes=3)
    assert recorded_at - paid_at < MARGIN
    found = reconcile(
        "qpay",
        DAY,
        [_ours("p1", 100, recorded_at)],
        [_theirs("p1", 100, paid_at, PaymentState.PAID)],
        NOW,
    )
    assert found.agrees and (found.recorded, found.reported) == (0, 1)


def test_the_days_due_are_the_last_three_not_yet_agreed() -> None:
    today = date(2026, 3, 10)
    assert days_due(set(), today) == [date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]
    assert days_due({date(2026, 3, 8)}, today) == [date(2026, 3, 7), date(2026, 3, 9)]
    assert days_due({date(2026, 3, d) for d in (7, 8, 9)}, today) == []
    assert day_window(DAY, margin=MARGIN)[0] == datetime(2026, 3, 1, 22, tzinfo=UTC)
