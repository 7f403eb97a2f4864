"""What a waitlist entry's changes tell the world: ``waitlist.<change>`` (``joined``,
``left``, ``offered``, ``accepted``, ``declined``, ``lapsed``, ``withdrawn``), subject
``waitlist/<id>``, numbered by the entry's version, heard by its customer (and admins).
The offer's booking has its own ``booking.*`` events, which its artist hears."""

from __future__ import annotations

from datetime import datetime

from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text
from booking_domain.waitlist.entries import Offer, WaitlistChange, WaitlistEntry

WAITLIST = "waitlist"
WAITLIST_EVENT_TYPES = frozenset(f"{WAITLIST}.{change.value}" for change in WaitlistChange)


def waitlist_outbox_event(
    entry: WaitlistEntry, change: WaitlistChange, actor: Actor | None, at: datetime
) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(new_uuid7(int(at.timestamp() * 1000))),
        type=f"{WAITLIST}.{change.value}",
        occurred_at=at,
        subject=subject_of(WAITLIST, entry.id),
        sequence=entry.version,
        data={
            "waitlist": entry_data(entry),
            "change": {
                "kind": change.value,
                "actor": None
                if actor is None
                else {"userId": str(actor.user_id), "role": actor.role.value},
            },
        },
        audience=(entry.customer_id,),
    )


def entry_data(e: WaitlistEntry) -> dict[str, JsonValue]:
    return {
        "id": str(e.id),
        "customerId": str(e.customer_id),
        "artistId": str(e.artist_id),
        "serviceId": str(e.service_id),
        "firstDate": e.dates.first.isoformat(),
        "lastDate": e.dates.last.isoformat(),
        "status": e.status.value,
        "joinedAt": utc_text(e.joined_at),
        "updatedAt": utc_text(e.updated_at),
        "version": e.version,
        "offer": None if e.offer is None else _offer_data(e.offer),
    }


def _offer_data(o: Offer) -> dict[str, JsonValue]:
    return {
        "bookingId": str(o.booking_id),
        "start": utc_text(o.start),
        "until": utc_text(o.until),
        "madeAt": utc_text(o.made_at),
        "answeredAt": None if o.answered_at is None else utc_text(o.answered_at),
    }
