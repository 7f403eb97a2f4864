"""The database holds an artist's styles to the profile rules (migration 0023): its CHECK
agrees with ``styles_fit`` on any styles, and rows stored under the older, looser rule are
cut to their leading styles that fit (migrations 0021 and 0023)."""

from __future__ import annotations

import random
from uuid import UUID, uuid4

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.postgres import migrate
from booking_domain.catalog.use_cases.profiles import (
    MAX_STYLE_LENGTH,
    MAX_STYLES,
    MAX_STYLES_LENGTH,
    styles_fit,
)

Conn = psycopg.Connection[tuple[object, ...]]
style = st.text(st.characters(categories=["Ll", "Lo", "So", "Nd"]), min_size=1, max_size=45)


def _artist(conn: Conn, styles: list[str]) -> UUID:
    user, artist = uuid4(), uuid4()
    conn.execute(
        "INSERT INTO users (id, email, name, role, password_hash)"
        " VALUES (%s, %s, 'A', 'artist', '!')",
        (user, f"{user.hex}@example.com"),
    )
    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status, styles)"
        " VALUES (%s, %s, 'Ink', 'Asia/Ulaanbaatar', 'approved', %s)",
        (artist, user, styles),
    )
    return artist


def _styles(conn: Conn, artist: UUID) -> list[str]:
    row = conn.execute("SELECT styles FROM artists WHERE id = %s", (artist,)).fetchone()
    assert row is not None and isinstance(row[0], list)
    return row[0]


def _leading_that_fit(styles: list[str]) -> list[str]:
    """The rule of the cut, written from the domain's: of the styles of an allowed length,
    the longest leading run that ``styles_fit`` accepts."""
    allowed = [s for s in styles if 1 <= len(s) <= MAX_STYLE_LENGTH]
    n = len(allowed)
    while not styles_fit(tuple(allowed[:n])):
        n -= 1
    return allowed[:n]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(style, max_size=24))
def test_the_database_refuses_exactly_the_styles_the_profile_rules_refuse(
    database_url: str, styles: list[str]
) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        if styles_fit(tuple(styles)):
            _artist(conn, styles)
        else:
            with pytest.raises(psycopg.errors.CheckViolation):
                _artist(conn, styles)


def test_the_bound_is_checked_on_every_write_not_only_inserts(database_url: str) -> None:
    widest = ["a" * (MAX_STYLES_LENGTH // MAX_STYLES)] * MAX_STYLES
    with psycopg.connect(database_url, autocommit=True) as conn:
        artist = _artist(conn, widest)
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute(
                "UPDATE artists SET styles = styles || '{b}'::text[] WHERE id = %s", (artist,)
            )
        assert _styles(conn, artist) == widest


def test_styles_stored_under_the_looser_rule_are_cut_to_the_leading_ones_that_fit(
    empty_database_url: str,
) -> None:
    """Before 0021 a profile could hold 20 styles of 40 characters: 800 four-byte letters,
    wider than the rating index takes. Upgrading keeps the leading styles that fit and
    leaves the rest of the artists alone."""
    url = empty_database_url
    migrate.upgrade(url, "0020_ledger_and_audit")
    letters = random.Random(21).sample(range(0x20000, 0x2A6D0), 800)  # nothing compresses
    widest = ["".join(map(chr, letters[n : n + 40])) for n in range(0, 800, 40)]
    stored = {
        "widest": widest,
        "too many": [f"s{n}" for n in range(MAX_STYLES + 3)],
        "one too long": ["x" * (MAX_STYLE_LENGTH + 1), "blackwork", *widest[:12]],
        "fits": ["blackwork", "dotwork"],
        "none": [],
    }
    with psycopg.connect(url, autocommit=True) as conn:
        ids = {name: _artist(conn, styles) for name, styles in stored.items()}
    migrate.upgrade(url)
    with psycopg.connect(url) as conn:
        kept = {name: _styles(conn, artist) for name, artist in ids.items()}
    assert kept == {name: _leading_that_fit(styles) for name, styles in stored.items()}
    assert kept["fits"] == stored["fits"] and len(kept["widest"]) == 10
