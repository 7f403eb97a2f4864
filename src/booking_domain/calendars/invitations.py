"""Which booking messages carry an invitation (an ``.ics`` with an iTIP ``METHOD``), and
which one.

- ``booking.confirmed``: ``REQUEST`` (the appointment to put in one's calendar);
- ``booking.rescheduled`` of a confirmed booking: ``REQUEST`` again, with the new times and
  a higher ``SEQUENCE`` (calendar apps move the event they have);
- ``booking.cancelled`` of a booking that was confirmed: ``CANCEL`` (calendar apps drop it).

A request that is still pending, or one cancelled before it was confirmed, was never put in
anyone's calendar by an invitation, so its messages carry none. The event is the feed's
(``events.booking_event``): the same ``UID`` and ``SEQUENCE``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from booking_domain.bookings import BookingStatus


class InvitationMethod(StrEnum):
    """RFC 5546's methods an organizer sends."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


INVITING_KINDS = frozenset({"booking.confirmed", "booking.rescheduled", "booking.cancelled"})


def invitation_method(
    kind: str, status: BookingStatus | None, from_status: BookingStatus | None
) -> InvitationMethod | None:
    """The method of the invitation a ``kind`` message attaches (None: no invitation);
    ``status`` is the booking's after the change, ``from_status`` before it."""
    if kind == "booking.confirmed" and status is BookingStatus.CONFIRMED:
        return InvitationMethod.REQUEST
    if kind == "booking.rescheduled" and status is BookingStatus.CONFIRMED:
        return InvitationMethod.REQUEST
    if kind == "booking.cancelled" and from_status is BookingStatus.CONFIRMED:
        return InvitationMethod.CANCEL
    return None


@dataclass(frozen=True, slots=True)
class Attendee:
    """A party of an invitation: a name and a mail address (``ORGANIZER``, ``ATTENDEE``)."""

    name: str
    email: str
