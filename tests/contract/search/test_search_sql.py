"""The SQL twins of search's Python rules hold to them: ``inkslot_fold`` is ``fold``, and
``inkslot_first_start`` over stored runs is ``FreeStarts.first_start``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booking_domain.search import FreeStarts, fold, runs_of
from booking_domain.search.text import CYRILLIC
from booking_domain.testing.builders import SERVICE_ID

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
SAMPLES = [
    "Өлзий Батболд", "ӨЛЗИЙ", "Үүрийн Цэцэг", "Шинэ Жаргал", "Юмжаа Яргуй", "Ёндон Щ",
    "Crème brûlée", "ÉCOLE Ñandú", "fine-line blackwork", "Сүхбаатар талбай", "объект",
    "".join(chr(c) for c in CYRILLIC),
]  # fmt: skip


def test_the_database_folds_as_the_domain_does(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        for text in SAMPLES:
            row = conn.execute("SELECT inkslot_fold(%s)", (text,)).fetchone()
            assert row is not None and row[0] == fold(text), text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.integers(0, 3000), unique=True, max_size=40),
    st.sampled_from((60, 900, 1800)),
    st.lists(st.integers(-100_000, 6_000_000), min_size=1, max_size=5),
)
def test_the_first_start_in_sql_is_the_domains(
    database_url: str, offsets: list[int], step: int, probes: list[int]
) -> None:
    starts = tuple(T0 + timedelta(seconds=step * o) for o in sorted(offsets))
    free = FreeStarts(SERVICE_ID, step, runs_of(starts, step))
    sql = """
    SELECT inkslot_first_start(%(firsts)s::timestamptz[], %(lasts)s::timestamptz[], %(step)s,
                               %(low)s)
    """
    # Random moments, and each run's edges to the microsecond (binary search's boundaries).
    tick = timedelta(microseconds=1)
    edges = [t + d for r in free.runs for t in (r.first, r.last) for d in (-tick, 0 * tick, tick)]
    moments = [T0 + timedelta(seconds=p, microseconds=p % 7) for p in probes] + edges
    with psycopg.connect(database_url) as conn:
        for low in moments:
            params = {
                "firsts": [r.first for r in free.runs],
                "lasts": [r.last for r in free.runs],
                "step": step,
                "low": low,
            }
            row = conn.execute(sql, params).fetchone()
            assert row is not None and row[0] == free.first_start(low)
