"""Migrations: upgrade from empty, downgrade, upgrade again; and they match the metadata."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from adapters.postgres import migrate
from adapters.postgres.database import sqlalchemy_url
from adapters.postgres.tables import is_ours, schema


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {r[0] for r in rows}


def test_upgrade_downgrade_upgrade_on_an_empty_database(empty_database_url: str) -> None:
    url = empty_database_url
    migrate.upgrade(url)
    assert {"users", "refresh_tokens", "alembic_version"} <= _tables(url)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'btree_gist'").fetchone()
    migrate.downgrade(url, "base")
    assert _tables(url) <= {"alembic_version"}
    migrate.upgrade(url)
    assert {"users", "refresh_tokens"} <= _tables(url)


def test_the_last_migration_downgrades_and_upgrades_again(empty_database_url: str) -> None:
    """Down one revision and up again: what the last revision made, it takes away."""
    url = empty_database_url
    migrate.upgrade(url)
    migrate.downgrade(url, "-1")
    migrate.upgrade(url)
    assert {"search_calendars", "portfolio_likes"} <= _tables(url)


def test_the_migrated_schema_matches_the_table_metadata(database_url: str) -> None:
    engine = create_engine(sqlalchemy_url(database_url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": is_ours})
            differences = compare_metadata(context, schema())
    finally:
        engine.dispose()
    assert differences == []


def test_catalogue_changes_made_in_plain_sql_move_the_artists_version(
    database_url: str,
) -> None:
    """The triggers of 0003 hold for every writer, not only the application; deleting an
    artist still cascades to their services and rules."""
    migrate.upgrade(database_url)
    artist_id, user_id = uuid4(), uuid4()
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, 'v@example.com', 'V', 'artist', 'x')",
            (user_id,),
        )
        conn.execute(
            "INSERT INTO artists (id, user_id, display_name, time_zone)"
            " VALUES (%s, %s, 'V', 'UTC')",
            (artist_id, user_id),
        )

        def version() -> int:
            row = conn.execute(
                "SELECT catalog_version FROM artists WHERE id = %s", (artist_id,)
            ).fetchone()
            assert row is not None
            return int(row[0])

        seen = [version()]
        for change in (
            "INSERT INTO services (id, artist_id, name, duration_minutes, price_amount, currency)"
            " VALUES (gen_random_uuid(), %(a)s, 'S', 60, 0, 'MNT')",
            "UPDATE services SET duration_minutes = 90 WHERE artist_id = %(a)s",
            "INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)"
            " VALUES (gen_random_uuid(), %(a)s, 1, 540, 1020)",
            "UPDATE weekly_rules SET end_minute = 960 WHERE artist_id = %(a)s",
            "DELETE FROM weekly_rules WHERE artist_id = %(a)s",
            "UPDATE artists SET daily_cap = 2 WHERE id = %(a)s",
        ):
            conn.execute(change, {"a": artist_id})
            seen.append(version())
        assert seen == sorted(set(seen)), seen  # moved at every change, never back
        conn.execute(
            "INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)"
            " VALUES (gen_random_uuid(), %s, 2, 540, 1020)",
            (artist_id,),
        )
        conn.execute("DELETE FROM artists WHERE id = %s", (artist_id,))
        for table in ("services", "weekly_rules"):
            row = conn.execute(
                f"SELECT count(*) FROM {table} WHERE artist_id = %s",  # noqa: S608 - fixed names
                (artist_id,),
            ).fetchone()
            assert row == (0,)


def test_0004_rewrites_stored_emails_into_the_canonical_form(empty_database_url: str) -> None:
    """Addresses stored by the old rule (trimmed, lower-cased) become NFKC + case-folded; of
    two accounts that fold onto one address, the one already in that form keeps it and the
    other is left as it was (for an operator)."""
    url = empty_database_url
    migrate.upgrade(url, "0003_catalog_version")
    before_and_after = [
        ("plain@example.com", "plain@example.com"),
        ("\uff46\uff55\uff4c\uff4c@example.com", "full@example.com"),  # fullwidth "full"
        ("stra\u00dfe@example.com", "stra\u00dfe@example.com"),  # folds onto the next one
        ("strasse@example.com", "strasse@example.com"),
        ("gro\u00dfe@example.com", "grosse@example.com"),
    ]
    with psycopg.connect(url, autocommit=True) as conn:
        for before, _ in before_and_after:
            conn.execute(
                "INSERT INTO users (id, email, name, role, password_hash)"
                " VALUES (%s, %s, 'N', 'customer', 'x')",
                (uuid4(), before),
            )
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        emails = {r[0] for r in conn.execute("SELECT email FROM users").fetchall()}
    assert emails == {after for _, after in before_and_after}


def test_0015_rewrites_stored_phones_as_the_profile_rule_does(empty_database_url: str) -> None:
    """Numbers stored by the old, looser rule become E.164 exactly as ``e164`` makes them
    now; what is not a number is cleared. The planner starts at the outbox's tail."""
    from booking_domain.accounts.users import e164

    url = empty_database_url
    migrate.upgrade(url, "0014_refunds")
    stored = [
        "+976 8811 2233", "8811 2233", "00976 8811-2233", "+1 (202) 555-0143",
        "88\u00a011\u00a022\u00a033", "12345", "+0 123 4567 890",
    ]  # fmt: skip
    ids = [uuid4() for _ in stored]
    with psycopg.connect(url, autocommit=True) as conn:
        for user_id, phone in zip(ids, stored, strict=True):
            conn.execute(
                "INSERT INTO users (id, email, name, role, password_hash, phone)"
                " VALUES (%s, %s, 'N', 'customer', 'x', %s)",
                (user_id, f"{user_id.hex}@example.com", phone),
            )
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        rows: dict[UUID, str] = dict(conn.execute("SELECT id, phone FROM users").fetchall())
        position = conn.execute("SELECT after FROM notification_dispatch").fetchone()
    assert [rows[i] for i in ids] == [e164(p) for p in stored]
    assert [rows[i] for i in ids][:5] == ["+97688112233"] * 3 + ["+12025550143", "+97688112233"]
    assert position == (None,)  # an empty outbox: the planner starts at its beginning


def test_0024_keeps_each_services_runs_as_arrays(empty_database_url: str) -> None:
    """Runs stored as a multirange become their first and last starts, in order, and the
    first start found from them is the one the multirange gave."""
    url = empty_database_url
    migrate.upgrade(url, "0023_artist_styles_bounded")
    artist, user = uuid4(), uuid4()
    services = {uuid4(): 3, uuid4(): 0}  # runs each: some, and none at all
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, 'r@example.com', 'R', 'artist', 'x')",
            (user,),
        )
        conn.execute(
            "INSERT INTO artists (id, user_id, display_name, time_zone)"
            " VALUES (%s, %s, 'R', 'UTC')",
            (artist, user),
        )
        conn.execute(
            "INSERT INTO search_calendars (artist_id, catalog_version, wanted_version,"
            " computed_at, valid_until) VALUES (%s, 1, 1, now(), now() + interval '1 day')"
            " ON CONFLICT (artist_id) DO NOTHING",  # a trigger may have made it
            (artist,),
        )
        for service, runs in services.items():
            conn.execute(
                "INSERT INTO services (id, artist_id, name, duration_minutes, price_amount,"
                " currency) VALUES (%s, %s, 'S', 60, 0, 'MNT')",
                (service, artist),
            )
            conn.execute(
                "INSERT INTO search_free_starts (artist_id, service_id, step_seconds, starts,"
                " first_start) SELECT %(a)s, %(s)s, 1800, coalesce(range_agg(tstzrange("
                " t, t + interval '2 hours', '[]')), '{}'), min(t) FROM generate_series("
                " timestamptz '2026-03-02 09:00Z', timestamptz '2026-03-02 09:00Z'"
                " + (%(n)s - 1) * interval '1 day', interval '1 day') AS t",
                {"a": artist, "s": service, "n": runs},
            )
        low = {"low": datetime(2026, 3, 3, 10, 10, tzinfo=UTC)}
        before: dict[UUID, Any] = dict(conn.execute(  # None for a service without runs
            "SELECT service_id, inkslot_first_start(starts, step_seconds, %(low)s)"
            " FROM search_free_starts", low
        ).fetchall())  # fmt: skip
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT service_id, run_firsts, run_lasts,"
            " inkslot_first_start(run_firsts, run_lasts, step_seconds, %(low)s)"
            " FROM search_free_starts",
            low,
        ).fetchall()
    kept = {service: (firsts, lasts) for service, firsts, lasts, _ in rows}
    (some,) = [s for s, n in services.items() if n]
    (none,) = [s for s, n in services.items() if not n]
    assert [f.isoformat() for f in kept[some][0]] == [
        f"2026-03-0{d}T09:00:00+00:00" for d in (2, 3, 4)
    ]
    assert [last.hour for last in kept[some][1]] == [11, 11, 11]
    assert kept[none] == ([], [])
    assert {service: found for service, _, _, found in rows} == before
    assert before[some] is not None and before[some].isoformat() == "2026-03-03T10:30:00+00:00"


def test_going_back_before_0064_queues_the_job_of_every_message_still_held(
    empty_database_url: str,
) -> None:
    """The release before 0064 never holds a message: each one held gets its job, deferred
    to its moment, or it would never be sent; one sent or not held gets none."""
    url = empty_database_url
    migrate.upgrade(url)
    user, moment = uuid4(), datetime(2031, 5, 6, 8, 0, tzinfo=UTC)
    held, sent = uuid4(), uuid4()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, 'held@example.com', 'N', 'customer', 'x')",
            (user,),
        )
        for n_id, status in ((held, "pending"), (sent, "sent")):
            conn.execute(
                "INSERT INTO notifications (id, key, kind, category, channel, recipient_id,"
                " party, data, send_at, status, attempts, next_attempt_at, held, created_at,"
                " updated_at) VALUES (%s, %s, 'booking.reminder', 'reminder', 'email', %s,"
                " 'customer', '{}', %s, %s, 0, %s, true, now(), now())",
                (n_id, f"key-{n_id}", user, moment, status, moment),
            )
    migrate.downgrade(url, "0063_api_keys")
    with psycopg.connect(url) as conn:
        jobs = conn.execute(
            "SELECT task_name, queue_name, args, scheduled_at FROM procrastinate_jobs"
        ).fetchall()
    assert jobs == [
        (
            "inkslot:send_notification",
            "notifications",
            {"notification_ids": [str(held)]},
            moment,
        )
    ]
    migrate.upgrade(url)
