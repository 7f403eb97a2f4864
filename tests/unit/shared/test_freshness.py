"""Which reads may lag: the public catalogue for whoever browses it, never for its editors."""

from __future__ import annotations

from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import Actor, Role, UserId
from booking_domain.shared.freshness import browsing


def test_anonymous_callers_browse() -> None:
    assert browsing(None)


@given(st.sampled_from(Role))
def test_customers_browse_and_editors_read_fresh(role: Role) -> None:
    actor = Actor(UserId(uuid4()), role)
    assert browsing(actor) is (role is Role.CUSTOMER)
