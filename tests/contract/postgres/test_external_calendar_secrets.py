"""An external calendar's feed URL at rest on PostgreSQL: sealed in its row (nothing of the
secret path in it), read back in the clear, and moved to the newest key by the reseal that
``inkslot rotate-secrets`` runs."""

from __future__ import annotations

import pytest

from adapters.postgres.database import Database
from adapters.security.secret_box import SEALED_MARKER
from booking_domain.scheduling import ExternalCalendar
from tests.contract.catalog_rows import an_artist, stored_user
from tests.support.builders import START, TEST_SECRETS
from tests.support.sealed import resealed_to_a_new_key, rows
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio
URL = "https://calendar.example.com/ical/private-5f3a9c/basic.ics"


async def test_the_feed_url_is_sealed_and_resealed(database: Database, database_url: str) -> None:
    uow = postgres_units(database, secrets=TEST_SECRETS)
    async with uow() as unit:
        artist = an_artist(await stored_user(unit, "a@example.com"))
        await unit.artists.add(artist)
        calendar = ExternalCalendar.add(artist.id, "", URL, START)
        await unit.external_calendars.add(calendar)
        await unit.commit()
    (row,) = await rows(database_url, "SELECT url FROM external_calendars")
    assert row["url"].startswith(SEALED_MARKER) and "private-5f3a9c" not in row["url"]

    newest_only = await resealed_to_a_new_key(database)
    async with newest_only(read_only=True) as unit:
        assert await unit.external_calendars.get(calendar.id) == calendar
