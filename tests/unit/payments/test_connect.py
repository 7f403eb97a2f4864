"""Payout accounts' rules: the status follows what the gateway says, and only an active
account is a charge's destination."""

from __future__ import annotations

from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payments import GatewayAccountState, PayoutAccountStatus, connect
from booking_domain.shared import UserId
from tests.support.builders import START


@given(st.booleans(), st.booleans(), st.booleans())
def test_the_status_follows_the_gateway_and_only_active_is_a_destination(
    charges: bool, payouts: bool, submitted: bool
) -> None:
    status = connect.status_of(GatewayAccountState(charges, payouts, submitted))
    assert (status is PayoutAccountStatus.ACTIVE) == (charges and payouts)
    if not (charges and payouts):
        expected = PayoutAccountStatus.RESTRICTED if submitted else PayoutAccountStatus.ONBOARDING
        assert status is expected
    account = connect.apply(
        connect.opened(UserId(uuid4()), "stripe", "acct_1", START), START, status=status
    )
    assert connect.destination(account) == (
        "acct_1" if status is PayoutAccountStatus.ACTIVE else None
    )
    assert connect.destination(None) is None
