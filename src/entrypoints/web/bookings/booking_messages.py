"""The booking page's "Messages sent": what the platform sent about the booking
(``ListBookingMessages``, the API's ``GET /bookings/{id}/messages``), oldest first: to whom
(the customer, or the artist: "you"), on which channel, what, when and what became of it,
with the address masked by the use case; never the message itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from litestar import Request

from booking_domain.notifications import SentMessage
from booking_domain.shared import BookingId
from entrypoints.http.serving import serving_of
from entrypoints.web.shared.console import Desk

_STAMP: Final = "%Y-%m-%d %H:%M"


@dataclass(frozen=True, slots=True)
class MessageLine:
    """A message as the page lists it: plain values, its time in the artist's zone; the
    words for its codes are the template's (``_booking_messages.html.j2``)."""

    kind: str
    channel: str
    recipient: str
    status: str
    at: str
    reason: str | None
    delivery: str | None
    address: str | None


def message_line(message: SentMessage, desk: Desk) -> MessageLine:
    return MessageLine(
        kind=message.kind,
        channel=message.channel.value,
        recipient=message.party.value,
        status=message.status.value,
        at=desk.local(message.at).strftime(_STAMP),
        reason=message.reason,
        delivery=None if message.delivery is None else message.delivery.value,
        address=message.address,
    )


async def message_lines(
    request: Request[Any, Any, Any], desk: Desk, booking_id: BookingId
) -> list[MessageLine]:
    """The booking's messages as the desk's artist may see them (the use case's access:
    another artist's booking is not found, as on the rest of the page)."""
    notifications = serving_of(request.app).bundles.notifications
    found = await notifications.list_booking_messages(desk.actor, booking_id)
    return [message_line(m, desk) for m in found]
