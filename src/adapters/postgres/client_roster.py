"""PostgreSQL artists' rosters: one statement groups the artist's bookings by person (the
index ``ix_bookings_artist_user_start`` finds them), names each group from its account or
client record by primary key, searches and orders the groups and counts them in the same
pass (a window); a page past the last match counts them again alone.

The search is the domain's (``roster.py``): the name folded by ``inkslot_fold`` (as the
memory adapter folds it with the search context's ``fold``), the phone by its digits. Names
are ordered by code point (``COLLATE "C"``), whatever the database's collation, as Python
orders them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, Text, bindparam, func, or_, select

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, compile_sql, constant, count_of, like_anywhere
from adapters.postgres.tables.accounts import users
from adapters.postgres.tables.bookings import bookings, clients
from booking_domain.bookings import BookedFor, ClientId, RosterEntry, RosterSearch
from booking_domain.bookings.ports import ClientRosterRepository
from booking_domain.shared import Page, PageRequest, UserId

_B = bookings.c


def _counted(status: str) -> Any:
    return func.count().filter(_B.status == constant(status))


def _people(*narrower: Any) -> Select[Any]:
    """The artist's people (narrowed by ``narrower``), each with their figures, name and
    phone."""
    tally = (
        select(
            _B.customer_id, _B.client_id, func.count().label("bookings"),
            _counted("completed").label("completed"), _counted("no_show").label("no_shows"),
            _counted("cancelled").label("cancelled"),
            func.min(_B.starts_at).label("first_start"),
            func.max(_B.starts_at).label("last_start"),
        )
        .where(_B.artist_user_id == bindparam("artist_user_id"), *narrower)
        .group_by(_B.customer_id, _B.client_id)
        .subquery("tally")
    )  # fmt: skip
    name = func.coalesce(users.c.name, clients.c.name, constant(""))
    return select(
        tally,
        name.label("name"),
        func.coalesce(users.c.phone, clients.c.phone).label("phone"),
    ).select_from(
        tally.outerjoin(users, users.c.id == tally.c.customer_id).outerjoin(
            clients, clients.c.id == tally.c.client_id
        )
    )


@lru_cache(maxsize=8)
def _roster_statements(text: bool, digits: bool) -> tuple[str, str]:
    """The page (with ``total``) and the count of one shape of search."""
    people = _people()
    name, phone = people.selected_columns.name, people.selected_columns.phone
    found = []
    if text:
        found.append(func.inkslot_fold(name).like(func.inkslot_fold(bindparam("name", type_=Text))))
    if digits:
        found.append(phone.like(bindparam("digits", type_=Text)))
    matches = (people.where(or_(*found)) if found else people).subquery("matches")
    order = (
        matches.c.last_start.desc(),
        matches.c.name.collate("C"),
        func.coalesce(matches.c.customer_id, matches.c.client_id),
    )
    page = (
        select(matches, func.count().over().label("total"))
        .order_by(*order)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    count = select(func.count().label("total")).select_from(matches)
    return compile_sql(page), compile_sql(count)


_CUSTOMER = Statement(lambda: _people(_B.customer_id == bindparam("customer_id")))
_CLIENT = Statement(lambda: _people(_B.client_id == bindparam("client_id")))


def _entry(row: Mapping[str, Any]) -> RosterEntry:
    customer, client = row["customer_id"], row["client_id"]
    return RosterEntry(
        person=BookedFor(
            customer_id=None if customer is None else UserId(customer),
            client_id=None if client is None else ClientId(client),
        ),
        name=row["name"], phone=row["phone"], bookings=row["bookings"],
        completed=row["completed"], no_shows=row["no_shows"], cancelled=row["cancelled"],
        first_start=row["first_start"], last_start=row["last_start"],
    )  # fmt: skip


class PostgresClientRoster(OnConnection, ClientRosterRepository):
    async def roster(
        self, artist_user_id: UserId, search: RosterSearch, page: PageRequest
    ) -> Page[RosterEntry]:
        digits = search.digits
        page_sql, count_sql = _roster_statements(bool(search.text), digits is not None)
        params: dict[str, Any] = {
            "artist_user_id": artist_user_id,
            "name": like_anywhere(search.text),
            "digits": None if digits is None else like_anywhere(digits),
            "limit": page.page_size,
            "offset": page.offset,
        }
        rows = await (await self._conn.execute(page_sql, params)).fetchall()
        if rows:
            total = count_of(rows[0])
        else:
            total = count_of(await (await self._conn.execute(count_sql, params)).fetchone())
        return Page(tuple(_entry(r) for r in rows), total, page)

    async def entry(self, artist_user_id: UserId, person: BookedFor) -> RosterEntry | None:
        params: dict[str, Any] = {"artist_user_id": artist_user_id}
        if person.customer_id is not None:
            sql, params["customer_id"] = _CUSTOMER.text, person.customer_id
        else:
            sql, params["client_id"] = _CLIENT.text, person.client_id
        row = await (await self._conn.execute(sql, params)).fetchone()
        return None if row is None else _entry(row)
