"""The booking lists' statements: one count and one page per shape of filter (which of
its parts are given), compiled once per shape and cached, and a booking read with its
customer's and service's names joined in (``with_names``). ``bench/explain.py`` prints
their plans.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Select, Text, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from adapters.postgres.sql import Statement, capped_count, compile_sql, page_by_keys
from adapters.postgres.tables.accounts import users
from adapters.postgres.tables.bookings import bookings, clients
from adapters.postgres.tables.catalog import services
from booking_domain.bookings.ports import BookingFilter
from booking_domain.shared import PageRequest

_B = bookings.c


def list_statements(where: BookingFilter, *, named: bool = False) -> tuple[str, str]:
    """Count and page SQL for this filter (``bench/explain.py`` prints their plans);
    ``named``: each row also carries its customer's and service's names (``with_names``)."""
    return _compiled_list(
        where.customer_id is not None, where.artist_user_id is not None,
        where.artist_id is not None, min(len(where.statuses), 2),
        where.starts_from is not None, where.starts_before is not None,
        min(len(where.payment_statuses), 2), where.soonest_first, named,
        where.client_id is not None,
    )  # fmt: skip


def list_params(where: BookingFilter, page: PageRequest) -> dict[str, Any]:
    """The bound values of :func:`list_statements`' SQL."""
    statuses, paid = [s.value for s in where.statuses], [s.value for s in where.payment_statuses]
    return {
        "customer_id": where.customer_id, "artist_user_id": where.artist_user_id,
        "client_id": where.client_id,
        "artist_id": where.artist_id, "statuses": statuses, "payment_statuses": paid,
        "statuses_one": statuses[0] if statuses else None,
        "payment_statuses_one": paid[0] if paid else None,
        "starts_from": where.starts_from, "starts_before": where.starts_before,
        "limit": page.page_size, "offset": page.offset, "count_limit": page.count_limit,
    }  # fmt: skip


def _one_of(column: Any, name: str, how_many: int) -> Any:
    """``column`` among the values bound as ``name`` (a list): equality when there is one
    (``name``_one), so that an index led by the column also gives the list's order."""
    if how_many == 1:
        return column == bindparam(f"{name}_one", type_=Text)
    return column == func.any(bindparam(name, type_=ARRAY(Text)))


@lru_cache(maxsize=64)
def _compiled_list(
    customer: bool,
    artist_user: bool,
    artist: bool,
    statuses: int,
    after: bool,
    before: bool,
    payment_statuses: int,
    soonest_first: bool = False,
    named: bool = False,
    client: bool = False,
) -> tuple[str, str]:
    """Count and page SQL for one shape of filter (compiled once per shape)."""
    wanted = [
        (customer, _B.customer_id == bindparam("customer_id")),
        (client, _B.client_id == bindparam("client_id")),
        (artist_user, _B.artist_user_id == bindparam("artist_user_id")),
        (artist, _B.artist_id == bindparam("artist_id")),
        (statuses > 0, _one_of(_B.status, "statuses", statuses)),
        (after, _B.starts_at >= bindparam("starts_from")),
        (before, _B.starts_at < bindparam("starts_before")),
        (payment_statuses > 0, _one_of(_B.payment_status, "payment_statuses", payment_statuses)),
    ]
    clauses = [clause for present, clause in wanted if present]
    count = capped_count(bookings, clauses)
    order = (_B.starts_at, _B.id) if soonest_first else (_B.starts_at.desc(), _B.id.desc())
    page = page_by_keys(bookings, clauses, order)
    return compile_sql(count), compile_sql(with_names(page) if named else page)


def with_names(rows: Select[Any]) -> Select[Any]:
    """``rows`` of bookings, each with its customer's name and phone (the account's, else the
    client record's) and its service's name: joined by primary key to the page's rows only,
    so a page of names costs its length in index probes, in the same statement."""
    return (
        rows.add_columns(
            func.coalesce(users.c.name, clients.c.name).label("customer_name"),
            services.c.name.label("service_name"),
            # One of the two is joined (a booking is for an account or a client record).
            func.coalesce(users.c.phone, clients.c.phone).label("customer_phone"),
        )
        .outerjoin(users, users.c.id == _B.customer_id)
        .outerjoin(clients, clients.c.id == _B.client_id)
        .outerjoin(services, services.c.id == _B.service_id)
    )


NAMED_BY_ID = Statement(lambda: with_names(select(bookings).where(_B.id == bindparam("id"))))
