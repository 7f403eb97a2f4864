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
# What each kind of message is, as the artist reads it (English; Mongolian in the room's
# catalogue): every kind the notifications plan (``booking_domain.notifications.KINDS``),
# a test holds the two lists together, so a new kind is never shown by its code.
MESSAGE_KINDS: Final = {
    "artist.approved": "Profile approved",
    "artist.rejected": "Profile not approved",
    "artist.suspended": "Profile suspended",
    "artist.reinstated": "Profile reinstated",
    "booking.requested": "Request received",
    "booking.booked": "Booked in",
    "booking.approved": "Approved",
    "booking.invoiced": "Deposit invoice",
    "booking.confirmed": "Confirmed",
    "booking.rescheduled": "Moved",
    "booking.cancelled": "Cancelled",
    "booking.expired": "Expired",
    "booking.completed": "Completed",
    "booking.no_show": "No-show",
    "booking.reminder": "Reminder",
    "booking.balance_invoiced": "Balance invoiced",
    "booking.balance_paid": "Balance paid",
    "booking.paid_in_full": "Paid in full",
    "booking.payment_recorded": "Payment recorded",
    "booking.review_request": "Review asked",
    "booking.aftercare": "Aftercare",
    "booking.idea_added": "Design idea added",
    "booking.offered": "Waitlist offer",
    "booking.offer_accepted": "Waitlist offer taken",
    "booking.disputed": "Dispute opened",
    "booking.dispute_resolved": "Dispute resolved",
    "consent.requested": "Consent form to sign",
    "consent.signed": "Consent form signed",
    "payment.studio_recorded": "Receipt for a studio payment",
    "refund.completed": "Refund paid",
    "refund.settled": "Refund settled",
    "loyalty.points_earned": "Points earned",
    "loyalty.points_reversed": "Points taken back",
    "loyalty.points_expired": "Points expired",
    "request.sent": "Tattoo request sent",
    "request.message_posted": "Message on a request",
    "request.quoted": "Quote sent",
    "request.quote_accepted": "Quote accepted",
    "request.accepted": "Request accepted",
    "request.declined": "Request declined",
    "request.withdrawn": "Request withdrawn",
    "request.project_cancelled": "Project cancelled",
    "review.created": "Review posted",
    "review.replied": "Reply to a review",
}


@dataclass(frozen=True, slots=True)
class MessageLine:
    """A message as the page lists it: plain values, its time in the artist's zone; what it
    is in English words (``MESSAGE_KINDS``, translated by the template), the words for its
    other codes the template's (``_booking_messages.html.j2``)."""

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
        kind=MESSAGE_KINDS.get(message.kind, message.kind),
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
