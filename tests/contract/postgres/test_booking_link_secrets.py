"""A booking link's token at rest on PostgreSQL: its row holds the token sealed and its keyed
digest, never the token itself; read back in the clear, and moved to the newest key by the
reseal that ``inkslot rotate-secrets`` runs."""

from __future__ import annotations

import pytest

from adapters.postgres.database import Database
from adapters.security.secret_box import SEALED_MARKER
from booking_domain.catalog.links import fresh_token, new_link
from tests.support.builders import START, TEST_SECRETS
from tests.support.catalog import add_bookable_artist
from tests.support.sealed import resealed_to_a_new_key, rows
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio


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

    newest_only = await resealed_to_a_new_key(database)
    async with newest_only(read_only=True) as unit:
        assert await unit.booking_links.get(link.id) == link
