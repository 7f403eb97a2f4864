"""``search_thumbnails`` (migration 0022) is always each artist's first ``THUMBNAILS``
portfolio pieces by (position, id), whatever writes the pieces: inserts, moves, new
pictures, deletes, likes, several pieces in one statement, and two writers at once."""

from __future__ import annotations

import json
import threading
import time
from uuid import UUID, uuid4

import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booking_domain.search.results import THUMBNAILS

Conn = psycopg.Connection[tuple[object, ...]]


def _artist(conn: Conn) -> UUID:
    user, artist = uuid4(), uuid4()
    conn.execute(
        "INSERT INTO users (id, email, name, role, password_hash)"
        " VALUES (%s, %s, 'A', 'artist', '!')",
        (user, f"{user.hex}@example.com"),
    )
    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status)"
        " VALUES (%s, %s, 'Ink', 'Asia/Ulaanbaatar', 'approved')",
        (artist, user),
    )
    return artist


def _add(conn: Conn, artist: UUID, positions: list[int]) -> None:
    """New pieces at these positions, in one statement (one trigger run for all)."""
    uploads, items = [uuid4() for _ in positions], [uuid4() for _ in positions]
    conn.execute(
        "INSERT INTO uploads (id, owner_id, purpose, content_type, size, status, variants)"
        " SELECT u, (SELECT user_id FROM artists WHERE id = %s), 'portfolio', 'image/jpeg', 1,"
        " 'used', '[]' FROM unnest(%s::uuid[]) AS u",
        (artist, uploads),
    )
    conn.execute(
        "INSERT INTO portfolio_items (id, artist_id, upload_id, images, description, style_tags,"
        " position) SELECT i, %s, u, jsonb_build_array(jsonb_build_object('key', i::text)),"
        " '', '{}', p FROM unnest(%s::uuid[], %s::uuid[], %s::int[]) AS x(i, u, p)",
        (artist, items, uploads, positions),
    )


def _expected(conn: Conn, artist: UUID) -> list[tuple[str, object]]:
    """Worked out here: every piece read, sorted by (position, id) in Python."""
    rows = conn.execute(
        "SELECT id, images, position FROM portfolio_items WHERE artist_id = %s", (artist,)
    ).fetchall()
    ordered = sorted(rows, key=lambda r: (r[2], r[0]))
    return [(str(i), images) for i, images, _ in ordered[:THUMBNAILS]]


def _kept(conn: Conn, artist: UUID) -> list[tuple[str, object]]:
    row = conn.execute(
        "SELECT thumbnails FROM search_thumbnails WHERE artist_id = %s", (artist,)
    ).fetchone()
    return [] if row is None else [(i, images) for i, images in json.loads(str(row[0]))]


def _version(conn: Conn, artist: UUID) -> object:
    """The kept row's transaction id: it moves only when the row is written again."""
    row = conn.execute(
        "SELECT xmin::text FROM search_thumbnails WHERE artist_id = %s", (artist,)
    ).fetchone()
    return None if row is None else row[0]


Operation = tuple[str, int, int]
operations = st.lists(
    st.tuples(
        st.sampled_from([
            "add", "add many", "move", "picture", "like", "remove", "shift both", "reverse",
            "hand over",
        ]),
        st.integers(0, 50),
        st.integers(-5, 20),
    ),
    min_size=1,
    max_size=12,
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations)
def test_the_kept_thumbnails_are_the_first_pieces_by_position(
    database_url: str, steps: list[Operation]
) -> None:
    """After every write, each artist's row is their first pieces; a like rewrites nothing."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        artist, other = _artist(conn), _artist(conn)
        _add(conn, other, [0, 1])
        for action, pick, value in steps:
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM portfolio_items WHERE artist_id = %s ORDER BY id", (artist,)
            ).fetchall()]  # fmt: skip
            target = ids[pick % len(ids)] if ids else None
            if action == "add" or target is None:
                _add(conn, artist, [value])
            elif action == "add many":
                _add(conn, artist, [value, value, value + 1])
            elif action == "move":
                conn.execute("UPDATE portfolio_items SET position = %s WHERE id = %s",
                             (value, target))  # fmt: skip
            elif action == "picture":
                conn.execute(
                    "UPDATE portfolio_items SET images = jsonb_build_array("
                    "jsonb_build_object('key', %s::text)) WHERE id = %s",
                    (f"new-{value}", target),
                )
            elif action == "like":
                before = _version(conn, artist)
                conn.execute("UPDATE portfolio_items SET like_count = like_count + 1"
                             " WHERE id = %s", (target,))  # fmt: skip
                assert _version(conn, artist) == before, "a like rewrote the thumbnails"
            elif action == "remove":
                conn.execute("DELETE FROM portfolio_items WHERE id = %s", (target,))
            elif action == "shift both":  # both artists' pieces in one statement
                conn.execute("UPDATE portfolio_items SET position = position + %s"
                             " WHERE artist_id IN (%s, %s)", (value, artist, other))  # fmt: skip
            elif action == "reverse":  # the whole order turned over at once
                conn.execute("UPDATE portfolio_items SET position = -position"
                             " WHERE artist_id = %s", (artist,))  # fmt: skip
            else:  # the piece moves to the other artist: both rows change
                conn.execute("UPDATE portfolio_items SET artist_id = %s WHERE id = %s",
                             (other, target))  # fmt: skip
            assert _kept(conn, artist) == _expected(conn, artist), action
            assert _kept(conn, other) == _expected(conn, other), action


def _wait_until_waiting_for_a_lock(database_url: str, pid: int) -> None:
    with psycopg.connect(database_url, autocommit=True) as watch:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # polling for the lock wait, not for time
            row = watch.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)
            ).fetchone()
            if row is not None and row[0] == "Lock":
                return
            time.sleep(0.02)
    raise AssertionError("the writer never waited for the lock")


def _in_thread(conn: Conn, artist: UUID, position: int) -> threading.Thread:
    """Add a piece and commit, in a thread (it will wait for a lock)."""

    def write() -> None:
        _add(conn, artist, [position])
        conn.commit()

    writer = threading.Thread(target=write)
    writer.start()
    return writer


def test_two_writers_of_an_artists_first_pieces_both_count(database_url: str) -> None:
    """The second writer's insert of the row waits for the first's, then re-reads."""
    with psycopg.connect(database_url, autocommit=True) as setup:
        artist = _artist(setup)
    with psycopg.connect(database_url) as first, psycopg.connect(database_url) as second:
        _add(first, artist, [2])  # open transaction: holds the artist's new row
        writer = _in_thread(second, artist, 1)
        _wait_until_waiting_for_a_lock(database_url, second.info.backend_pid)
        first.commit()
        writer.join(30)
        assert not writer.is_alive()
    with psycopg.connect(database_url, autocommit=True) as check:
        kept = _kept(check, artist)
        assert len(kept) == 2 and kept == _expected(check, artist)


def test_a_writer_that_locks_the_row_after_anothers_insert_is_waited_for(
    database_url: str,
) -> None:
    """Once the row exists, a writer's insert finds it and goes on; should another writer
    hold the row by then, the ``FOR UPDATE`` waits for it, so that the re-read starts after
    its commit and sees its piece (an UPDATE that merely waited would keep its older
    snapshot and lose that piece)."""
    with psycopg.connect(database_url, autocommit=True) as setup:
        artist = _artist(setup)
        _add(setup, artist, [5])
    with psycopg.connect(database_url) as holder, psycopg.connect(database_url) as second:
        holder.execute(
            "SELECT 1 FROM search_thumbnails WHERE artist_id = %s FOR UPDATE", (artist,)
        )  # a writer in the middle of its refresh
        writer = _in_thread(second, artist, 1)
        _wait_until_waiting_for_a_lock(database_url, second.info.backend_pid)
        _add(holder, artist, [2])
        holder.commit()
        writer.join(30)
        assert not writer.is_alive()
    with psycopg.connect(database_url, autocommit=True) as check:
        kept = _kept(check, artist)
        assert len(kept) == 3 and kept == _expected(check, artist)


def test_deleting_an_artist_takes_their_row_and_writes_none(database_url: str) -> None:
    """The pieces cascade from the artist; their trigger finds the artist gone and writes
    nothing, and the kept row goes with the artist (migration 0023)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        artist, other = _artist(conn), _artist(conn)
        _add(conn, artist, [0, 1])
        _add(conn, other, [0])
        conn.execute("DELETE FROM artists WHERE id = %s", (artist,))
        assert _version(conn, artist) is None
        assert _kept(conn, other) == _expected(conn, other) != []
