"""What a request's changes tell the world: ``request.sent``, ``request.accepted``,
``request.declined``, ``request.withdrawn``, ``request.message_posted``, ``request.quoted``
and ``request.quote_accepted`` (with the quote's terms, under ``change.quote``); subject
``request/<id>``, numbered by the request's version; heard by its customer and its artist
(the audience, in that order) and admins.

The data names the two parties as they are called at the change (``customerName``, the
artist's ``artistName``) so that a message about it reads well; the request's details and
thread stay behind the API, where only the parties see them.
"""

from __future__ import annotations

from booking_domain.commissions.quotes import Quote
from booking_domain.commissions.requests import RequestChange, RequestEvent, TattooRequest
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

REQUEST = "request"
REQUEST_EVENT_TYPES = frozenset(f"{REQUEST}.{change.value}" for change in RequestChange)
PREVIEW = 200  # characters of a message an event carries


def request_outbox_event(
    event: RequestEvent, *, customer_name: str, artist_name: str
) -> OutboxEvent:
    r = event.request
    message: JsonValue = None
    if event.message is not None:
        m = event.message
        message = {
            "id": str(m.id),
            "authorRole": m.author_role.value,
            "preview": m.text[:PREVIEW],
            "hasImage": bool(m.images),
        }
    return OutboxEvent(
        id=EventId(new_uuid7(int(event.at.timestamp() * 1000))),
        type=f"{REQUEST}.{event.change.value}",
        occurred_at=event.at,
        subject=subject_of(REQUEST, r.id),
        sequence=r.version,
        data={
            "request": request_data(r, customer_name=customer_name, artist_name=artist_name),
            "change": {
                "kind": event.change.value,
                "actor": {"userId": str(event.actor.user_id), "role": event.actor.role.value},
                "message": message,
                "quote": None if event.quote is None else quote_data(event.quote),
            },
        },
        audience=(r.customer_id, r.artist_user_id),
    )


def request_data(r: TattooRequest, *, customer_name: str, artist_name: str) -> dict[str, JsonValue]:
    return {
        "id": str(r.id),
        "customerId": str(r.customer_id),
        "customerName": customer_name,
        "artistId": str(r.artist_id),
        "artistName": artist_name,
        "status": r.status.value,
        "turn": r.turn.value,
        "createdAt": utc_text(r.created_at),
        "updatedAt": utc_text(r.updated_at),
        "version": r.version,
    }


def quote_data(q: Quote) -> dict[str, JsonValue]:
    t = q.terms
    return {
        "id": str(q.id),
        "revision": q.revision,
        "status": q.status.value,
        "sessions": t.sessions,
        "sessionMinutes": int(t.session_length.total_seconds()) // 60,
        "priceMin": t.price_min.amount,
        "priceMax": t.price_max.amount,
        "deposit": t.deposit.amount,
        "currency": t.price_min.currency,
        "gapDays": t.gap.days,
        "expiresAt": utc_text(t.expires_at),
    }
