"""``inkslot expire-holds`` as an operator (or a cron job) runs it: a real process on the
real clock, so the seeded hold ran out an hour before the real now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.postgres.database import Database
from booking_domain.bookings import record_new, request_booking
from booking_domain.catalog import FixedDeposit
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Money
from booking_domain.testing.builders import open_all_week
from tests.support.builders import TEST_SECRETS
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.cli import cli_env, inkslot
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio


async def test_expire_holds_cancels_the_holds_that_ran_out(database_url: str) -> None:
    database = Database(database_url, min_size=1, max_size=2)
    await database.open()
    uow = postgres_units(database, secrets=TEST_SECRETS)
    try:
        artist = await add_bookable_artist(uow, deposit=FixedDeposit(Money(10_000, "MNT")))
        customer = await add_user(uow)
        then = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        start = then.replace(minute=0, second=0) + timedelta(days=3)
        booking, event = request_booking(
            by=customer, service=artist.service, artist_user_id=artist.user_id,
            policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
            start=start, now=then,
        )  # fmt: skip
        async with uow() as work:
            await record_new(work, booking, event)
            await work.commit()
        env = cli_env(INKSLOT_DATABASE_URL=database_url, INKSLOT_SEED_DEMO_DATA="false")
        result = inkslot("expire-holds", env=env)
        assert result.returncode == 0, result.stderr
        assert "1 expired holds cancelled" in result.stdout
        async with uow(read_only=True) as work:
            stored = await work.bookings.get(booking.id)
        assert stored is not None
        assert (stored.status.value, stored.cancellation_reason) == ("cancelled", "expired")
        again = inkslot("expire-holds", env=env)
        assert "0 expired holds cancelled" in again.stdout
    finally:
        await database.close()
