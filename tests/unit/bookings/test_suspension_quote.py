"""Asking what a suspension would do before doing it (``QuoteSuspension``): the same
refusals as ``SuspendArtist`` and, for every mix of bookings, exactly as many upcoming ones
as the suspension then cancels; asking changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booking_domain.accounts import Role
from booking_domain.bookings import BookingStatus
from booking_domain.shared import PermissionDeniedError
from booking_domain.shared.errors import InvalidTransitionError
from tests.support.bootstrap import build_app
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
HOUR = timedelta(hours=1)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.booleans(), max_size=6), st.integers(0, 7))
async def test_the_quote_counts_exactly_what_the_suspension_cancels(
    cancelled: list[bool], started: int
) -> None:
    """Bookings an hour apart from SLOT, some cancelled; the clock then moved into the
    ``started``-th of them (those before it have started, and stay)."""
    world = World(build_app())
    artist = await world.artist()
    admin = await world.user(Role.ADMIN)
    customer = await world.user()
    for n, cancel in enumerate(cancelled):
        made = await world.book(customer, artist, SLOT + n * HOUR)
        if cancel:
            await world.change(customer, made.booking.id, status=BookingStatus.CANCELLED)
    if started:
        world.clock.set(SLOT + (started - 1) * HOUR + timedelta(minutes=1))
    quote = await world.app.bookings.quote_suspension(admin, artist.id)
    again = await world.app.bookings.quote_suspension(admin, artist.id)
    assert again == quote  # asking changed nothing
    done = await world.app.bookings.suspend_artist(admin, artist.id)
    assert quote.upcoming == len(done.cancelled)
    assert quote.artist.id == artist.id


async def test_only_admins_ask_and_a_suspended_artist_is_refused_as_suspending_would_be(
    world: World,
) -> None:
    artist = await world.artist()
    admin = await world.user(Role.ADMIN)
    for who in (await world.user(), await world.user(Role.ARTIST)):
        with pytest.raises(PermissionDeniedError):
            await world.app.bookings.quote_suspension(who, artist.id)
    await world.app.bookings.suspend_artist(admin, artist.id)
    with pytest.raises(InvalidTransitionError):
        await world.app.bookings.quote_suspension(admin, artist.id)
    with pytest.raises(InvalidTransitionError):
        await world.app.bookings.suspend_artist(admin, artist.id)
