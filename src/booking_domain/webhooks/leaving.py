"""What an account's leaving does to its webhook endpoints (docs/privacy.md; the privacy
context calls it in the deletion's unit of work): every endpoint of the leaver is switched
off, so nothing that happens after (a review of theirs, a booking they had) is signed and
sent to their servers, and no delivery already queued goes out (a delivery is sent only to
an active endpoint). The endpoints stay, off, with their delivery log: what was sent before
the deletion is the record of what left the platform."""

from __future__ import annotations

from datetime import datetime

from booking_domain.shared.ids import UserId
from booking_domain.webhooks.ports import HasWebhooks


async def leave_webhooks(uow: HasWebhooks, leaver: UserId, now: datetime) -> None:
    for endpoint in await uow.webhooks.list(leaver):
        if endpoint.active:
            await uow.webhooks.update(endpoint.changed(now, active=False))
