"""Secrets at rest on PostgreSQL: a webhook's signing secret and the provider's tokens are
sealed in their rows (the plaintext is nowhere in them) and read back in the clear; a key
rotation keeps every row readable, and ``inkslot rotate-secrets`` moves every row, those
stored in the clear before sealing included, to the newest key."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from cryptography.fernet import Fernet

from adapters.postgres.database import Database, psycopg_url
from adapters.postgres.provider_tokens import PostgresTokenStore
from adapters.security.secret_box import SEALED_MARKER, FernetSecretBox
from booking_domain.payments import ProviderToken
from booking_domain.shared import Role
from booking_domain.webhooks import WebhookEndpoint
from tests.support.builders import START, TEST_ENCRYPTION_KEY, TEST_SECRETS
from tests.support.catalog import add_user
from tests.support.cli import cli_env, inkslot
from tests.support.sealed import rows
from tests.support.storage import PostgresUnits, postgres_units

pytestmark = pytest.mark.anyio
NEW_KEY = Fernet.generate_key().decode()


async def an_endpoint(uow: PostgresUnits) -> WebhookEndpoint:
    owner = await add_user(uow, Role.ADMIN)
    endpoint = WebhookEndpoint.register(owner, "https://hooks.example.com/in", ["*"], START)
    async with uow() as unit:
        await unit.webhooks.add(endpoint)
        await unit.commit()
    return endpoint


async def test_a_webhook_secret_is_sealed_in_its_row(database: Database, database_url: str) -> None:
    uow = postgres_units(database, secrets=TEST_SECRETS)
    endpoint = await an_endpoint(uow)
    (row,) = await rows(database_url, "SELECT secret FROM webhook_endpoints")
    assert endpoint.secret not in row["secret"]
    assert endpoint.secret.removeprefix("whsec_") not in row["secret"]
    assert row["secret"].startswith(SEALED_MARKER)
    async with uow(read_only=True) as unit:
        assert (await unit.webhooks.get(endpoint.id)) == endpoint


async def test_provider_tokens_are_sealed_in_their_row(
    database: Database, database_url: str
) -> None:
    store = PostgresTokenStore(database, "qpay:merchant", secrets=TEST_SECRETS)
    later = START + timedelta(hours=1)
    token = ProviderToken("access-token-value-123", later, "refresh-token-value-456", later)
    async with store.renewing() as slot:
        await slot.save(token)
    (row,) = await rows(database_url, "SELECT access_token, refresh_token FROM provider_tokens")
    assert "access-token-value-123" not in str(row) and "refresh-token-value-456" not in str(row)
    assert await store.get() == token


async def test_rotation_keeps_rows_readable_and_rotate_secrets_moves_them(
    database: Database, database_url: str
) -> None:
    old_uow = postgres_units(database, secrets=TEST_SECRETS)
    sealed_under_old = await an_endpoint(old_uow)
    in_the_clear = await an_endpoint(old_uow)
    async with await psycopg.AsyncConnection.connect(psycopg_url(database_url)) as conn:
        await conn.execute(  # a row as it was stored before secrets were sealed
            "UPDATE webhook_endpoints SET secret = %s WHERE id = %s",
            (in_the_clear.secret, in_the_clear.id),
        )
    both_keys = FernetSecretBox([NEW_KEY, TEST_ENCRYPTION_KEY])
    rotated = postgres_units(database, secrets=both_keys)
    async with rotated(read_only=True) as unit:
        assert await unit.webhooks.get(sealed_under_old.id) == sealed_under_old
        assert await unit.webhooks.get(in_the_clear.id) == in_the_clear

    env = cli_env(
        INKSLOT_DATABASE_URL=database_url,
        INKSLOT_SEED_DEMO_DATA="false",
        INKSLOT_ENCRYPTION_KEY=f"{NEW_KEY},{TEST_ENCRYPTION_KEY}",
    )
    first = inkslot("rotate-secrets", env=env)
    assert first.returncode == 0, first.stderr
    assert "2 rows" in first.stdout
    assert NEW_KEY not in first.stdout + first.stderr
    again = inkslot("rotate-secrets", env=env)
    assert again.returncode == 0 and "0 rows" in again.stdout

    newest_only = postgres_units(database, secrets=FernetSecretBox([NEW_KEY]))
    async with newest_only(read_only=True) as unit:  # the old key may now be dropped
        assert await unit.webhooks.get(sealed_under_old.id) == sealed_under_old
        assert await unit.webhooks.get(in_the_clear.id) == in_the_clear
    for row in await rows(database_url, "SELECT secret FROM webhook_endpoints"):
        assert row["secret"].startswith(SEALED_MARKER)


async def test_rotate_secrets_without_the_old_key_changes_nothing(
    database: Database, database_url: str
) -> None:
    await an_endpoint(postgres_units(database, secrets=TEST_SECRETS))
    before = await rows(database_url, "SELECT secret FROM webhook_endpoints")
    env = cli_env(
        INKSLOT_DATABASE_URL=database_url,
        INKSLOT_SEED_DEMO_DATA="false",
        INKSLOT_ENCRYPTION_KEY=NEW_KEY,
    )
    result = inkslot("rotate-secrets", env=env)
    assert result.returncode == 1 and "none of the keys" in result.stderr
    assert "Traceback" not in result.stderr
    assert await rows(database_url, "SELECT secret FROM webhook_endpoints") == before
