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
