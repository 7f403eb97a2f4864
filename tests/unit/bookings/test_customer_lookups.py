"""The artist's budget of customer lookups (``bookings.lookups``): at most so many an hour
per artist account, found or not, booked or refused; over it 429 before anything is looked
up, alike for every email and number; client records not counted; the next hour anew."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import (
    CustomerNotFoundError,
    LookupBudget,
    TooManyCustomerLookupsError,
)
from booking_domain.bookings.lookups import LOOKUP_WINDOW, window_of
from booking_domain.bookings.use_cases.parties import ClientDetails, CustomerLookup
from booking_domain.scheduling import NotBookableError
from booking_domain.shared import PageRequest
from tests.support.bootstrap import build_app
from tests.unit.bookings.conftest import SLOT, World
from tests.unit.bookings.test_artist_bookings import a_customer, book_for, email_of

instants = st.datetimes(datetime(2000, 1, 1), datetime(2199, 1, 1), timezones=st.just(UTC))


@given(instants)
def test_the_window_is_the_clock_hour_the_instant_falls_in(now: datetime) -> None:
    start = window_of(now)
    assert start <= now < start + LOOKUP_WINDOW
    assert start.minute == start.second == start.microsecond == 0


@given(st.integers(1, 500), st.integers(0, 1_000), instants)
def test_lookups_over_the_budget_wait_for_the_windows_end(
    per_hour: int, counted: int, now: datetime
) -> None:
    budget = LookupBudget(per_hour)
    if counted <= per_hour:
        budget.check(counted, now)
        return
    with pytest.raises(TooManyCustomerLookupsError) as refused:
        budget.check(counted, now)
    wait = timedelta(seconds=refused.value.retry_after_seconds)
    assert 1 <= refused.value.retry_after_seconds <= 3600
    assert now + wait >= window_of(now) + LOOKUP_WINDOW > now + wait - timedelta(seconds=1)


def test_a_budget_allows_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least one"):
        LookupBudget(0)


@pytest.fixture
def world() -> World:
    return World(build_app(customer_lookups_per_hour=3))


@pytest.mark.anyio
async def test_an_artist_looks_up_so_many_customers_an_hour(world: World) -> None:
    artist, other = await world.artist(), await world.artist()
    customer = await a_customer(world)
    known = CustomerLookup(email=await email_of(world, customer))
    stranger = CustomerLookup(email="nobody@example.com")
    # Found and booked, not found, and refused at an unbookable start: each counts.
    assert (await book_for(world, artist.actor, artist, known)).booking.customer_id
    with pytest.raises(CustomerNotFoundError):
        await book_for(world, artist.actor, artist, stranger, start=SLOT + timedelta(hours=1))
    with pytest.raises(NotBookableError):
        await book_for(world, artist.actor, artist, known, start=SLOT + timedelta(minutes=7))
    # Over the budget: the same answer for a customer and a stranger, and nothing booked.
    answers = []
    for party in (known, stranger, CustomerLookup(phone="8811 2233")):
        with pytest.raises(TooManyCustomerLookupsError) as refused:
            await book_for(world, artist.actor, artist, party, start=SLOT + timedelta(hours=2))
        answers.append((refused.value.code, refused.value.message))
        assert refused.value.retry_after_seconds == 3600  # the clock stands at 10:00
    assert len(set(answers)) == 1
    listed = await world.list(artist.actor, PageRequest(1, 50))
    assert len(listed.items) == 1
    # A client record of the artist's own is no lookup; another artist has a budget of theirs.
    walk_in = ClientDetails(name="Bat Erdene", phone="8811 2233")
    await book_for(world, artist.actor, artist, walk_in, start=SLOT + timedelta(hours=2))
    await book_for(world, other.actor, other, known)
    # The next hour the artist looks people up again.
    world.clock.advance(LOOKUP_WINDOW)
    await book_for(world, artist.actor, artist, known, start=SLOT + timedelta(hours=3))
