"""The calendar invitation a booking email carries (docs/calendars.md): the confirmation's
and a move's ``METHOD:REQUEST``, a cancellation's ``METHOD:CANCEL`` (which messages carry
one: ``calendars.invitation_method``). The event is the one the feeds show, from the
booking as the event left it: the same ``UID``, and the ``SEQUENCE`` of the version the
change made.

Made when the email is sent, never on the booking's own request, and only for the three
kinds of email that carry one: the rest of the pipeline pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from booking_domain.bookings import BookingStatus
from booking_domain.calendars import (
    INVITING_KINDS,
    Attendee,
    CalendarWriter,
    EventFacts,
    booking_event,
    invitation_method,
)
from booking_domain.notifications.facts import BookingFacts, Recipient, booking_url
from booking_domain.notifications.messages import Invitation
from booking_domain.notifications.notifications import Notification
from booking_domain.notifications.rules import Channel, Party
from booking_domain.shared.outbox import JsonValue


def invitation_for(
    n: Notification,
    recipient: Recipient,
    booking: BookingFacts | None,
    writer: CalendarWriter | None,
    *,
    app_url: str,
    mail_domain: str,
    now: datetime,
) -> Invitation | None:
    """The invitation ``n``'s email carries (None: it carries none)."""
    if writer is None or booking is None or n.kind not in INVITING_KINDS:
        return None
    if n.channel is not Channel.EMAIL or not recipient.email:
        return None
    snapshot, change = _part(n.data, "booking"), _part(n.data, "change")
    status = _status(snapshot.get("status"))
    method = invitation_method(n.kind, status, _status(change.get("fromStatus")))
    version = snapshot.get("version")
    if method is None or status is None or not isinstance(version, int):
        return None
    other = booking.artist_name if n.party is Party.CUSTOMER else booking.customer_name
    facts = EventFacts(
        booking_id=booking.booking_id,
        reference=booking.reference,
        version=version,
        status=status,
        start=_instant(snapshot.get("start")) or booking.start,
        end=_instant(snapshot.get("end")) or booking.end,
        time_zone=booking.time_zone,
        service_name=booking.service_name,
        other_party=other,
        # A client record has no account, so no app to open the booking in.
        url=booking_url(app_url, booking.booking_id) if recipient.has_account else None,
    )
    ics = writer.invitation(
        booking_event(facts, stamp=now),
        method,
        organizer=Attendee(booking.artist_name, f"no-reply@{mail_domain}"),
        attendee=Attendee(recipient.name, recipient.email),
    )
    return Invitation(method.value, ics)


def _part(data: Mapping[str, JsonValue], name: str) -> Mapping[str, JsonValue]:
    part = data.get(name)
    return part if isinstance(part, Mapping) else {}


def _status(value: JsonValue) -> BookingStatus | None:
    try:
        return BookingStatus(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _instant(value: JsonValue) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None
