"""What the release still running during a rolling deploy needs of the schema, and which
changes of a migration take it away (docs/deployment.md, "Migrations and rolling deploys").

A migration runs while the previous release's API and workers still serve. They keep
reading and writing what that release knew, so a migration must not, on its own:

- drop or rename a table, a column or a function (the old code names them);
- change a column's type;
- make a nullable column NOT NULL (the old code may write NULL there);
- add a NOT NULL column without a default to a table that existed (the old code's inserts
  leave it out), or drop the default of a NOT NULL column.

Such a change is made in two releases: an *expand* step that adds the new shape beside the
old, released, and then a *contract* step that takes the old shape away, marked in its
migration with ``contract_of = "<the expand step's revision>"``.

The rule compares snapshots of the real schema before and after each migration, whatever
wrote it (Alembic operations, SQL strings, data scripts).
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg


@dataclass(frozen=True, slots=True)
class Column:
    type: str  # the formatted type, e.g. ``timestamp with time zone``, ``character varying(320)``
    nullable: bool
    default: str | None


@dataclass(frozen=True, slots=True)
class Schema:
    """The tables (name -> column name -> column) and functions (``name(argument types)``)
    of the ``public`` schema."""

    tables: dict[str, dict[str, Column]]
    functions: frozenset[str]


_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
  AND a.attnum > 0 AND NOT a.attisdropped
"""

_FUNCTIONS = """
SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = p.oid AND e.deptype = 'e')
"""


def snapshot(url: str) -> Schema:
    """The ``public`` schema as the running code sees it (extensions' functions left out)."""
    tables: dict[str, dict[str, Column]] = {}
    with psycopg.connect(url) as conn:
        for table, name, kind, nullable, default in conn.execute(_COLUMNS):
            tables.setdefault(table, {})[name] = Column(kind, nullable, default)
        functions = frozenset(row[0] for row in conn.execute(_FUNCTIONS))
    return Schema(tables, functions)


def breaking_changes(before: Schema, after: Schema) -> list[str]:
    """What in ``after`` a release written against ``before`` could not survive, one line
    each, in a stable order (empty when the migration keeps it working)."""
    found: list[str] = []
    for table, columns in sorted(before.tables.items()):
        now = after.tables.get(table)
        if now is None:
            found.append(f"table {table} dropped or renamed")
        else:
            found += _column_changes(table, columns, now)
    for function in sorted(before.functions - after.functions):
        found.append(f"function {function} dropped or its arguments changed")
    return found


def _column_changes(table: str, before: dict[str, Column], after: dict[str, Column]) -> list[str]:
    found: list[str] = []
    for name, old in sorted(before.items()):
        new = after.get(name)
        if new is None:
            found.append(f"column {table}.{name} dropped or renamed")
            continue
        if new.type != old.type:
            found.append(f"column {table}.{name} changed type: {old.type} -> {new.type}")
        if old.nullable and not new.nullable:
            found.append(f"column {table}.{name} became NOT NULL")
        if not new.nullable and old.default is not None and new.default is None:
            found.append(f"column {table}.{name} lost its default")
    for name, new in sorted(after.items()):
        if name not in before and not new.nullable and new.default is None:
            found.append(f"column {table}.{name} added NOT NULL without a default")
    return found


def contract_step_problem(
    revision: str, contract_of: str, earlier: list[str], released: set[str]
) -> str | None:
    """Why ``revision`` may not take the old shape away as the contract step of
    ``contract_of``, or None when it may: its expand step must come before it (``earlier``:
    the revisions before it, oldest first) and must have been released (``released``: the
    revisions shipped in a release)."""
    if contract_of not in earlier:
        return f"{revision}: its expand step {contract_of} does not come before it"
    if contract_of not in released:
        return f"{revision}: its expand step {contract_of} has not been released yet"
    return None
