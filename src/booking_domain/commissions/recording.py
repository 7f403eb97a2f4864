"""Recording a request's change in the caller's unit of work: its message (if any) and the
outbox event others hear it by. Every request use case, and every context above that
changes a request (privacy, when an account is deleted), records through here."""

from __future__ import annotations

from booking_domain.commissions.ports import CommissionsUnitOfWork
from booking_domain.commissions.published import request_outbox_event
from booking_domain.commissions.requests import RequestEvent


async def record_change(uow: CommissionsUnitOfWork, event: RequestEvent) -> None:
    """The change's message (if any) and its outbox event, naming both parties as they are
    called now."""
    r = event.request
    customer = await uow.users.get(r.customer_id)
    artist = await uow.artists.get(r.artist_id)
    if event.message is not None:
        await uow.request_messages.add(event.message)
    await uow.outbox.record(
        request_outbox_event(
            event,
            customer_name="" if customer is None else customer.name,
            artist_name="" if artist is None else artist.display_name,
        )
    )
