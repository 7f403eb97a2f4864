"""The Core helpers every PostgreSQL statement is built with: constants are quoted by the
dialect, and a value bound into a statement instead of named is refused at compile time."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, func, select

from adapters.postgres.sql import compile_sql, constant, null_row
from adapters.postgres.tables.notifications import notifications


def test_a_constant_is_written_into_the_statement_quoted() -> None:
    sql = compile_sql(select(constant("it's 100%"), constant(7), constant(True)))
    assert sql == "SELECT 'it''s 100%%', 7, true"  # %% is psycopg's escape of %


def test_named_parameters_compile() -> None:
    sql = compile_sql(select(notifications.c.id).where(notifications.c.key == bindparam("key")))
    assert "%(key)s" in sql


def test_a_value_bound_into_the_statement_is_refused() -> None:
    with pytest.raises(ValueError, match="values bound into the statement"):
        compile_sql(select(notifications.c.id).where(notifications.c.attempts > 3))
    with pytest.raises(ValueError, match="values bound into the statement"):
        compile_sql(select(func.abs(-1)))


def test_a_null_row_is_the_tables_row_type() -> None:
    assert (
        compile_sql(select(null_row(notifications)))
        == "SELECT CAST(NULL AS notifications) AS anon_1"
    )


def test_psycopg_remembers_how_to_send_our_widest_statement() -> None:
    """A booking's write (with its history, audit entry and outbox event) is converted from
    ``%(name)s`` to ``$n`` once per process, not at every execution: psycopg's cache takes
    it (its limits are private constants, so a psycopg release that renames them fails
    here, not silently in the benchmarks)."""
    import re

    from psycopg import _queries
    from psycopg.adapt import Transformer

    from adapters.postgres.bookings import _ADD

    text = _ADD[(True, True)].text  # the creation's write, with its audit entry and event
    params = dict.fromkeys(re.findall(r"%\((\w+)\)s", text))
    assert len(params) > 50  # over psycopg's own limit: the reason for ours
    assert len(params) <= _queries.MAX_CACHED_STATEMENT_PARAMS
    assert len(text.encode()) <= _queries.MAX_CACHED_STATEMENT_LENGTH
    query = _queries.PostgresQuery(Transformer())
    before = _queries._query2pg.cache_info()
    for _ in range(2):
        query.convert(text, params)
    after = _queries._query2pg.cache_info()
    # both went through the cache (the first may find it there from an earlier test)
    assert (after.hits - before.hits) + (after.misses - before.misses) == 2
    assert after.hits - before.hits >= 1
