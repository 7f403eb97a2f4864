"""Migration 0029: the families still usable get a session record (device unknown); going
back drops the records and nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import psycopg

from adapters.postgres import migrate


def test_usable_families_get_a_record_and_downgrading_drops_them(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    migrate.upgrade(url, "0028_phone_accounts")
    user_id = uuid4()
    live, rotated, revoked, expired = uuid4(), uuid4(), uuid4(), uuid4()
    signed_in = datetime(2026, 1, 1, tzinfo=UTC)
    now = datetime.now(UTC)
    rows = [  # (family, issued, expires, revoked, spent)
        (live, signed_in, now + timedelta(days=1), None, None),
        (rotated, signed_in, now + timedelta(days=1), None, signed_in + timedelta(hours=1)),
        (rotated, signed_in + timedelta(hours=1), now + timedelta(days=2), None, None),
        (revoked, signed_in, now + timedelta(days=1), signed_in, None),
        (expired, signed_in, now - timedelta(days=1), None, None),
    ]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, 'ada@example.com', 'Ada', 'customer', 'x')",
            (user_id,),
        )
        for index, (family, issued, expires, revoked_at, spent) in enumerate(rows):
            conn.execute(
                "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at,"
                " revoked_at, spent_at, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (uuid4(), family, user_id, f"hash-{index}", expires, revoked_at, spent, issued),
            )
    migrate.upgrade(url, "0029_session_devices")
    with psycopg.connect(url) as conn:
        found = conn.execute(
            "SELECT id, user_id, user_agent, address, created_at, last_used_at FROM sessions"
        ).fetchall()
    assert sorted(found) == sorted(
        [
            (live, user_id, "", None, signed_in, signed_in),
            (rotated, user_id, "", None, signed_in, signed_in + timedelta(hours=1)),
        ]
    )
    migrate.downgrade(url, "0028_phone_accounts")
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regclass('sessions')").fetchone() == (None,)
        assert conn.execute("SELECT count(*) FROM refresh_tokens").fetchone() == (5,)
