"""An external calendar's feed URL at rest on PostgreSQL: sealed in its row (nothing of the
secret path in it), read back in the clear, and moved to the newest key by the reseal that
``inkslot rotate-secrets`` runs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from cryptography.fernet import Fernet

from adapters.postgres.database import Database
from adapters.postgres.secrets import reseal_stored_secrets
from adapters.security.secret_box import SEALED_MARKER, FernetSecretBox
from booking_domain.scheduling import ExternalCalendar
from tests.contract.catalog_rows import an_artist, stored_user
from tests.contract.postgres.test_sealed_secrets import rows
from tests.support.builders import START, TEST_ENCRYPTION_KEY, TEST_SECRETS
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio
URL = "https://calendar.example.com/ical/private-5f3a9c/basic.ics"


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url, min_size=1, max_size=2)
    await db.open()
    try:
        yield db
    finally:
        await db.close()


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

    new_key = Fernet.generate_key().decode()
    assert await reseal_stored_secrets(database, FernetSecretBox([new_key, TEST_ENCRYPTION_KEY]))
    newest_only = postgres_units(database, secrets=FernetSecretBox([new_key]))
    async with newest_only(read_only=True) as unit:
        assert await unit.external_calendars.get(calendar.id) == calendar
