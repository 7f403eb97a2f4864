"""What a program's rates mean for a customer (``loyalty.explain``): the example's points
are what earning a booking of that price gives, at each tier too, and what they are worth
is what they take off an invoice."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.loyalty import Rates, Tier, explain, spending_points
from booking_domain.testing.loyalty import valid_rates

RATES = Rates("MNT", 100_000, 5, 1_000, 20, 365, (Tier("Gold", 10, 150), Tier("Ink", 50, 200)))


def test_a_price_given_is_worked_on_with_every_tier() -> None:
    earning = explain(RATES, 1_500_000)
    assert (earning.price, earning.points, earning.worth) == (1_500_000, 15, 15_000)
    assert [(t.name, t.points, t.worth) for t in earning.tiers] == [
        ("Gold", 22, 22_000),  # 15 * 1.5, rounded down
        ("Ink", 30, 30_000),
    ]
    assert (earning.review_points, earning.max_share_percent, earning.expiry_days) == (5, 20, 365)


def test_with_no_price_the_example_earns_ten_points() -> None:
    for price in (None, 0, -5):
        earning = explain(RATES, price)
        assert (earning.price, earning.points) == (1_000_000, 10)


@given(valid_rates(), st.integers(min_value=1, max_value=10**12))
def test_the_example_earns_what_a_booking_of_its_price_earns(rates: Rates, price: int) -> None:
    earning = explain(rates, price)
    assert earning.points == spending_points(price, rates, 0)
    assert earning.worth == earning.points * rates.point_value
    for tier in earning.tiers:
        assert tier.points == spending_points(price, rates, tier.threshold)
        assert tier.points >= earning.points
    assert [t.points for t in earning.tiers] == sorted(t.points for t in earning.tiers)
