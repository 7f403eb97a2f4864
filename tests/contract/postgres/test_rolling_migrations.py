"""Rolling deploys stay safe: every migration since the last release keeps the release still
running working (no drop, rename, type change or new NOT NULL it could not survive), unless
it is the marked contract step of an expand step released before; and the rule finds what
it is meant to find on a real schema."""

from __future__ import annotations

import tomllib

import psycopg
from alembic.script import ScriptDirectory

from adapters.postgres import migrate
from tests.support.schema_changes import (
    breaking_changes,
    contract_step_problem,
    snapshot,
)

RELEASES = migrate.migrations_dir() / "releases.toml"


def released_heads() -> dict[str, str]:
    with RELEASES.open("rb") as file:
        heads: dict[str, str] = tomllib.load(file)["releases"]
    return heads


def chain(url: str) -> list[tuple[str, str | None]]:
    """(revision, its ``contract_of`` mark), oldest first."""
    script = ScriptDirectory.from_config(migrate.alembic_config(url))
    revisions = list(reversed(list(script.walk_revisions())))
    return [(r.revision, getattr(r.module, "contract_of", None)) for r in revisions]


def test_every_migration_since_the_last_release_keeps_that_release_running(
    empty_database_url: str,
) -> None:
    url = empty_database_url
    revisions = [revision for revision, _ in chain(url)]
    heads = released_heads()
    last_release = max(heads.values(), key=revisions.index)
    released = set(revisions[: revisions.index(last_release) + 1])
    migrate.upgrade(url, last_release)
    before = snapshot(url)
    problems: list[str] = []
    for position, (revision, contract_of) in enumerate(chain(url)):
        if revision in released:
            continue
        migrate.upgrade(url, revision)
        after = snapshot(url)
        if contract_of is not None:
            problem = contract_step_problem(revision, contract_of, revisions[:position], released)
            problems += [problem] if problem else []
        else:
            problems += [f"{revision}: {change}" for change in breaking_changes(before, after)]
        before = after
    assert problems == []


def test_the_rule_finds_what_an_older_release_could_not_survive(database_url: str) -> None:
    before = snapshot(database_url)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE reviews DROP COLUMN reply_text")
        conn.execute("ALTER TABLE studios RENAME TO ateliers")
        conn.execute("ALTER TABLE services ALTER COLUMN name TYPE varchar(200)")
        conn.execute("ALTER TABLE artists ALTER COLUMN city SET NOT NULL")
        conn.execute("ALTER TABLE services ADD COLUMN colour text NOT NULL")
        conn.execute("ALTER TABLE artists ALTER COLUMN catalog_version DROP DEFAULT")
        conn.execute("DROP FUNCTION inkslot_first_start CASCADE")
    found = breaking_changes(before, snapshot(database_url))

    assert "column reviews.reply_text dropped or renamed" in found
    assert "table studios dropped or renamed" in found
    assert any(line.startswith("column services.name changed type") for line in found)
    assert "column artists.city became NOT NULL" in found
    assert "column services.colour added NOT NULL without a default" in found
    assert "column artists.catalog_version lost its default" in found
    assert any(line.startswith("function inkslot_first_start(") for line in found)


def test_what_an_older_release_survives_is_not_flagged(database_url: str) -> None:
    before = snapshot(database_url)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE services ADD COLUMN colour text")
        conn.execute("ALTER TABLE services ADD COLUMN sort_order int NOT NULL DEFAULT 0")
        conn.execute("CREATE TABLE gift_cards (id uuid PRIMARY KEY, code text NOT NULL)")
        conn.execute("CREATE INDEX ix_services_colour ON services (colour)")
        conn.execute("ALTER TABLE artists ALTER COLUMN bio DROP NOT NULL")

    assert breaking_changes(before, snapshot(database_url)) == []


def test_a_contract_step_needs_its_expand_step_released_before_it() -> None:
    earlier = ["0030_expand", "0031_other"]
    assert contract_step_problem("0032_contract", "0030_expand", earlier, {"0030_expand"}) is None
    assert contract_step_problem("0032_contract", "0030_expand", earlier, set()) is not None
    assert contract_step_problem("0032_contract", "0033_later", earlier, {"0033_later"})
