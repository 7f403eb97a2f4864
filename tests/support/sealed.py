"""Secrets at rest on PostgreSQL, as the tests of each sealed column look at them: the rows
as an intruder with a dump reads them (no box), and a reseal to a fresh key, after which
only that key may be left."""

from __future__ import annotations

from typing import Any

import psycopg
from cryptography.fernet import Fernet
from psycopg.rows import dict_row

from adapters.postgres.database import Database, psycopg_url
from adapters.postgres.secrets import reseal_stored_secrets
from adapters.security.secret_box import FernetSecretBox
from tests.support.builders import TEST_ENCRYPTION_KEY
from tests.support.storage import PostgresUnits, postgres_units


async def rows(database_url: str, sql: str) -> list[dict[str, Any]]:
    """What the table holds, read as an intruder with a dump would: no box."""
    async with await psycopg.AsyncConnection.connect(
        psycopg_url(database_url), row_factory=dict_row
    ) as conn:
        return await (await conn.execute(sql)).fetchall()


async def resealed_to_a_new_key(database: Database) -> PostgresUnits:
    """Reseals every stored secret to a fresh key (what ``inkslot rotate-secrets`` runs,
    with the fresh key first and the test key after it), checks that something moved, and
    gives units of work that know the fresh key alone: what they read back was moved."""
    new_key = Fernet.generate_key().decode()
    assert await reseal_stored_secrets(database, FernetSecretBox([new_key, TEST_ENCRYPTION_KEY]))
    return postgres_units(database, secrets=FernetSecretBox([new_key]))
