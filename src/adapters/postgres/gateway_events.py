"""PostgreSQL's log of the events gateways sent us (Stripe's webhooks), each kept once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.payments import gateway_events
from booking_domain.payments.gateway_events import MAX_RAW, GatewayEvent
from booking_domain.payments.ports import GatewayEventLog

_E = gateway_events
_ADD = Statement(
    lambda: (
        pg_insert(_E)
        .values({c.name: bindparam(c.name) for c in _E.c})
        .on_conflict_do_nothing(index_elements=[_E.c.gateway, _E.c.event_id])
        .returning(_E.c.event_id)
    )
)


_HAS = Statement(
    lambda: select(_E.c.event_id).where(
        (_E.c.gateway == bindparam("gateway")) & (_E.c.event_id == bindparam("event_id"))
    )
)


class PostgresGatewayEventLog(OnConnection, GatewayEventLog):
    async def has(self, gateway: str, event_id: str) -> bool:
        params = {"gateway": gateway, "event_id": event_id}
        return await (await self._conn.execute(_HAS.text, params)).fetchone() is not None

    async def add(self, event: GatewayEvent, received_at: datetime) -> bool:
        params = {
            "gateway": event.gateway,
            "event_id": event.event_id,
            "type": event.type,
            "kind": event.kind.value,
            "invoice_id": event.invoice_id,
            "payment_id": event.payment_id,
            "occurred_at": event.occurred_at,
            "received_at": received_at,
            "payload": event.raw[:MAX_RAW],
        }
        inserted = await (await self._conn.execute(_ADD.text, params)).fetchone()
        return inserted is not None
