"""Invitations: which booking emails carry one and with which iTIP method, written so that
a strict RFC 5545 parser reads them back with the feed's UID and SEQUENCE, and attached to
the email as ``invite.ics`` (``text/calendar`` with its method)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from typing import cast
from uuid import UUID

import pytest
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus as IcalStatus

from adapters.icalendar_writer.writer import IcsCalendarWriter
from adapters.notifications.email_mime import parse_sender
from adapters.notifications.email_text import mime_bytes
from booking_domain.bookings import BookingStatus
from booking_domain.calendars import (
    Attendee,
    EventFacts,
    InvitationMethod,
    booking_event,
    invitation_method,
)
from booking_domain.notifications.messages import EmailMessage, Invitation
from booking_domain.shared import BookingId

S = BookingStatus
NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
BOOKING = BookingId(UUID("018f0000-0000-7000-8000-0000000000b1"))


@pytest.mark.parametrize(
    ("kind", "status", "before", "method"),
    [
        ("booking.confirmed", S.CONFIRMED, S.PENDING, InvitationMethod.REQUEST),
        ("booking.confirmed", S.CONFIRMED, None, InvitationMethod.REQUEST),  # booked confirmed
        ("booking.rescheduled", S.CONFIRMED, S.CONFIRMED, InvitationMethod.REQUEST),
        ("booking.rescheduled", S.PENDING, S.PENDING, None),  # never in a calendar yet
        ("booking.cancelled", S.CANCELLED, S.CONFIRMED, InvitationMethod.CANCEL),
        ("booking.cancelled", S.CANCELLED, S.PENDING, None),
        ("booking.requested", S.PENDING, None, None),
        ("booking.completed", S.COMPLETED, S.CONFIRMED, None),
    ],
)
def test_which_messages_invite(
    kind: str, status: S, before: S | None, method: InvitationMethod | None
) -> None:
    assert invitation_method(kind, status, before) is method


def invitation(method: InvitationMethod, version: int, status: S) -> str:
    facts = EventFacts(
        BOOKING, "INK-7K3M9Q", version, status, NOW + timedelta(days=3),
        NOW + timedelta(days=3, hours=2), "Asia/Ulaanbaatar", "Sleeve", "Ink Master",
    )  # fmt: skip
    return IcsCalendarWriter().invitation(
        booking_event(facts, stamp=NOW),
        method,
        organizer=Attendee("Ink Master", "no-reply@inkslot.test"),
        attendee=Attendee("Ада", "ada@example.com"),
    )


def test_a_request_and_its_cancel_name_one_event_with_a_growing_sequence() -> None:
    request = IcsCalendarStream.calendar_from_ics(
        invitation(InvitationMethod.REQUEST, 2, S.CONFIRMED)
    )
    cancel = IcsCalendarStream.calendar_from_ics(
        invitation(InvitationMethod.CANCEL, 3, S.CANCELLED)
    )
    assert (request.method, cancel.method) == ("REQUEST", "CANCEL")
    (asked,), (dropped,) = request.events, cancel.events
    assert asked.uid == dropped.uid == f"{BOOKING}@inkslot"
    assert (asked.sequence, dropped.sequence) == (1, 2)
    assert (asked.status, dropped.status) == (IcalStatus.CONFIRMED, IcalStatus.CANCELLED)
    assert asked.organizer is not None and asked.organizer.uri == "mailto:no-reply@inkslot.test"
    assert [a.uri for a in asked.attendees] == ["mailto:ada@example.com"]
    assert asked.attendees[0].common_name == "Ада"
    assert isinstance(asked.dtstart, datetime)
    assert str(asked.dtstart.tzinfo) == "Asia/Ulaanbaatar"


def mime_of(message: EmailMessage) -> Message:
    raw = mime_bytes(message, sender=parse_sender("Inkslot <hello@inkslot.test>"), now=NOW)
    return message_from_bytes(raw)


def test_an_invitation_is_attached_as_a_calendar_part_with_its_method() -> None:
    ics = invitation(InvitationMethod.REQUEST, 1, S.CONFIRMED)
    message = EmailMessage(
        "<n1@inkslot.test>", "ada@example.com", "Ada", "Booking INK-7K3M9Q is confirmed",
        "text", "<p>html</p>", "en", Invitation("REQUEST", ics),
    )  # fmt: skip
    mime = mime_of(message)
    assert mime.get_content_type() == "multipart/mixed"
    body, attached = cast(list[Message], mime.get_payload())
    assert body.get_content_type() == "multipart/alternative"
    assert attached.get_content_type() == "text/calendar"
    assert attached.get_param("method") == "REQUEST"
    assert attached.get_filename() == "invite.ics"
    text = cast(bytes, attached.get_payload(decode=True)).decode()
    (event,) = IcsCalendarStream.calendar_from_ics(text).events
    assert event.uid == f"{BOOKING}@inkslot"


def test_a_message_without_an_invitation_keeps_its_shape() -> None:
    message = EmailMessage("<n2@inkslot.test>", "ada@example.com", "Ada", "Hi", "t", "h", "en")
    assert mime_of(message).get_content_type() == "multipart/alternative"
