"""The platform's fee: a share of each payment, at least the currency's minimum, never more
than the payment; refunds give back the fee in proportion, never more than was taken."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payouts import WHOLE, FeeRule, fee_kept
from booking_domain.shared import InvalidInputError, Money

amounts = st.integers(min_value=1, max_value=10**12)
rules = st.builds(
    FeeRule,
    st.integers(min_value=0, max_value=WHOLE),
    st.dictionaries(st.sampled_from(["MNT", "USD"]), st.integers(min_value=0, max_value=10**6)),
)


@given(rules, amounts, st.sampled_from(["MNT", "USD", "EUR"]))
def test_a_fee_is_its_share_at_least_the_minimum_never_more_than_the_payment(
    rule: FeeRule, amount: int, currency: str
) -> None:
    fee = rule.fee_for(Money(amount, currency))
    share = (amount * rule.basis_points * 2 + WHOLE) // (2 * WHOLE)  # half up
    assert fee.currency == currency
    assert fee.amount == min(max(share, rule.minimums.get(currency, 0)), amount)
    assert 0 <= fee.amount <= amount


def test_a_fee_rounds_half_up_to_a_minor_unit() -> None:
    rule = FeeRule(250)  # 2.5 %
    assert rule.fee_for(Money(1_000_000, "MNT")) == Money(25_000, "MNT")
    assert rule.fee_for(Money(20, "USD")) == Money(1, "USD")  # 0.5 -> 1
    assert rule.fee_for(Money(19, "USD")) == Money(0, "USD")  # 0.475 -> 0
    assert FeeRule(250, {"USD": 30}).fee_for(Money(19, "USD")) == Money(19, "USD")  # capped
    assert FeeRule().fee_for(Money(5_000, "MNT")).is_zero


@pytest.mark.parametrize(
    ("basis_points", "minimums"), [(-1, {}), (WHOLE + 1, {}), (100, {"MNT": -5})]
)
def test_a_fee_rule_out_of_bounds_is_refused(basis_points: int, minimums: dict[str, int]) -> None:
    with pytest.raises(InvalidInputError):
        FeeRule(basis_points, minimums)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=10**12),
    st.lists(st.integers(min_value=1, max_value=10**11), max_size=8),
)
def test_refunds_give_back_the_fee_in_proportion_and_never_more_than_was_taken(
    fees: int, collected: int, refunds: list[int]
) -> None:
    fees = min(fees, collected)
    refunded, returned = 0, 0
    assert fee_kept(fees, collected, 0) == fees
    for refund in refunds:
        back = min(refund, collected - refunded)
        if back <= 0:
            break
        refunded += back
        kept = fee_kept(fees, collected, refunded)
        assert 0 <= kept <= fees - returned  # what is kept only ever shrinks
        returned = fees - kept
        exact = fees * (collected - refunded) / collected
        assert abs(kept - exact) <= 0.5
    assert returned <= fees
    if refunded == collected:
        assert fee_kept(fees, collected, refunded) == 0  # refunded in full: no fee kept
