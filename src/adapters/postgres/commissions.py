"""PostgreSQL tattoo requests, their reference pictures and their threads.

A request is read with its pictures in one statement (a correlated ``jsonb_agg``), one or a
page of them; the lists are short (a person's own requests) and count exactly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Select, bindparam, case, delete, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.sql.elements import ColumnElement

from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import Statement, constant, count_of, exact_count
from adapters.postgres.tables.commissions import (
    tattoo_request_images,
    tattoo_request_messages,
    tattoo_requests,
)
from booking_domain.commissions import (
    BodyArea,
    Budget,
    ColourMode,
    Placement,
    RequestDetails,
    RequestId,
    RequestImage,
    RequestMessage,
    RequestMessageId,
    RequestMessageRepository,
    RequestRepository,
    RequestStatus,
    TattooRequest,
    Turn,
)
from booking_domain.media import UploadId
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import ArtistId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_R = tattoo_requests.c
_I = tattoo_request_images.c
_M = tattoo_request_messages.c
_CHANGING = ("status", "turn", "turn_since", "version", "message_count", "updated_at")


def _images() -> ColumnElement[Any]:
    """The request's pictures in order, as a JSON array (null when it has none)."""
    picture = func.jsonb_build_object(
        constant("uploadId"), _I.upload_id, constant("variants"), _I.images
    )
    return (
        select(func.jsonb_agg(aggregate_order_by(picture, _I.position)))
        .where(_I.request_id == _R.id)
        .scalar_subquery()
        .label("pictures")
    )


def _with_images(*conditions: ColumnElement[bool]) -> Select[Any]:
    return select(tattoo_requests, _images()).where(*conditions)


_INSERT = Statement(
    lambda: insert(tattoo_requests).values({c.name: bindparam(c.name) for c in tattoo_requests.c})
)
_INSERT_IMAGE = Statement(
    lambda: insert(tattoo_request_images).values(
        {c.name: bindparam(c.name) for c in tattoo_request_images.c}
    )
)
_UPDATE = Statement(
    lambda: (
        update(tattoo_requests)
        .where(_R.id == bindparam("id"))
        .values({name: bindparam(name) for name in _CHANGING})
    )
)
_FORGET = Statement(
    lambda: (
        update(tattoo_requests)
        .where(_R.id == bindparam("id"))
        .values({name: bindparam(name) for name in (*_CHANGING, "idea", "placement_text")})
    )
)
_DROP_IMAGES = Statement(
    lambda: delete(tattoo_request_images).where(_I.request_id == bindparam("request_id"))
)
_BY_ID = Statement(lambda: _with_images(_R.id == bindparam("id")))
_LOCK = Statement(
    lambda: _with_images(_R.id == bindparam("id")).with_for_update(of=tattoo_requests)
)

_OF_CUSTOMER = [_R.customer_id == bindparam("customer_id")]
_CUSTOMER_PAGE = Statement(
    lambda: (
        _with_images(*_OF_CUSTOMER)
        .order_by(_R.created_at.desc(), _R.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_CUSTOMER_COUNT = Statement(lambda: exact_count(tattoo_requests, _OF_CUSTOMER))

_OF_ARTIST = [_R.artist_user_id == bindparam("artist_user_id")]
_ARTIST_PAGE = Statement(
    lambda: (
        _with_images(*_OF_ARTIST)
        .order_by(_R.created_at.desc(), _R.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_ARTIST_COUNT = Statement(lambda: exact_count(tattoo_requests, _OF_ARTIST))


def _in_queue() -> list[ColumnElement[bool]]:
    return [
        _R.artist_user_id == bindparam("artist_user_id"),
        or_(_R.status == constant("open"), _R.status == constant("accepted")),
    ]


def _queue_order() -> list[Any]:
    artists_turn = _R.turn == constant("artist")
    return [
        case((artists_turn, constant(0)), else_=constant(1)),
        case((artists_turn, _R.turn_since)),  # the artist's: longest waiting first
        _R.turn_since.desc(),  # the customer's: most recently answered first
        _R.id,
    ]


_QUEUE_PAGE = Statement(
    lambda: (
        _with_images(*_in_queue())
        .order_by(*_queue_order())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_QUEUE_COUNT = Statement(lambda: exact_count(tattoo_requests, _in_queue()))

_M_INSERT = Statement(
    lambda: insert(tattoo_request_messages).values(
        {c.name: bindparam(c.name) for c in tattoo_request_messages.c}
    )
)
_M_FORGET = Statement(
    lambda: (
        update(tattoo_request_messages)
        .where(_M.id == bindparam("id"))
        .values({name: bindparam(name) for name in ("text", "upload_id", "images")})
    )
)
_OF_REQUEST = [_M.request_id == bindparam("request_id")]
_M_PAGE = Statement(
    lambda: (
        select(tattoo_request_messages)
        .where(*_OF_REQUEST)
        .order_by(_M.created_at, _M.id)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
)
_M_COUNT = Statement(lambda: exact_count(tattoo_request_messages, _OF_REQUEST))


def _row(r: TattooRequest) -> dict[str, Any]:
    d = r.details
    return {
        "id": r.id, "customer_id": r.customer_id, "artist_id": r.artist_id,
        "artist_user_id": r.artist_user_id, "idea": d.idea, "body_area": d.placement.area.value,
        "placement_text": d.placement.text, "size_cm": d.size_cm, "colour": d.colour.value,
        "budget_min": d.budget.minimum.amount, "budget_max": d.budget.maximum.amount,
        "currency": d.budget.minimum.currency, "preferred_dates": list(d.preferred_dates),
        "first_tattoo": d.first_tattoo, "status": r.status.value, "turn": r.turn.value,
        "turn_since": r.turn_since, "version": r.version, "message_count": r.message_count,
        "created_at": r.created_at, "updated_at": r.updated_at,
    }  # fmt: skip


def _pictures(stored: Sequence[Mapping[str, Any]] | None) -> tuple[RequestImage, ...]:
    return tuple(
        RequestImage(UploadId(UUID(str(p["uploadId"]))), variants_of(p["variants"]))
        for p in stored or ()
    )


def _request(row: Mapping[str, Any]) -> TattooRequest:
    currency = row["currency"]
    dates: list[date] = row["preferred_dates"]
    details = RequestDetails(
        idea=row["idea"],
        placement=Placement(BodyArea(row["body_area"]), row["placement_text"]),
        size_cm=row["size_cm"],
        colour=ColourMode(row["colour"]),
        budget=Budget(Money(row["budget_min"], currency), Money(row["budget_max"], currency)),
        preferred_dates=tuple(dates),
        first_tattoo=row["first_tattoo"],
    )
    return TattooRequest(
        id=RequestId(row["id"]), customer_id=UserId(row["customer_id"]),
        artist_id=ArtistId(row["artist_id"]), artist_user_id=UserId(row["artist_user_id"]),
        details=details, images=_pictures(row["pictures"]), status=RequestStatus(row["status"]),
        turn=Turn(row["turn"]), turn_since=row["turn_since"], created_at=row["created_at"],
        updated_at=row["updated_at"], version=row["version"], message_count=row["message_count"],
    )  # fmt: skip


def _picture_rows(request: TattooRequest) -> list[dict[str, Any]]:
    return [
        {
            "request_id": request.id,
            "position": position,
            "upload_id": image.upload_id,
            "images": variants_json(image.variants),
        }
        for position, image in enumerate(request.images)
    ]


class PostgresRequestRepository(OnConnection, RequestRepository):
    async def add(self, request: TattooRequest) -> None:
        await self._conn.execute(_INSERT.text, _row(request))
        await self._write_rows(_INSERT_IMAGE.text, _picture_rows(request))

    async def get(self, request_id: RequestId, *, for_update: bool = False) -> TattooRequest | None:
        query = _LOCK if for_update else _BY_ID
        row = await (await self._conn.execute(query.text, {"id": request_id})).fetchone()
        return None if row is None else _request(row)

    async def update(self, request: TattooRequest) -> None:
        row = _row(request)
        await self._conn.execute(_UPDATE.text, {k: row[k] for k in ("id", *_CHANGING)})

    async def forget(self, request: TattooRequest) -> None:
        row = _row(request)
        names = ("id", *_CHANGING, "idea", "placement_text")
        await self._conn.execute(_FORGET.text, {k: row[k] for k in names})
        await self._conn.execute(_DROP_IMAGES.text, {"request_id": request.id})
        await self._write_rows(_INSERT_IMAGE.text, _picture_rows(request))

    async def of_artist(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        params = {"artist_user_id": artist_user_id}
        return await self._page(_ARTIST_PAGE, _ARTIST_COUNT, params, page)

    async def of_customer(self, customer_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        params = {"customer_id": customer_id}
        return await self._page(_CUSTOMER_PAGE, _CUSTOMER_COUNT, params, page)

    async def queue(self, artist_user_id: UserId, page: PageRequest) -> Page[TattooRequest]:
        params = {"artist_user_id": artist_user_id}
        return await self._page(_QUEUE_PAGE, _QUEUE_COUNT, params, page)

    async def _page(
        self, rows: Statement, count: Statement, params: dict[str, Any], page: PageRequest
    ) -> Page[TattooRequest]:
        paged = params | {"limit": page.page_size, "offset": page.offset}
        found = await (await self._conn.execute(rows.text, paged)).fetchall()
        total = await (await self._conn.execute(count.text, params)).fetchone()
        return Page(tuple(_request(r) for r in found), count_of(total), page)


def _message(row: Mapping[str, Any]) -> RequestMessage:
    upload = row["upload_id"]
    return RequestMessage(
        id=RequestMessageId(row["id"]), request_id=RequestId(row["request_id"]),
        author_id=UserId(row["author_id"]), author_role=Role(row["author_role"]),
        text=row["text"], upload_id=None if upload is None else UploadId(upload),
        images=variants_of(row["images"]), created_at=row["created_at"],
    )  # fmt: skip


class PostgresRequestMessageRepository(OnConnection, RequestMessageRepository):
    async def add(self, message: RequestMessage) -> None:
        params = {
            "id": message.id, "request_id": message.request_id, "author_id": message.author_id,
            "author_role": message.author_role.value, "text": message.text,
            "upload_id": message.upload_id, "images": variants_json(message.images),
            "created_at": message.created_at,
        }  # fmt: skip
        await self._conn.execute(_M_INSERT.text, params)

    async def forget(self, message: RequestMessage) -> None:
        params = {
            "id": message.id, "text": message.text, "upload_id": message.upload_id,
            "images": variants_json(message.images),
        }  # fmt: skip
        await self._conn.execute(_M_FORGET.text, params)

    async def of_request(self, request_id: RequestId, page: PageRequest) -> Page[RequestMessage]:
        params = {"request_id": request_id}
        paged = params | {"limit": page.page_size, "offset": page.offset}
        found = await (await self._conn.execute(_M_PAGE.text, paged)).fetchall()
        total = await (await self._conn.execute(_M_COUNT.text, params)).fetchone()
        return Page(tuple(_message(r) for r in found), count_of(total), page)
