"""What the booking's artist (or an admin) may do with it now: the actions a console offers.

The same rules as the transitions themselves (``lifecycle``), asked ahead so that a screen
offers only what would be accepted (the transition still decides, and a race between the
offer and the tap still gets its refusal):

- a request waiting for approval, its hold still running: **approve** or **decline**;
- any other pending or confirmed booking: **cancel** (the artist's cancellation refunds
  everything paid: ``cancellation_refund``);
- pending or confirmed, its hold running, not a waitlist offer still to answer and not a
  session of a project (those move with their project): **move**, while it has not started;
- confirmed and started: **complete** (the consent gate may still refuse it) or
  **no-show**.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.status import Awaiting, BookingStatus
from booking_domain.shared.time import require_aware


class StaffAction(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    CANCEL = "cancel"
    MOVE = "move"
    COMPLETE = "complete"
    NO_SHOW = "no_show"


# The status each action asks for (``ChangeBookingStatus``); moving keeps the status.
STATUS_OF_ACTION: dict[StaffAction, BookingStatus] = {
    StaffAction.APPROVE: BookingStatus.CONFIRMED,
    StaffAction.DECLINE: BookingStatus.CANCELLED,
    StaffAction.CANCEL: BookingStatus.CANCELLED,
    StaffAction.COMPLETE: BookingStatus.COMPLETED,
    StaffAction.NO_SHOW: BookingStatus.NO_SHOW,
}


def staff_actions(booking: Booking, now: datetime) -> tuple[StaffAction, ...]:
    """The actions the booking's artist may take on it at ``now``, in the order a screen
    shows them (the module's docstring has the rules)."""
    now = require_aware(now, "now")
    status = booking.status
    if status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED):
        return ()
    expired = booking.hold_expired(now)
    actions: list[StaffAction] = []
    if Awaiting.APPROVAL in booking.waiting_for and not expired:
        actions += (StaffAction.APPROVE, StaffAction.DECLINE)
    else:
        actions.append(StaffAction.CANCEL)
    started = now >= booking.start
    movable = not expired and not booking.offered and booking.project_id is None
    if movable and not started:
        actions.append(StaffAction.MOVE)
    if status is BookingStatus.CONFIRMED and started:
        actions += (StaffAction.COMPLETE, StaffAction.NO_SHOW)
    return tuple(actions)
