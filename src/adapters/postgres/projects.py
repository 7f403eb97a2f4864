"""PostgreSQL quotes, projects and the sessions of projects.

A quote's parties are its request's (read with a join, not copied); a project's terms are
its quote's and its parties its request's, read in the same statement. A project's
sessions are read with their bookings' start and status as stored now, so a session
cancelled or completed through the bookings' own paths is seen at once."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, bindparam, func, insert, or_, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, count_of
from adapters.postgres.tables.bookings import bookings
from adapters.postgres.tables.commissions import (
    project_sessions,
    tattoo_projects,
    tattoo_quotes,
    tattoo_requests,
)
from booking_domain.bookings import BookingStatus
from booking_domain.commissions import (
    Project,
    ProjectId,
    ProjectSession,
    ProjectStatus,
    Quote,
    QuoteId,
    QuoteStatus,
    QuoteTerms,
    RequestId,
)
from booking_domain.commissions.ports import ProjectRepository, QuoteRepository
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_Q = tattoo_quotes.c
_P = tattoo_projects.c
_R = tattoo_requests.c
_S = project_sessions.c
_B = bookings.c
_PARTIES = (_R.artist_id, _R.artist_user_id, _R.customer_id)
_TERMS = (
    _Q.sessions, _Q.session_minutes, _Q.price_min, _Q.price_max, _Q.deposit, _Q.currency,
    _Q.gap_days, _Q.expires_at, _Q.note,
)  # fmt: skip


def _quotes() -> Select[Any]:
    return select(tattoo_quotes, *_PARTIES).join(tattoo_requests, _R.id == _Q.request_id)


_Q_INSERT = Statement(
    lambda: insert(tattoo_quotes).values({c.name: bindparam(c.name) for c in tattoo_quotes.c})
)
_Q_UPDATE = Statement(
    lambda: (
        update(tattoo_quotes)
        .where(_Q.id == bindparam("id"))
        .values(status=bindparam("status"), updated_at=bindparam("updated_at"))
    )
)
_Q_FORGET = Statement(
    lambda: update(tattoo_quotes).where(_Q.id == bindparam("id")).values(note=bindparam("note"))
)
_Q_BY_ID = Statement(lambda: _quotes().where(_Q.id == bindparam("id")))
_Q_OF_REQUEST = Statement(
    lambda: _quotes().where(_Q.request_id == bindparam("request_id")).order_by(_Q.revision)
)


def _terms(row: Mapping[str, Any]) -> QuoteTerms:
    currency = row["currency"]
    return QuoteTerms(
        sessions=row["sessions"],
        session_length=timedelta(minutes=row["session_minutes"]),
        price_min=Money(row["price_min"], currency),
        price_max=Money(row["price_max"], currency),
        deposit=Money(row["deposit"], currency),
        gap=timedelta(days=row["gap_days"]),
        expires_at=row["expires_at"],
        note=row["note"],
    )


def _quote(row: Mapping[str, Any]) -> Quote:
    return Quote(
        id=QuoteId(row["id"]), request_id=RequestId(row["request_id"]),
        artist_id=ArtistId(row["artist_id"]), artist_user_id=UserId(row["artist_user_id"]),
        customer_id=UserId(row["customer_id"]), revision=row["revision"], terms=_terms(row),
        service_id=ServiceId(row["service_id"]),
        status=QuoteStatus(row["status"]), created_at=row["created_at"],
        updated_at=row["updated_at"],
    )  # fmt: skip


class PostgresQuoteRepository(OnConnection, QuoteRepository):
    async def add(self, quote: Quote) -> None:
        t = quote.terms
        params = {
            "id": quote.id, "request_id": quote.request_id, "service_id": quote.service_id,
            "revision": quote.revision,
            "sessions": t.sessions, "session_minutes": t.session_length // timedelta(minutes=1),
            "price_min": t.price_min.amount, "price_max": t.price_max.amount,
            "deposit": t.deposit.amount, "currency": t.price_min.currency,
            "gap_days": t.gap.days, "expires_at": t.expires_at, "note": t.note,
            "status": quote.status.value, "created_at": quote.created_at,
            "updated_at": quote.updated_at,
        }  # fmt: skip
        await self._conn.execute(_Q_INSERT.text, params)

    async def update(self, quote: Quote) -> None:
        params = {"id": quote.id, "status": quote.status.value, "updated_at": quote.updated_at}
        await self._conn.execute(_Q_UPDATE.text, params)

    async def forget(self, quote: Quote) -> None:
        params = {"id": quote.id, "note": quote.terms.note}
        await self._conn.execute(_Q_FORGET.text, params)

    async def get(self, quote_id: QuoteId) -> Quote | None:
        row = await (await self._conn.execute(_Q_BY_ID.text, {"id": quote_id})).fetchone()
        return None if row is None else _quote(row)

    async def of_request(self, request_id: RequestId) -> tuple[Quote, ...]:
        params = {"request_id": request_id}
        rows = await (await self._conn.execute(_Q_OF_REQUEST.text, params)).fetchall()
        return tuple(_quote(r) for r in rows)


def _projects() -> Select[Any]:
    return (
        select(
            _P.id,
            _P.request_id,
            _P.quote_id,
            _P.service_id,
            _P.status,
            _P.created_at,
            _P.updated_at,
            *_PARTIES,
            *_TERMS,
        )
        .join(tattoo_quotes, _Q.id == _P.quote_id)
        .join(tattoo_requests, _R.id == _P.request_id)
    )


_P_INSERT = Statement(
    lambda: insert(tattoo_projects).values({c.name: bindparam(c.name) for c in tattoo_projects.c})
)
_P_UPDATE = Statement(
    lambda: (
        update(tattoo_projects)
        .where(_P.id == bindparam("id"))
        .values(status=bindparam("status"), updated_at=bindparam("updated_at"))
    )
)
_P_BY_ID = Statement(lambda: _projects().where(_P.id == bindparam("id")))
_P_LOCK = Statement(
    lambda: _projects().where(_P.id == bindparam("id")).with_for_update(of=tattoo_projects)
)
_P_OF_REQUEST = Statement(lambda: _projects().where(_P.request_id == bindparam("request_id")))
_OF_PARTY = [or_(_R.customer_id == bindparam("user_id"), _R.artist_user_id == bindparam("user_id"))]
_P_PAGE = Statement(
    lambda: (
        _projects()
        .where(*_OF_PARTY)
        .order_by(_P.created_at.desc(), _P.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_P_COUNT = Statement(
    lambda: (
        select(func.count().label("total"))
        .select_from(tattoo_projects)
        .join(tattoo_requests, _R.id == _P.request_id)
        .where(*_OF_PARTY)
    )
)
_S_INSERT = Statement(
    lambda: insert(project_sessions).values({c.name: bindparam(c.name) for c in project_sessions.c})
)


_SESSION_COLUMNS = (
    _S.booking_id, _S.holds_deposit, _S.closes, _B.starts_at, _B.status, _B.hold_expires_at,
)  # fmt: skip


def _sessions() -> Select[Any]:
    return (
        select(*_SESSION_COLUMNS)
        .join(bookings, _B.id == _S.booking_id)
        .where(_S.project_id == bindparam("project_id"))
        .order_by(_B.starts_at, _S.booking_id)
    )


_SESSIONS = Statement(_sessions)
_SESSIONS_SHARED = Statement(lambda: _sessions().with_for_update(read=True, of=bookings))


def _project(row: Mapping[str, Any]) -> Project:
    return Project(
        id=ProjectId(row["id"]), request_id=RequestId(row["request_id"]),
        quote_id=QuoteId(row["quote_id"]), artist_id=ArtistId(row["artist_id"]),
        artist_user_id=UserId(row["artist_user_id"]), customer_id=UserId(row["customer_id"]),
        service_id=ServiceId(row["service_id"]), terms=_terms(row),
        status=ProjectStatus(row["status"]), created_at=row["created_at"],
        updated_at=row["updated_at"],
    )  # fmt: skip


class PostgresProjectRepository(OnConnection, ProjectRepository):
    async def add(self, project: Project) -> None:
        params = {
            "id": project.id, "request_id": project.request_id, "quote_id": project.quote_id,
            "service_id": project.service_id, "status": project.status.value,
            "created_at": project.created_at, "updated_at": project.updated_at,
        }  # fmt: skip
        await self._conn.execute(_P_INSERT.text, params)

    async def get(self, project_id: ProjectId, *, for_update: bool = False) -> Project | None:
        query = _P_LOCK if for_update else _P_BY_ID
        row = await (await self._conn.execute(query.text, {"id": project_id})).fetchone()
        return None if row is None else _project(row)

    async def of_request(self, request_id: RequestId) -> Project | None:
        params = {"request_id": request_id}
        row = await (await self._conn.execute(_P_OF_REQUEST.text, params)).fetchone()
        return None if row is None else _project(row)

    async def update(self, project: Project) -> None:
        params = {
            "id": project.id, "status": project.status.value, "updated_at": project.updated_at
        }  # fmt: skip
        await self._conn.execute(_P_UPDATE.text, params)

    async def of_party(self, user_id: UserId, page: PageRequest) -> Page[Project]:
        params = {"user_id": user_id}
        paged = params | {"limit": page.page_size, "offset": page.offset}
        found = await (await self._conn.execute(_P_PAGE.text, paged)).fetchall()
        total = await (await self._conn.execute(_P_COUNT.text, params)).fetchone()
        return Page(tuple(_project(r) for r in found), count_of(total), page)

    async def add_session(
        self, project_id: ProjectId, booking_id: BookingId, *, holds_deposit: bool, closes: bool
    ) -> None:
        params = {
            "project_id": project_id, "booking_id": booking_id,
            "holds_deposit": holds_deposit, "closes": closes,
        }  # fmt: skip
        await self._conn.execute(_S_INSERT.text, params)

    async def sessions(
        self, project_id: ProjectId, *, for_share: bool = False
    ) -> tuple[ProjectSession, ...]:
        params = {"project_id": project_id}
        query = _SESSIONS_SHARED if for_share else _SESSIONS
        rows = await (await self._conn.execute(query.text, params)).fetchall()
        return tuple(_session(r) for r in rows)


def _session(r: Mapping[str, Any]) -> ProjectSession:
    return ProjectSession(
        BookingId(r["booking_id"]),
        r["starts_at"],
        BookingStatus(r["status"]),
        r["holds_deposit"],
        r["closes"],
        r["hold_expires_at"],
    )
