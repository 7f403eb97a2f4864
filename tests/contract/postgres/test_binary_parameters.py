"""Parameters a statement sends in PostgreSQL's binary format (``Statement(binary=...)``):
an array of timestamps comes back as it was sent, empty or not, prepared or not; a name the
statement does not have is refused when it is compiled."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.types import DateTime

from adapters.postgres.sql import Statement

ECHO = Statement(
    lambda: select(bindparam("moments", type_=pg.ARRAY(DateTime(timezone=True)))),
    binary=("moments",),
)
moments = st.lists(
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ),
    max_size=300,
)


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(database_url, autocommit=True) as connection:
        yield connection


def test_the_parameter_is_sent_in_binary() -> None:
    assert "%(moments)b" in ECHO.text and "%(moments)s" not in ECHO.text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moments, st.booleans())
def test_an_array_comes_back_as_it_was_sent(
    conn: psycopg.Connection[tuple[object, ...]], sent: list[datetime], prepare: bool
) -> None:
    row = conn.execute(ECHO.text, {"moments": sent}, prepare=prepare).fetchone()
    assert row is not None and row[0] == sent


def test_an_empty_array_and_a_long_one_come_back(
    conn: psycopg.Connection[tuple[object, ...]],
) -> None:
    start = datetime(2026, 11, 28, tzinfo=UTC)
    for sent in ([], [start + timedelta(minutes=15 * n) for n in range(5_000)]):
        row = conn.execute(ECHO.text, {"moments": sent}).fetchone()
        assert row is not None and row[0] == sent


def test_a_name_the_statement_lacks_is_refused() -> None:
    with pytest.raises(ValueError, match="no parameter 'other'"):
        _ = Statement(lambda: select(bindparam("moments")), binary=("other",)).text
