"""SQLAlchemy Core statements, compiled once for psycopg.

Repositories build their SQL with Core (so it follows the table metadata, and renames or
type changes surface at once) but execute it with psycopg directly: the compiled text is
cached on first use, and each execution is one psycopg call with named parameters. That keeps
the per-query cost of the hot paths (a session check, a slot search) to what the driver
itself costs.

Every value a statement takes is a named ``bindparam``; a value that is part of the
statement itself (a status a partial index names, a label, an increment) is a
:func:`constant`. A plain Python value inside a Core expression would become a bound
parameter whose value the compiled text leaves behind: compiling refuses it.

The hand-tuned reads that are written as text live in ``adapters.postgres.tuned``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec
from psycopg import _queries as _psycopg_queries  # private: tests/unit/adapters/test_sql_helpers.py
from psycopg.types.json import set_json_dumps, set_json_loads
from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Select,
    Table,
    Text,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import TypeEngine, UserDefinedType

# psycopg turns a statement's ``%(name)s`` placeholders into ``$n`` with a Python parser on
# every execution, and remembers the result only for statements of at most 50 parameters
# (it guards its cache against ORMs' multi-row VALUES of every length). Ours are a fixed set
# compiled once, and the dearest are the widest: a booking's write with its history, audit
# entry and outbox event takes 63, and parsing it again took a tenth of a creation's
# server CPU (docs/performance.md, "The cost of a booking"). Our limit admits them all.
STATEMENT_PARAMS_CACHED = 256
_psycopg_queries.MAX_CACHED_STATEMENT_PARAMS = max(
    _psycopg_queries.MAX_CACHED_STATEMENT_PARAMS, STATEMENT_PARAMS_CACHED
)

# JSON parameters (an event's data, a message's, an audit entry's) are written by msgspec:
# the standard library's encoder was a fiftieth of a creation's server CPU. msgspec writes
# the same JSON for what we bind (objects, arrays, strings, numbers, booleans, null), as
# UTF-8 where the standard library escapes non-ASCII; PostgreSQL stores the same value.
set_json_dumps(msgspec.json.encode)


def read_json(data: bytes | bytearray | memoryview | str) -> Any:
    """A ``json``/``jsonb`` value as Python, as the standard library reads it, by msgspec
    (about three times faster on the objects we store: the job worker read a twentieth of
    its time in ``json.loads``). msgspec and the standard library agree on everything
    PostgreSQL writes (objects, arrays, strings, integers of any size, floats, booleans,
    null) but a number beyond a float's range (``1e400``, which a ``jsonb`` may hold):
    msgspec refuses it, and the standard library reads it, as before, as infinity."""
    try:
        return _decode_json(data)
    except msgspec.DecodeError:
        return json.loads(bytes(data) if isinstance(data, memoryview) else data)


_decode_json = msgspec.json.Decoder().decode
set_json_loads(read_json)

_DIALECT = postgresql.psycopg.dialect()  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it untyped
# The same dialect with a paramstyle that leaves ``%`` alone: literals are quoted by it, and
# compiling for psycopg then escapes them once.
_QUOTING = postgresql.psycopg.dialect(paramstyle="named")  # type: ignore[no-untyped-call]


class Statement:
    """A Core construct, built and compiled on first use, then reused as text.

    ``binary`` names parameters sent in PostgreSQL's binary format (``%(name)b``): for
    arrays, whose text form psycopg writes element by element in Python (a hundred
    timestamps: 0.65 ms as text, 0.04 ms in binary on this project's machine)."""

    __slots__ = ("_binary", "_build", "_text")

    def __init__(self, build: Callable[[], ClauseElement], *, binary: tuple[str, ...] = ()) -> None:
        self._build = build
        self._binary = binary
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            text = compile_sql(self._build())
            for name in self._binary:
                placeholder = f"%({name})s"
                if placeholder not in text:
                    raise ValueError(f"no parameter {name!r} to send in binary")
                text = text.replace(placeholder, f"%({name})b")
            self._text = text
        return self._text


def compile_sql(construct: ClauseElement) -> str:
    """Compile a one-off construct (for statements whose shape varies with the input; cache
    the text per shape). Raises ``ValueError`` when a value is bound into the construct
    instead of named (``bindparam``) or written as a :func:`constant`."""
    compiled = construct.compile(dialect=_DIALECT)
    assert isinstance(compiled, SQLCompiler)  # a statement, not DDL
    valued = [
        bind.value
        for bind in compiled.binds.values()
        if bind.value is not None or bind.callable is not None
    ]
    if valued:
        raise ValueError(f"values bound into the statement (name them or use constant()): {valued}")
    return str(compiled)


def constant(value: str | int | bool) -> ColumnElement[Any]:
    """``value`` written into the statement as an SQL literal, quoted by the dialect: for
    values that belong to the statement, not to a call. The planner sees a literal in every
    plan, prepared or not, so a partial index whose predicate names it (``status =
    'failed'``) serves the query."""
    type_: TypeEngine[Any]
    if isinstance(value, bool):
        type_ = Boolean()
    elif isinstance(value, int):
        type_ = BigInteger()
    else:
        type_ = Text()
    quote = type_.literal_processor(_QUOTING)  # type: ignore[no-untyped-call]  # untyped there
    if quote is None:  # pragma: no cover - every type above has one
        raise TypeError(f"no literal form for {value!r}")
    return literal_column(quote(value), type_)


class _RowOf(UserDefinedType[Any]):
    """A table's row type, by the table's name (``CAST(NULL AS notifications)``)."""

    cache_ok = True

    def __init__(self, name: str) -> None:
        self.name = name

    def get_col_spec(self, **kw: Any) -> str:
        return self.name


def null_row(table: Table) -> ColumnElement[Any]:
    """``CAST(NULL AS <table>)``: the row type ``jsonb_populate_recordset`` fills."""
    return cast(null(), _RowOf(table.name))


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


def exact_count(table: Table, conditions: Sequence[Any]) -> Select[Any]:
    """``count(*)`` of every row of ``table`` matching ``conditions``, in ``total``: for the
    short lists whose pages report an exact total (an artist's reviews, a user's inbox)."""
    return select(func.count().label("total")).select_from(table).where(*conditions)


def page_in_order(table: Table, conditions: Sequence[Any], order_by: Sequence[Any]) -> Select[Any]:
    """One page (``LIMIT %(limit)s OFFSET %(offset)s``) of ``table``'s rows matching
    ``conditions`` in ``order_by``, read in one step: for the short lists beside
    :func:`exact_count` (the capped lists read theirs by :func:`page_by_keys`)."""
    return (
        select(table)
        .where(*conditions)
        .order_by(*order_by)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


def capped_count(table: Table, conditions: Sequence[Any]) -> Select[Any]:
    """``count(*)`` of ``table``'s rows matching ``conditions``, reading at most
    ``%(count_limit)s`` of them (``PageRequest.count_limit``; ``Page.counted`` says what
    the number means): counting 100,000 matches cost more than finding any page."""
    matches = (
        select(constant(1)).select_from(table).where(*conditions)
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
