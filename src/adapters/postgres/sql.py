"""SQLAlchemy Core statements, compiled once for psycopg.

Repositories build their SQL with Core (so it follows the table metadata, and renames or
type changes surface at once) but execute it with psycopg directly: the compiled text is
cached on first use, and each execution is one psycopg call with named parameters. That keeps
the per-query cost of the hot paths (a session check, a slot search) to what the driver
itself costs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Select, Table, bindparam, func, literal_column, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ClauseElement

_DIALECT = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it untyped


class Statement:
    """A Core construct, built and compiled on first use, then reused as text."""

    __slots__ = ("_build", "_text")

    def __init__(self, build: Callable[[], ClauseElement]) -> None:
        self._build = build
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = str(self._build().compile(dialect=_DIALECT))
        return self._text


def compile_sql(construct: ClauseElement) -> str:
    """Compile a one-off construct (for statements whose shape varies with the input)."""
    return str(construct.compile(dialect=_DIALECT))


Params = dict[str, Any]


def count_of(row: Mapping[str, object] | None, column: str = "total") -> int:
    """The integer a ``count(*)`` query returned in ``column`` (0 when no row came back)."""
    if row is None:
        return 0
    value = row[column]
    if not isinstance(value, int):
        raise TypeError(f"{column} is {type(value).__name__}, not an integer count")
    return value


def like_anywhere(fragment: str) -> str:
    """A LIKE pattern for ``fragment`` anywhere: LIKE's own characters (backslash, ``%``,
    ``_``) escaped, so a client's text is matched as it is."""
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def capped_count(table: Table, conditions: Sequence[Any]) -> Select[Any]:
    """``count(*)`` of ``table``'s rows matching ``conditions``, reading at most
    ``%(count_limit)s`` of them (``PageRequest.count_limit``; ``Page.counted`` says what
    the number means): counting 100,000 matches cost more than finding any page."""
    matches = (
        select(literal_column("1")).select_from(table).where(*conditions)
        .limit(bindparam("count_limit")).subquery("matches")
    )  # fmt: skip
    return select(func.count().label("total")).select_from(matches)


def page_by_keys(
    table: Table, conditions: Sequence[Any], order_by: Sequence[Any], *, counted: bool = False
) -> Select[Any]:
    """One page (``LIMIT %(limit)s OFFSET %(offset)s``) of ``table``'s rows matching
    ``conditions`` in ``order_by``, read in two steps: the page's ids first, by the columns
    of the order alone (an index-only scan where an index holds the filter and the order, so
    skipping deep offsets reads index pages, not rows), then those rows. The order must end
    with the id, so that it is total.

    ``counted``: each row also carries ``total``, every match counted in the same pass (a
    window over the matches). For filters no index orders, such as a trigram search: the
    page must read and sort every match anyway, so counting them there is free, where a
    separate count would read them all again. Past the last match no row carries it."""
    columns = [table.c.id, *([func.count().over().label("total")] if counted else [])]
    keys = (
        select(*columns)
        .where(*conditions)
        .order_by(*order_by)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .subquery("page")
    )
    extra = [keys.c.total] if counted else []
    return select(table, *extra).join(keys, table.c.id == keys.c.id).order_by(*order_by)
