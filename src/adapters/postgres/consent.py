"""PostgreSQL signed consents, and the bookings' ``ConsentGate`` over them (forms and
requirements: ``consent_forms.py``).

A consent keeps the words it was signed on as JSON beside the answers, so reading one is one
row. ``unsigned`` (the notification planner's question, once a batch that holds booking
confirmations) joins the bookings asked about with their artists' requirements and their
consents by primary keys."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import Uuid, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, count_of, exact_count, page_in_order
from adapters.postgres.tables.bookings import bookings
from adapters.postgres.tables.consent import consent_requirements, consents
from booking_domain.bookings import Booking, ClientId, ConsentGate, ConsentStanding
from booking_domain.consent import (
    Consent,
    ConsentId,
    ConsentRepository,
    ConsentRequirementRepository,
    FormId,
    IdCheck,
    IdDocument,
    Signature,
    standing,
)
from booking_domain.consent.codec import answers_json, answers_of, form_json, form_of
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

_R = consent_requirements.c
_C = consents.c
_B = bookings.c

_C_INSERT = Statement(
    lambda: insert(consents).values({c.name: bindparam(c.name) for c in consents.c})
)
_C_CHANGING = ("id_document", "id_checked_by", "id_checked_at", "purge_after", "version",
               "updated_at")  # fmt: skip
_C_UPDATE = Statement(
    lambda: (
        update(consents)
        .where(_C.booking_id == bindparam("booking_id"))
        .values({n: bindparam(n) for n in _C_CHANGING})
    )
)
_C_GET = Statement(lambda: select(consents).where(_C.booking_id == bindparam("booking_id")))
_C_LOCK = Statement(
    lambda: select(consents).where(_C.booking_id == bindparam("booking_id")).with_for_update()
)
_OF_CUSTOMER = [_C.customer_id == bindparam("customer_id")]
_C_PAGE = Statement(
    lambda: page_in_order(consents, _OF_CUSTOMER, [_C.created_at.desc(), _C.id.desc()])
)
_C_COUNT = Statement(lambda: exact_count(consents, _OF_CUSTOMER))
_C_REMOVE = Statement(lambda: delete(consents).where(_C.booking_id == bindparam("booking_id")))
_C_PURGE = Statement(
    lambda: delete(consents).where(
        _C.id.in_(
            select(_C.id)
            .where(_C.purge_after <= bindparam("now"))
            .order_by(_C.purge_after)
            .limit(bindparam("limit"))
            .with_for_update(skip_locked=True)
        )
    )
)
# Bookings of customer accounts among those asked about, whose artist requires a form
# since no later than their start, with no consent: primary-key reads all three.
_UNSIGNED = Statement(
    lambda: (
        select(_B.id)
        .join(consent_requirements, _R.artist_id == _B.artist_id)
        .outerjoin(consents, _C.booking_id == _B.id)
        .where(
            _B.id == func.any(bindparam("ids", type_=ARRAY(Uuid))),
            _B.customer_id.is_not(None),
            _R.since <= _B.starts_at,
            _C.id.is_(None),
        )
    )
)


def _consent_row(c: Consent) -> dict[str, Any]:
    s, check = c.signature, c.id_check
    return {
        "id": c.id, "booking_id": c.booking_id, "artist_id": c.artist_id,
        "artist_user_id": c.artist_user_id, "customer_id": c.customer_id,
        "client_id": c.client_id, "form_id": c.form_id, "form_version": c.form_version,
        "form": Jsonb(form_json(c.form)),
        "answers": Jsonb(answers_json(c.answers, c.form.questions)),
        "signed_name": s.name, "signed_at": s.signed_at, "signed_by": s.signed_by,
        "in_person": s.in_person, "address": s.address, "user_agent": s.user_agent,
        "id_document": None if check is None else check.document.value,
        "id_checked_by": None if check is None else check.checked_by,
        "id_checked_at": None if check is None else check.checked_at,
        "purge_after": c.purge_after, "version": c.version,
        "created_at": c.created_at, "updated_at": c.updated_at,
    }  # fmt: skip


def _consent(row: Mapping[str, Any]) -> Consent:
    check = None
    if row["id_checked_at"] is not None:
        check = IdCheck(
            IdDocument(row["id_document"]), UserId(row["id_checked_by"]), row["id_checked_at"]
        )
    customer, client = row["customer_id"], row["client_id"]
    return Consent(
        id=ConsentId(row["id"]), booking_id=BookingId(row["booking_id"]),
        artist_id=ArtistId(row["artist_id"]), artist_user_id=UserId(row["artist_user_id"]),
        customer_id=None if customer is None else UserId(customer),
        client_id=None if client is None else ClientId(client),
        form_id=FormId(row["form_id"]), form_version=row["form_version"],
        form=form_of(row["form"]), answers=answers_of(row["answers"]),
        signature=Signature(
            row["signed_name"], row["signed_at"], UserId(row["signed_by"]), row["in_person"],
            row["address"], row["user_agent"],
        ),
        id_check=check, purge_after=row["purge_after"], version=row["version"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )  # fmt: skip


class PostgresConsentRepository(OnConnection, ConsentRepository):
    async def add(self, consent: Consent) -> None:
        # A second consent of one booking is the unique constraint's, translated.
        await self._write_rows(_C_INSERT.text, [_consent_row(consent)])

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Consent | None:
        query = _C_LOCK if for_update else _C_GET
        row = await (await self._conn.execute(query.text, {"booking_id": booking_id})).fetchone()
        return None if row is None else _consent(row)

    async def update(self, consent: Consent) -> None:
        row = _consent_row(consent)
        await self._conn.execute(_C_UPDATE.text, {k: row[k] for k in ("booking_id", *_C_CHANGING)})

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[Consent]:
        params: dict[str, Any] = {"customer_id": customer_id}
        paged = params | {"limit": page.page_size, "offset": page.offset}
        found = await (await self._conn.execute(_C_PAGE.text, paged)).fetchall()
        total = await (await self._conn.execute(_C_COUNT.text, params)).fetchone()
        return Page(tuple(_consent(r) for r in found), count_of(total), page)

    async def unsigned(self, booking_ids: Collection[BookingId]) -> frozenset[BookingId]:
        if not booking_ids:
            return frozenset()
        params = {"ids": list(booking_ids)}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_UNSIGNED.text, params)
        ).fetchall()
        return frozenset(BookingId(r["id"]) for r in rows)

    async def remove(self, booking_id: BookingId) -> None:
        await self._conn.execute(_C_REMOVE.text, {"booking_id": booking_id})

    async def purge(self, now: datetime, *, limit: int) -> int:
        done = await self._conn.execute(_C_PURGE.text, {"now": now, "limit": limit})
        return done.rowcount


class PostgresConsentGate(ConsentGate):
    """Two primary-key reads, on a completion only."""

    def __init__(
        self, requirements: ConsentRequirementRepository, consents: ConsentRepository
    ) -> None:
        self._requirements = requirements
        self._consents = consents

    async def standing(self, booking: Booking) -> ConsentStanding:
        requirement = await self._requirements.get(booking.artist_id)
        return standing(requirement, await self._consents.get(booking.id), booking)
