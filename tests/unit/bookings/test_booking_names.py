"""A booking's names: the service's to whoever may see the booking; the customer's only to
its artist, the customer themself and admins; never to a stranger."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookingNames, NamedBooking, named_for, names_for
from booking_domain.shared import Actor, Role, UserId
from booking_domain.testing.builders import (
    ADMIN_USER,
    ARTIST_USER,
    CUSTOMER_USER,
    admin,
    artist,
    booking_at,
    customer,
)

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
BOOKING = booking_at(datetime(2026, 3, 5, 10, tzinfo=UTC), now=NOW)
NAMES = BookingNames(customer="Ada Lovelace", service="Fine line", phone="+97688001122")
PARTIES = {CUSTOMER_USER, ARTIST_USER, ADMIN_USER}


def test_the_parties_and_admins_see_every_name() -> None:
    for reader in (customer(), artist(), admin()):
        assert names_for(reader, BOOKING, NAMES) == NAMES
        assert named_for(reader, NamedBooking(BOOKING, NAMES)).names == NAMES


@given(st.uuids(), st.sampled_from([Role.CUSTOMER, Role.ARTIST]))
def test_a_stranger_never_sees_the_customers_name(user: object, role: Role) -> None:
    stranger = Actor(UserId(user), role)  # type: ignore[arg-type]
    if stranger.user_id in PARTIES:
        return
    assert names_for(stranger, BOOKING, NAMES) == BookingNames(None, "Fine line")
    shown = named_for(stranger, NamedBooking(BOOKING, NAMES))
    assert shown.names.customer is None and shown.names.phone is None
    assert shown.booking is BOOKING


def test_a_party_in_another_role_is_a_stranger() -> None:
    """The customer's id signed in as an artist is not the booking's customer."""
    assert names_for(Actor(CUSTOMER_USER, Role.ARTIST), BOOKING, NAMES).customer is None
