"""SQL written by hand lives in ``src/adapters/postgres/tuned/`` only (docs/architecture.md,
"SQL style"); everything else is SQLAlchemy Core built over ``tables/``.

An AST walk over every module of ``src/`` outside ``tuned/`` fails on:

- a string literal that reads as an SQL statement (``SELECT ... FROM``, ``INSERT INTO``,
  ``UPDATE ... SET``, ``DELETE FROM``, ``WITH name AS (``, ``CREATE``/``ALTER``/``DROP``
  of a table, index, database, role ..., ``SET name =``, ``EXPLAIN``), in any case, an
  f-string's constant parts read with each replacement field as a name;
- a call of SQLAlchemy's ``text()`` (by whatever name it was imported) or of psycopg's
  ``sql.SQL()``, and any ``exec_driver_sql(...)``.

One place is let through: ``text()`` in ``adapters/postgres/tables/``, where a column's
server default (``now()``, ``'[]'``) and a partial index's predicate are declared as the
schema has them; those are parts of the table metadata, not statements. The migrations,
which write DDL by hand, are not under ``src/``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SRC = ROOT / "src"
TUNED = SRC / "adapters" / "postgres" / "tuned"
TABLES = SRC / "adapters" / "postgres" / "tables"

_OBJECTS = (
    r"(table|index|unique\s+index|database|role|user|schema|extension|function|trigger"
    r"|view|materialized\s+view|type|sequence|or\s+replace)"
)
STATEMENT = re.compile(
    r"^[\s(]*("
    r"select\s.*?(\bfrom\b|\(|\b\d+\b|\*)"
    r"|insert\s+into\s"
    r"|update\s+\w+(\s+\w+)?\s+set\s"
    r"|delete\s+from\s"
    r"|with\s+(recursive\s+)?\w+(\s*,|\s+as\s+(not\s+)?(materialized\s+)?\()"
    rf"|(create|alter|drop)\s+{_OBJECTS}\b"
    r"|set\s+(local\s+|session\s+)?\w+\s*="
    r"|explain\s+(\(|analyze\b|select\b)"
    r"|truncate\s+table\s"
    r")",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_sql(text: str) -> bool:
    return STATEMENT.match(text) is not None


def _string_of(node: ast.JoinedStr) -> str:
    """An f-string's text, each replacement field read as the name ``x``."""
    return "".join(
        v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "x"
        for v in node.values
    )


def _sql_callables(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The local names of SQLAlchemy's ``text`` and psycopg's ``SQL``, and the names the
    modules ``sqlalchemy`` and ``psycopg.sql`` are bound to."""
    functions: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                sqlalchemy_text = node.module.startswith("sqlalchemy") and alias.name == "text"
                psycopg_sql = node.module == "psycopg.sql" and alias.name == "SQL"
                if sqlalchemy_text or psycopg_sql:
                    functions.add(alias.asname or alias.name)
                if node.module == "psycopg" and alias.name == "sql":
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("sqlalchemy", "psycopg.sql"):
                    modules.add(alias.asname or alias.name)
    return functions, modules


def _called(node: ast.Call, functions: set[str], modules: set[str]) -> str | None:
    """The hand-written-SQL call ``node`` is, if it is one."""
    func = node.func
    if isinstance(func, ast.Name) and func.id in functions:
        return f"{func.id}(...)"
    if isinstance(func, ast.Attribute):
        if func.attr == "exec_driver_sql":
            return "exec_driver_sql(...)"
        if func.attr in ("text", "SQL") and ast.unparse(func.value) in modules:
            return f"{ast.unparse(func)}(...)"
    return None


def hand_written_sql(source: str, *, text_allowed: bool = False) -> Iterator[tuple[int, str]]:
    """Each place in ``source`` that writes SQL by hand: its line and what it is."""
    tree = ast.parse(source)
    functions, modules = _sql_callables(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            call = _called(node, functions, modules)
            if call is not None and not (text_allowed and call != "exec_driver_sql(...)"):
                yield node.lineno, call
        elif isinstance(node, ast.JoinedStr) and looks_like_sql(_string_of(node)):
            yield node.lineno, f"f-string {_string_of(node)[:60]!r}"
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and looks_like_sql(node.value)
        ):
            yield node.lineno, f"string {node.value[:60]!r}"


def _modules_outside_tuned() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.py")):
        if not path.is_relative_to(TUNED):
            yield path


def test_sql_is_written_by_hand_only_in_the_tuned_package() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in _modules_outside_tuned()
        for line, what in hand_written_sql(
            path.read_text(encoding="utf-8"), text_allowed=path.is_relative_to(TABLES)
        )
    ]
    assert not found, "SQL written by hand outside adapters/postgres/tuned/:\n" + "\n".join(found)


def test_the_tuned_package_holds_what_the_walk_looks_for() -> None:
    # The walk is only as good as its reading: it must see the statements it lets through.
    statements = [
        what
        for path in sorted(TUNED.glob("*.py"))
        for _, what in hand_written_sql(path.read_text(encoding="utf-8"))
    ]
    assert len(statements) >= 20


def test_statements_are_told_from_prose() -> None:
    statements = [
        "SELECT 1",
        "select id from artists",
        "\nWITH seen AS (\n INSERT INTO t VALUES (1) RETURNING id) SELECT 1",
        "with x, places AS (SELECT 1)",
        "INSERT INTO customer_lookups AS c (user_id) VALUES (%(user_id)s)",
        "UPDATE flash_designs d SET taken = true",
        "DELETE FROM booking_link_visitors WHERE day < %(before)s",
        "CREATE DATABASE {}",
        "ALTER ROLE postgres PASSWORD 'x'",
        "set statement_timeout = 0",
        "(SELECT artist_id AS id FROM search_calendars LIMIT %(limit)s) UNION (SELECT 1)",
    ]
    prose = [
        "Select the best slot for the customer",
        "Delete your account",
        "Create your artist profile first.",
        "Set the avatar from a finished avatar upload (null clears it)",
        "With Redis (``INKSLOT_REDIS_URL``): one relay for the whole deployment.",
        "Update",
        "DELETE",
        "lock",
        "update the card",
    ]
    assert [s for s in statements if not looks_like_sql(s)] == []
    assert [s for s in prose if looks_like_sql(s)] == []


def test_the_calls_that_send_sql_text_are_found_by_their_imported_names() -> None:
    source = """
import sqlalchemy as sa
from sqlalchemy import text as raw
from psycopg import sql
import hypothesis.strategies as st

sa.text("status = 'x'")
raw("now()")
sql.SQL("CREATE {}")
conn.exec_driver_sql(query)
st.text(max_size=3)
"""
    assert [what for _, what in hand_written_sql(source)] == [
        "sa.text(...)",
        "raw(...)",
        "sql.SQL(...)",
        "exec_driver_sql(...)",
    ]
    assert [what for _, what in hand_written_sql(source, text_allowed=True)] == [
        "exec_driver_sql(...)"
    ]
