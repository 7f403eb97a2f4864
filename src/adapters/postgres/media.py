"""PostgreSQL uploads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import msgspec
from psycopg.types.json import Jsonb
from sqlalchemy import bindparam, delete, insert, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.media import uploads
from booking_domain.media import Upload, UploadId, UploadPurpose, UploadStatus, Variant
from booking_domain.media.ports import UploadRepository
from booking_domain.shared import UserId

_U = uploads
_INSERT = Statement(lambda: insert(_U).values({c.name: bindparam(c.name) for c in _U.c}))
_BY_ID = Statement(lambda: select(_U).where(_U.c.id == bindparam("id")))
_LOCK = Statement(lambda: select(_U).where(_U.c.id == bindparam("id")).with_for_update())
_UPDATE = Statement(
    lambda: (
        update(_U)
        .where(_U.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in _U.c if c.name not in ("id", "created_at")})
    )
)
_REMOVE = Statement(lambda: delete(_U).where(_U.c.id == bindparam("id")))
_ABANDONED = Statement(
    lambda: (
        select(_U)
        # A literal, so that the partial index on unused uploads serves the query.
        .where(_U.c.status != constant("used"), _U.c.created_at < bindparam("before"))
        .order_by(_U.c.created_at)
        .limit(bindparam("limit"))
    )
)

_OF_OWNER = Statement(
    lambda: (
        select(_U)
        .where(_U.c.owner_id == bindparam("owner_id"), _U.c.id > bindparam("after"))
        .order_by(_U.c.id)
        .limit(bindparam("limit"))
    )
)
_BEFORE_ALL = UUID(int=0)  # no upload has the nil id: "after" it is from the first


class PostgresUploadRepository(OnConnection, UploadRepository):
    async def add(self, upload: Upload) -> None:
        await self._conn.execute(_INSERT.text, _params(upload))

    async def get(self, upload_id: UploadId) -> Upload | None:
        return await self._one(_BY_ID, upload_id)

    async def lock(self, upload_id: UploadId) -> Upload | None:
        return await self._one(_LOCK, upload_id)

    async def update(self, upload: Upload) -> None:
        await self._conn.execute(_UPDATE.text, _params(upload))

    async def remove(self, upload_id: UploadId) -> None:
        await self._conn.execute(_REMOVE.text, {"id": upload_id})

    async def abandoned(self, before: datetime, *, limit: int) -> Sequence[Upload]:
        rows = await self._conn.execute(_ABANDONED.text, {"before": before, "limit": limit})
        return [_upload(row) for row in await rows.fetchall()]

    async def of_owner(
        self, owner_id: UserId, *, after: UploadId | None, limit: int
    ) -> Sequence[Upload]:
        params = {"owner_id": owner_id, "after": after or _BEFORE_ALL, "limit": limit}
        rows = await self._conn.execute(_OF_OWNER.text, params)
        return [_upload(row) for row in await rows.fetchall()]

    async def _one(self, statement: Statement, upload_id: UploadId) -> Upload | None:
        row = await (await self._conn.execute(statement.text, {"id": upload_id})).fetchone()
        return None if row is None else _upload(row)


def variants_json(variants: Sequence[Variant]) -> Jsonb:
    return Jsonb(
        [
            {
                "name": v.name,
                "key": v.key,
                "width": v.width,
                "height": v.height,
                "size": v.size,
                "contentType": v.content_type,
            }
            for v in variants
        ]
    )


def variants_of(stored: Sequence[Mapping[str, Any]]) -> tuple[Variant, ...]:
    return tuple(
        Variant(v["name"], v["key"], v["width"], v["height"], v["size"], v["contentType"])
        for v in stored
    )


class StoredVariant(msgspec.Struct, frozen=True, rename={"content_type": "contentType"}):
    """A variant as ``variants_json`` stores it, for msgspec to decode JSON text into
    straight (typed decoding in C; the dictionaries of ``variants_of`` cost more on the
    many pictures of a search page)."""

    name: str
    key: str
    width: int
    height: int
    size: int
    content_type: str

    def variant(self) -> Variant:
        return Variant(self.name, self.key, self.width, self.height, self.size, self.content_type)


_VARIANTS = msgspec.json.Decoder(list[StoredVariant])


def variants_from_json(text: str) -> tuple[Variant, ...]:
    """``variants_of`` for stored variants read as JSON text (``images::text``)."""
    return tuple(v.variant() for v in _VARIANTS.decode(text))


def _params(upload: Upload) -> dict[str, Any]:
    return {
        "id": upload.id,
        "owner_id": upload.owner_id,
        "purpose": upload.purpose.value,
        "content_type": upload.content_type,
        "size": upload.size,
        "status": upload.status.value,
        "variants": variants_json(upload.variants),
        "rejection": upload.rejection,
        "created_at": upload.created_at,
        "updated_at": upload.updated_at,
    }


def _upload(row: Mapping[str, Any]) -> Upload:
    return Upload(
        id=UploadId(row["id"]),
        owner_id=UserId(row["owner_id"]),
        purpose=UploadPurpose(row["purpose"]),
        content_type=row["content_type"],
        size=row["size"],
        status=UploadStatus(row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        variants=variants_of(row["variants"]),
        rejection=row["rejection"],
    )
