"""What a booking change tells the world: the outbox event of each booking event.

``data`` carries the booking as it is after the change (the fields its parties see in the
API, camelCase, times in UTC) and the change itself. The type names the change the way an
integrator thinks of it: a change that confirms the booking is ``booking.confirmed``
whatever caused it (an approval without deposit, a paid deposit); the others are
``booking.<kind>`` (``booking.requested``, ``booking.expired``, ``booking.cancelled`` ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from uuid import UUID

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.history import HistoryEntry, HistoryKind
from booking_domain.bookings.status import BookingStatus
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.ids import ArtistId, BookingId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, money_data, subject_of
from booking_domain.shared.time import Interval, utc_text

BOOKING = "booking"
BOOKING_EVENT_TYPES = frozenset(
    {"booking.confirmed"} | {f"booking.{kind.value}" for kind in HistoryKind}
)  # every type booking_event_type can return


def artist_of_booking_event(event: OutboxEvent) -> ArtistId | None:
    """The artist of the booking an outbox event carries (None for other events, and for
    one whose artist is no id: a reader of the feed never stops at an event)."""
    booking = event.data.get(BOOKING)
    artist = _id(booking.get("artistId")) if isinstance(booking, Mapping) else None
    return None if artist is None else ArtistId(artist)


def booking_of_event(event: OutboxEvent) -> BookingId | None:
    """The id of the booking an outbox event carries (None for other events)."""
    booking = event.data.get(BOOKING)
    found = _id(booking.get("id")) if isinstance(booking, Mapping) else None
    return None if found is None else BookingId(found)


# What gives time back to the artist's calendar: a cancellation (a decline of an offer is
# one), a hold that ran out, and a move (its old time).
FREEING_EVENT_TYPES = frozenset(
    {"booking.cancelled", "booking.expired", "booking.offer_declined", "booking.rescheduled"}
)
_MOVED_FROM = "moved from "  # the reason a move's history entry states


def freed_span(event: OutboxEvent) -> Interval | None:
    """The appointment a booking event gave back to its artist's calendar (None for any
    other event): the booking's own for a cancellation, an expiry or a declined offer, and
    for a move the appointment it left (``change.previousStart``/``previousEnd``). A move
    recorded before its event carried them says where it moved from in its reason
    (``lifecycle.reschedule``); its length is then taken to be the new appointment's."""
    if event.type not in FREEING_EVENT_TYPES:
        return None
    booking, change = event.data.get(BOOKING), event.data.get("change")
    if not isinstance(booking, Mapping) or not isinstance(change, Mapping):
        return None
    start, end = _moment(booking.get("start")), _moment(booking.get("end"))
    if start is None or end is None or end <= start:
        return None
    if event.type != "booking.rescheduled":
        return Interval(start, end)
    left, left_end = _moment(change.get("previousStart")), _moment(change.get("previousEnd"))
    if left is not None and left_end is not None:
        return Interval(left, left_end) if left < left_end else None
    reason = change.get("reason")
    if not isinstance(reason, str) or not reason.startswith(_MOVED_FROM):
        return None
    old = _moment(reason.removeprefix(_MOVED_FROM))
    return None if old is None else Interval(old, old + (end - start))


def _moment(value: JsonValue) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _id(value: JsonValue) -> UUID | None:
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def booking_event_type(entry: HistoryEntry) -> str:
    confirms = entry.to_status is BookingStatus.CONFIRMED
    if confirms and entry.from_status is not BookingStatus.CONFIRMED:
        return "booking.confirmed"
    return f"booking.{entry.kind.value}"


def booking_subject(booking_id: BookingId) -> str:
    """The subject of a booking's outbox events and the target of its audit entries: what a
    storage's write of a change of the booking finds the change's records by."""
    return subject_of(BOOKING, booking_id)


def booking_outbox_event(booking: Booking, entry: HistoryEntry) -> OutboxEvent:
    """The outbox event of ``entry``, which brought ``booking`` to its current version."""
    return OutboxEvent(
        id=EventId(new_uuid7(int(entry.at.timestamp() * 1000))),
        type=booking_event_type(entry),
        occurred_at=entry.at,
        subject=booking_subject(booking.id),
        sequence=entry.version,
        data={"booking": _booking_data(booking), "change": _change_data(entry)},
        audience=tuple(u for u in (booking.customer_id, booking.artist_user_id) if u is not None),
    )


def booking_audit_entry(booking: Booking, entry: HistoryEntry) -> AuditEntry:
    """The audit entry of ``entry``: its type as action, by the entry's actor (None: the
    system), the status before and the status, payment status, reason and amount after."""
    before = None if entry.from_status is None else {"status": entry.from_status.value}
    after: dict[str, JsonValue] = {
        "status": entry.to_status.value,
        "paymentStatus": booking.payment_status.value,
        "version": entry.version,
    }
    if entry.reason:
        after["reason"] = entry.reason
    if entry.amount is not None:
        after["amount"] = _money(entry.amount)
    return audit_entry(
        booking_event_type(entry),
        booking_subject(booking.id),
        entry.at,
        actor_id=entry.actor_id,
        actor_role=entry.actor_role,
        before=before,
        after=after,
    )


def _instant(value: datetime | None) -> str | None:
    if value is None:
        return None
    return utc_text(value)


def _money(value: Money | None) -> JsonValue:
    return None if value is None else money_data(value)


def _booking_data(b: Booking) -> dict[str, JsonValue]:
    return {
        "id": str(b.id),
        "reference": b.reference,
        "artistId": str(b.artist_id),
        "customerId": None if b.customer_id is None else str(b.customer_id),
        "clientId": None if b.client_id is None else str(b.client_id),
        "serviceId": str(b.service_id),
        "start": _instant(b.start),
        "end": _instant(b.end),
        "status": b.status.value,
        "paymentStatus": b.payment_status.value,
        "holdExpiresAt": _instant(b.hold_expires_at),
        "deposit": _money(b.deposit),
        "amountPaid": _money(b.amount_paid),
        "amountRefunded": _money(b.amount_refunded),
        "refundDue": _money(b.refund_due),
        "cancellationReason": b.cancellation_reason,
        "offer": None if b.offer is None else b.offer.value,
        "version": b.version,
        "touchUpOf": None if b.touch_up_of is None else str(b.touch_up_of),
    }


def _change_data(e: HistoryEntry) -> dict[str, JsonValue]:
    change: dict[str, JsonValue] = {
        "kind": e.kind.value,
        "fromStatus": None if e.from_status is None else e.from_status.value,
        "toStatus": e.to_status.value,
        "reason": e.reason,
        "amount": _money(e.amount),
        "actor": None
        if e.actor_id is None or e.actor_role is None
        else {"userId": str(e.actor_id), "role": e.actor_role.value},
    }
    if e.moved_from is not None:  # a move: the appointment it left (docs/events.md)
        change["previousStart"] = utc_text(e.moved_from.start)
        change["previousEnd"] = utc_text(e.moved_from.end)
    return change
