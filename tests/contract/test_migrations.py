"""Migrations: upgrade from empty, downgrade, upgrade again; and they match the metadata."""

from __future__ import annotations

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from adapters.postgres import migrate
from adapters.postgres.database import sqlalchemy_url
from adapters.postgres.tables import metadata


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


def test_the_migrated_schema_matches_the_table_metadata(database_url: str) -> None:
    engine = create_engine(sqlalchemy_url(database_url))
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert differences == []
