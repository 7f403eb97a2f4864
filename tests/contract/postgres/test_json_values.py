"""``json`` and ``jsonb`` values read back (``adapters.postgres.sql.read_json``, msgspec with
the standard library behind it): whatever PostgreSQL holds reads as the standard library
reads PostgreSQL's text of it, in text and in binary, including the numbers only the
standard library takes (beyond a float's range) and integers of any size."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adapters.postgres.sql  # noqa: F401 - installs the JSON loader, as every adapter does

# What a stored event, message or setting may hold: PostgreSQL refuses NUL in a jsonb string.
texts = st.text(
    st.characters(
        exclude_characters="\x00", categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co")
    )
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(texts, inner, max_size=5),
    max_leaves=30,
)


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[tuple[Any, ...]]]:
    with psycopg.connect(database_url, autocommit=True) as connection:
        yield connection


def _read(conn: psycopg.Connection[tuple[Any, ...]], sql: str, *, binary: bool) -> Any:
    row = conn.execute(sql, binary=binary).fetchone()
    assert row is not None
    return row[0]


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values, st.sampled_from(["json", "jsonb"]), st.booleans())
def test_a_value_reads_as_the_standard_library_reads_its_text(
    conn: psycopg.Connection[tuple[Any, ...]], value: Any, kind: str, binary: bool
) -> None:
    text = json.dumps(value)
    stored = conn.execute(f"SELECT %s::{kind}::text", [text]).fetchone()
    assert stored is not None
    read = conn.execute(f"SELECT %s::{kind}", [text], binary=binary).fetchone()
    assert read is not None and read[0] == json.loads(stored[0])


@pytest.mark.parametrize("binary", [False, True])
def test_numbers_beyond_msgspec_read_as_before(
    conn: psycopg.Connection[tuple[Any, ...]], binary: bool
) -> None:
    huge = _read(conn, """SELECT '{"n": 1.5e400, "m": [-2e999]}'::json""", binary=binary)
    assert huge == {"n": math.inf, "m": [-math.inf]}
    exact = _read(conn, "SELECT '[123456789012345678901234567890123]'::jsonb", binary=binary)
    assert exact == [123456789012345678901234567890123]
    assert isinstance(exact[0], int)
