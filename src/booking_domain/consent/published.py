"""What a consent's changes tell the world: ``consent.signed`` and ``consent.id_checked``;
subject ``consent/<id>``, numbered by the consent's version; heard by the booking's customer
and its artist (a client record's booking: its artist alone) and admins.

The data says who signed when and what was checked, never the answers, the typed name, the
address or the user agent: those stay behind the API, where only the booking's parties and
admins read them. ``data.booking`` names the booking as messages about it need."""

from __future__ import annotations

from booking_domain.bookings import Booking
from booking_domain.consent.consents import ConsentChange, ConsentEvent
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

CONSENT = "consent"
CONSENT_EVENT_TYPES = frozenset(f"{CONSENT}.{change.value}" for change in ConsentChange)


def consent_outbox_event(event: ConsentEvent, booking: Booking) -> OutboxEvent:
    c = event.consent
    check = c.id_check
    consent: dict[str, JsonValue] = {
        "id": str(c.id),
        "bookingId": str(c.booking_id),
        "artistId": str(c.artist_id),
        "customerId": None if c.customer_id is None else str(c.customer_id),
        "clientId": None if c.client_id is None else str(c.client_id),
        "formId": str(c.form_id),
        "formVersion": c.form_version,
        "status": c.status.value,
        "signedAt": utc_text(c.signature.signed_at),
        "inPerson": c.signature.in_person,
        "idDocument": None if check is None else check.document.value,
        "idCheckedAt": None if check is None else utc_text(check.checked_at),
        "version": c.version,
    }
    audience = (c.artist_user_id,) if c.customer_id is None else (c.customer_id, c.artist_user_id)
    return OutboxEvent(
        id=EventId(new_uuid7(int(event.at.timestamp() * 1000))),
        type=f"{CONSENT}.{event.change.value}",
        occurred_at=event.at,
        subject=subject_of(CONSENT, c.id),
        sequence=c.version,
        data={
            "consent": consent,
            "booking": {
                "id": str(booking.id),
                "reference": booking.reference,
                "artistId": str(booking.artist_id),
                "customerId": None if booking.customer_id is None else str(booking.customer_id),
                "clientId": None if booking.client_id is None else str(booking.client_id),
                "start": utc_text(booking.start),
                "end": utc_text(booking.end),
                "status": booking.status.value,
            },
            "change": {
                "kind": event.change.value,
                "actor": {"userId": str(event.actor.user_id), "role": event.actor.role.value},
            },
        },
        audience=audience,
    )
