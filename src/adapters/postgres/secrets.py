"""Every secret the database keeps, sealed again under the newest key (``inkslot
rotate-secrets``).

The secrets are the webhook endpoints' signing secrets, the payment provider's tokens and
the feed URLs of artists' external calendars, and the booking links' tokens.
One transaction locks their rows and rewrites only those not sealed under the newest key
yet: ones sealed under an older key, and ones written in the clear before sealing existed.
Run after putting a new key first in ``INKSLOT_ENCRYPTION_KEY`` (and once after upgrading
to sealed secrets); when it has run, older keys may be dropped from the list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select, update

from adapters.postgres.database import Connection, Database
from adapters.postgres.sql import Statement
from adapters.postgres.tables.booking_links import booking_links
from adapters.postgres.tables.external_calendars import external_calendars
from adapters.postgres.tables.payments import provider_tokens
from adapters.postgres.tables.webhooks import webhook_endpoints
from booking_domain.shared import SecretBox

_E = webhook_endpoints.c
_T = provider_tokens.c
_ENDPOINTS = Statement(lambda: select(_E.id, _E.secret).with_for_update())
_SET_ENDPOINT = Statement(
    lambda: (
        update(webhook_endpoints)
        .where(_E.id == bindparam("key"))
        .values(secret=bindparam("secret"))
    )
)
_X = external_calendars.c
_CALENDARS = Statement(lambda: select(_X.id, _X.url).with_for_update())
_SET_CALENDAR = Statement(
    lambda: update(external_calendars).where(_X.id == bindparam("key")).values(url=bindparam("url"))
)
_L = booking_links.c
_LINKS = Statement(lambda: select(_L.id, _L.token_sealed).with_for_update())
_SET_LINK = Statement(
    lambda: (
        update(booking_links)
        .where(_L.id == bindparam("key"))
        .values(token_sealed=bindparam("token_sealed"))
    )
)
_TOKENS = Statement(lambda: select(_T.name, _T.access_token, _T.refresh_token).with_for_update())
_SET_TOKEN = Statement(
    lambda: (
        update(provider_tokens)
        .where(_T.name == bindparam("key"))
        .values(access_token=bindparam("access_token"), refresh_token=bindparam("refresh_token"))
    )
)


class PostgresStoredSecrets:
    """The secrets this database keeps, as one set to reseal."""

    def __init__(self, database: Database, secrets: SecretBox) -> None:
        self._database = database
        self._box = secrets

    async def reseal(self) -> int:
        return await reseal_stored_secrets(self._database, self._box)


async def reseal_stored_secrets(database: Database, box: SecretBox) -> int:
    """Reseal every stored secret not sealed under ``box``'s newest key; returns how many
    rows changed. Raises ``SecretUnreadableError`` (and changes nothing) when a secret
    opens with none of the keys."""
    wait = database.connection_wait()
    async with database.pool.connection(timeout=wait) as conn, conn.transaction():
        endpoints = await _reseal(conn, box, _ENDPOINTS, _SET_ENDPOINT, "id", ("secret",))
        tokens = await _reseal(
            conn, box, _TOKENS, _SET_TOKEN, "name", ("access_token", "refresh_token")
        )
        calendars = await _reseal(conn, box, _CALENDARS, _SET_CALENDAR, "id", ("url",))
        links = await _reseal(conn, box, _LINKS, _SET_LINK, "id", ("token_sealed",))
    return endpoints + tokens + calendars + links


async def _reseal(
    conn: Connection,
    box: SecretBox,
    rows: Statement,
    write: Statement,
    key: str,
    columns: tuple[str, ...],
) -> int:
    changed = 0
    found: list[dict[str, Any]] = await (await conn.execute(rows.text)).fetchall()
    for row in found:
        fresh = {c: box.reseal(row[c]) for c in columns}
        if all(value is None for value in fresh.values()):
            continue
        values = {c: row[c] if fresh[c] is None else fresh[c] for c in columns}
        await conn.execute(write.text, {"key": row[key], **values})
        changed += 1
    return changed
