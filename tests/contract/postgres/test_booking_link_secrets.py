"""A booking link's token at rest on PostgreSQL: its row holds the token sealed and its keyed
digest, never the token itself; read back in the clear, and moved to the newest key by the
reseal that ``inkslot rotate-secrets`` runs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from cryptography.fernet import Fernet

from adapters.postgres.database import Database
from adapters.postgres.secrets import reseal_stored_secrets
from adapters.security.secret_box import SEALED_MARKER, FernetSecretBox
from booking_domain.catalog.links import fresh_token, new_link
from tests.contract.postgres.test_sealed_secrets import rows
from tests.support.builders import START, TEST_ENCRYPTION_KEY, TEST_SECRETS
from tests.support.catalog import add_bookable_artist
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url, min_size=1, max_size=2)
    await db.open()
    try:
        yield db
    finally:
        await db.close()


async def test_the_token_is_sealed_and_resealed(database: Database, database_url: str) -> None:
    uow = postgres_units(database, secrets=TEST_SECRETS)
    artist = await add_bookable_artist(uow)
    link = new_link(artist.profile, None, token=fresh_token(), now=START)
    async with uow() as unit:
        await unit.booking_links.add(link, "the-digest")
        await unit.commit()
    (row,) = await rows(database_url, "SELECT token_sealed, token_digest FROM booking_links")
    assert row["token_sealed"].startswith(SEALED_MARKER)
    assert link.token not in row["token_sealed"] and row["token_digest"] == "the-digest"

    new_key = Fernet.generate_key().decode()
    assert await reseal_stored_secrets(database, FernetSecretBox([new_key, TEST_ENCRYPTION_KEY]))
    newest_only = postgres_units(database, secrets=FernetSecretBox([new_key]))
    async with newest_only(read_only=True) as unit:
        assert await unit.booking_links.get(link.id) == link
