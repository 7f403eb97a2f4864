"""PostgreSQL webhook endpoints, deliveries, the dispatch position, and the delivery queue.

The delivery queue is in ``adapters.postgres.webhook_queue``.
An endpoint's signing secret is stored sealed by the ``SecretBox`` (never in the clear).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    Text,
    Uuid,
    any_,
    bindparam,
    column,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.types import TypeEngine

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import Statement, constant, count_of, exact_count, page_in_order
from adapters.postgres.tables.webhooks import (
    webhook_deliveries,
    webhook_dispatch,
    webhook_endpoints,
)
from booking_domain.shared import SecretBox, UserId
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.outbox import EventId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.webhooks import Delivery, DeliveryId, DeliveryStatus, WebhookEndpoint, WebhookId
from booking_domain.webhooks.ports import (
    DeliveryRepository,
    DispatchCursor,
    DispatchPosition,
    WebhookRepository,
)
from booking_domain.webhooks.rounds import DeliveryRound

DISPATCH_ROW = "webhooks"
# The dispatchers' mutual exclusion: a transaction-scoped advisory lock, not FOR UPDATE on the
# position row. A row lock assigns the polling transaction an xid (every 100 ms, per worker),
# and a running xid holds the outbox's horizon (pg_snapshot_xmin) back for every reader while
# it lasts; an advisory lock takes none, so an idle poll writes nothing at all.
DISPATCH_LOCK = 0x696E6B736C6F74  # "inkslot"

_E = webhook_endpoints
_EP_INSERT = Statement(lambda: insert(_E).values({c.name: bindparam(c.name) for c in _E.c}))
_EP_BY_ID = Statement(lambda: select(_E).where(_E.c.id == bindparam("id")))
_EP_UPDATE = Statement(
    lambda: (
        update(_E)
        .where(_E.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in _E.c if c.name not in ("id", "created_at")})
    )
)
_EP_DELETE = Statement(lambda: delete(_E).where(_E.c.id == bindparam("id")))
_EP_ALL = Statement(lambda: select(_E).order_by(_E.c.created_at, _E.c.id))
_EP_OF_OWNER = Statement(
    lambda: (
        select(_E).where(_E.c.owner_id == bindparam("owner_id")).order_by(_E.c.created_at, _E.c.id)
    )
)
_EP_COUNT = Statement(lambda: exact_count(_E, [_E.c.owner_id == bindparam("owner_id")]))
_EP_ACTIVE = Statement(lambda: select(_E).where(_E.c.active).order_by(_E.c.created_at, _E.c.id))

_D = webhook_deliveries
_D_COLUMNS = [c.name for c in _D.c]
_D_INSERT = Statement(lambda: insert(_D).values({c.name: bindparam(c.name) for c in _D.c}))
_D_BY_ID = Statement(lambda: select(_D).where(_D.c.id == bindparam("id")))
# A delivery with its endpoint: the endpoint's columns under an "e_" prefix.
_D_WITH_ENDPOINT = Statement(
    lambda: (
        select(_D, *(c.label(f"e_{c.name}") for c in _E.c))
        .join(_E, _E.c.id == _D.c.endpoint_id)
        .where(_D.c.id == bindparam("id"))
    )
)
_PENDING = DeliveryStatus.PENDING.value
# A round's deliveries still pending, with their endpoint's columns under an "e_" prefix.
_D_ROUND = Statement(
    lambda: (
        select(_D, *(c.label(f"e_{c.name}") for c in _E.c))
        .join(_E, _E.c.id == _D.c.endpoint_id)
        .where(
            _D.c.id == any_(bindparam("ids", type_=ARRAY(Uuid()))),
            _D.c.endpoint_id == bindparam("endpoint_id"),
            _D.c.status == constant(_PENDING),
        )
    )
)
# What an attempt changes (never the body), written only while the row is still as the
# attempt read it.
_D_OUTCOME = ("status", "attempts", "last_status_code", "last_error", "next_attempt_at")
_D_SEEN = ("seen_attempts", "seen_updated_at")


def _build_replace_if_unchanged() -> Any:
    """Attempts' outcomes as one JSON array (``_outcome_row``), each written only over its
    delivery as read; the ids written come back."""
    types: dict[str, TypeEngine[Any]] = {
        "id": Uuid(), "status": Text(), "attempts": Integer(), "last_status_code": Integer(),
        "last_error": Text(), "next_attempt_at": DateTime(timezone=True),
        "updated_at": DateTime(timezone=True), "seen_attempts": Integer(),
        "seen_updated_at": DateTime(timezone=True),
    }  # fmt: skip
    batch = (
        func.jsonb_to_recordset(bindparam("rows", type_=JSONB))
        .table_valued(*(column(name, kind) for name, kind in types.items()))
        .render_derived(name="batch", with_types=True)
    )
    return (
        update(_D)
        .where(
            _D.c.id == batch.c.id,
            _D.c.status == constant(_PENDING),
            _D.c.attempts == batch.c.seen_attempts,
            _D.c.updated_at == batch.c.seen_updated_at,
        )
        .values({name: batch.c[name] for name in (*_D_OUTCOME, "updated_at")})
        .returning(_D.c.id)
    )


_D_REPLACE_IF_UNCHANGED = Statement(_build_replace_if_unchanged)
_D_UPDATE = Statement(
    lambda: (
        update(_D)
        .where(_D.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in _D.c if c.name not in ("id", "created_at")})
    )
)
_D_OF_ENDPOINT = [_D.c.endpoint_id == bindparam("endpoint_id")]
_D_PAGE = Statement(lambda: page_in_order(_D, _D_OF_ENDPOINT, [_D.c.id.desc()]))
_D_COUNT = Statement(lambda: exact_count(_D, _D_OF_ENDPOINT))

_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_WAIT_FOR_TURN = Statement(
    lambda: select(func.pg_advisory_xact_lock(bindparam("lock", type_=BigInteger)))
)
_POSITION = Statement(
    lambda: select(webhook_dispatch.c.after).where(webhook_dispatch.c.name == bindparam("name"))
)
# Forward only: a position never moves back, whatever went wrong around it.
_ADVANCE = Statement(
    lambda: (
        update(webhook_dispatch)
        .where(
            webhook_dispatch.c.name == bindparam("name"),
            or_(webhook_dispatch.c.after.is_(None), webhook_dispatch.c.after < bindparam("after")),
        )
        .values(after=bindparam("after"), updated_at=func.now())
    )
)


def _endpoint_row(e: WebhookEndpoint, box: SecretBox) -> dict[str, Any]:
    return {
        "id": e.id, "owner_id": e.owner_id, "owner_is_admin": e.owner_is_admin, "url": e.url,
        "events": sorted(e.events), "secret": box.seal(e.secret), "active": e.active,
        "created_at": e.created_at, "updated_at": e.updated_at,
    }  # fmt: skip


def _endpoint(row: Mapping[str, Any], box: SecretBox) -> WebhookEndpoint:
    return WebhookEndpoint(
        id=WebhookId(row["id"]), owner_id=UserId(row["owner_id"]),
        owner_is_admin=row["owner_is_admin"], url=row["url"], events=frozenset(row["events"]),
        secret=box.open(row["secret"]), active=row["active"], created_at=row["created_at"],
        updated_at=row["updated_at"],
    )  # fmt: skip


def _delivery_row(d: Delivery) -> dict[str, Any]:
    return {
        "id": d.id, "endpoint_id": d.endpoint_id, "event_id": d.event_id,
        "event_type": d.event_type, "subject": d.subject, "body": json.dumps(d.body),
        "status": d.status.value, "attempts": d.attempts, "last_status_code": d.last_status_code,
        "last_error": d.last_error, "next_attempt_at": d.next_attempt_at,
        "created_at": d.created_at, "updated_at": d.updated_at,
    }  # fmt: skip


def _outcome_row(seen: Delivery, changed: Delivery) -> dict[str, Any]:
    return {
        "id": changed.id, "status": changed.status.value, "attempts": changed.attempts,
        "last_status_code": changed.last_status_code, "last_error": changed.last_error,
        "next_attempt_at": changed.next_attempt_at, "updated_at": changed.updated_at,
        "seen_attempts": seen.attempts, "seen_updated_at": seen.updated_at,
    }  # fmt: skip


def _delivery(row: Mapping[str, Any]) -> Delivery:
    return Delivery(
        id=DeliveryId(row["id"]), endpoint_id=WebhookId(row["endpoint_id"]),
        event_id=EventId(row["event_id"]), event_type=row["event_type"],
        subject=row["subject"], body=row["body"], status=DeliveryStatus(row["status"]),
        attempts=row["attempts"], last_status_code=row["last_status_code"],
        last_error=row["last_error"], created_at=row["created_at"],
        updated_at=row["updated_at"], next_attempt_at=row["next_attempt_at"],
    )  # fmt: skip


class PostgresWebhookRepository(OnConnection, WebhookRepository):
    def __init__(self, connection: Connection, secrets: SecretBox) -> None:
        super().__init__(connection)
        self._box = secrets

    async def add(self, endpoint: WebhookEndpoint) -> None:
        await self._conn.execute(_EP_INSERT.text, _endpoint_row(endpoint, self._box))

    async def get(self, webhook_id: WebhookId) -> WebhookEndpoint | None:
        row = await (await self._conn.execute(_EP_BY_ID.text, {"id": webhook_id})).fetchone()
        return _endpoint(row, self._box) if row else None

    async def update(self, endpoint: WebhookEndpoint) -> None:
        await self._conn.execute(_EP_UPDATE.text, _endpoint_row(endpoint, self._box))

    async def remove(self, webhook_id: WebhookId) -> None:
        await self._conn.execute(_EP_DELETE.text, {"id": webhook_id})

    async def list(self, owner_id: UserId | None) -> Sequence[WebhookEndpoint]:
        if owner_id is None:
            cursor = await self._conn.execute(_EP_ALL.text)
        else:
            cursor = await self._conn.execute(_EP_OF_OWNER.text, {"owner_id": owner_id})
        return [_endpoint(r, self._box) for r in await cursor.fetchall()]

    async def count_for_owner(self, owner_id: UserId) -> int:
        cursor = await self._conn.execute(_EP_COUNT.text, {"owner_id": owner_id})
        return count_of(await cursor.fetchone())

    async def with_delivery(
        self, delivery_id: DeliveryId
    ) -> tuple[WebhookEndpoint, Delivery] | None:
        cursor = await self._conn.execute(_D_WITH_ENDPOINT.text, {"id": delivery_id})
        row = await cursor.fetchone()
        if row is None:
            return None
        endpoint = {name.removeprefix("e_"): v for name, v in row.items() if name.startswith("e_")}
        return _endpoint(endpoint, self._box), _delivery(row)

    async def active(self) -> Sequence[WebhookEndpoint]:
        cursor = await self._conn.execute(_EP_ACTIVE.text)
        return [_endpoint(r, self._box) for r in await cursor.fetchall()]

    async def round_of(
        self, endpoint_id: WebhookId, delivery_ids: Sequence[DeliveryId]
    ) -> DeliveryRound | None:
        params = {"endpoint_id": endpoint_id, "ids": list(delivery_ids)}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_D_ROUND.text, params)
        ).fetchall()
        if not rows:
            return None
        endpoint = {k.removeprefix("e_"): v for k, v in rows[0].items() if k.startswith("e_")}
        order = {delivery_id: i for i, delivery_id in enumerate(delivery_ids)}
        deliveries = sorted((_delivery(r) for r in rows), key=lambda d: order[d.id])
        return DeliveryRound(_endpoint(endpoint, self._box), tuple(deliveries))


class PostgresDeliveryRepository(OnConnection, DeliveryRepository):
    async def add_many(self, deliveries: Sequence[Delivery]) -> None:
        async with self._conn.cursor() as cursor:
            await cursor.executemany(_D_INSERT.text, [_delivery_row(d) for d in deliveries])

    async def get(self, delivery_id: DeliveryId) -> Delivery | None:
        row = await (await self._conn.execute(_D_BY_ID.text, {"id": delivery_id})).fetchone()
        return _delivery(row) if row else None

    async def replace_if_unchanged(
        self, changes: Sequence[tuple[Delivery, Delivery]]
    ) -> frozenset[DeliveryId]:
        rows = Jsonb([_outcome_row(seen, changed) for seen, changed in changes])
        cursor = await self._conn.execute(_D_REPLACE_IF_UNCHANGED.text, {"rows": rows})
        written: Sequence[Mapping[str, Any]] = await cursor.fetchall()
        return frozenset(DeliveryId(r["id"]) for r in written)

    async def update(self, delivery: Delivery) -> None:
        await self._conn.execute(_D_UPDATE.text, _delivery_row(delivery))

    async def page(self, webhook_id: WebhookId, request: PageRequest) -> Page[Delivery]:
        params = {"endpoint_id": webhook_id, "limit": request.page_size, "offset": request.offset}
        rows = await (await self._conn.execute(_D_PAGE.text, params)).fetchall()
        total = await (await self._conn.execute(_D_COUNT.text, params)).fetchone()
        return Page(tuple(_delivery(r) for r in rows), count_of(total), request)


class PostgresDispatchCursor(OnConnection, DispatchCursor):
    async def claim(self) -> DispatchPosition | None:
        # Two statements, in this order: under READ COMMITTED each statement reads its own
        # snapshot, taken when it starts. Read in the statement that takes the lock, the
        # position could come from a snapshot older than the commit of the dispatcher that
        # just let go of the lock, and dispatch would start again from where it began.
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": DISPATCH_LOCK})).fetchone()
        if turn is None or not turn["turn"]:  # another dispatcher has the turn
            return None
        row = await (await self._conn.execute(_POSITION.text, {"name": DISPATCH_ROW})).fetchone()
        after = None if row is None else row["after"]
        return DispatchPosition(after if isinstance(after, str) else None)

    async def hold(self) -> None:
        await self._conn.execute(_WAIT_FOR_TURN.text, {"lock": DISPATCH_LOCK})

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"name": DISPATCH_ROW, "after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("the webhook dispatch position moved meanwhile")
