"""Free touch-ups: a second, free session of a completed booking (docs/aftercare.md).

- Only a ``completed`` booking has one, and a touch-up has none of its own.
- Its artist offers touch-ups (``AftercareSettings.touch_up_days`` > 0), and the touch-up
  starts no later than that many days after the original session's start (the boundary
  included), by the artist's settings when it is booked or moved.
- One per original: a touch-up that is not cancelled (pending, confirmed, completed,
  no-show, disputed) takes the right; a cancelled (or expired) one frees it again.
- Its customer books it for themself, or its artist books it for the original's customer
  or client record (the artist's booking is its approval); admins and anyone else are
  refused (403), as for any booking's creation.
- It is for the original's service (its duration and buffers), at price zero with no
  deposit, by every scheduling rule of a booking; whether the customer's request awaits
  the artist's approval is the service's rule, as for any request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings.booking import Booking, require_role
from booking_domain.bookings.clients import BookedFor
from booking_domain.bookings.creation import SessionTerms
from booking_domain.bookings.errors import TouchUpNotAvailableError, TouchUpTakenError
from booking_domain.bookings.status import BookingStatus
from booking_domain.catalog import AftercareSettings
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

_MAKERS = frozenset({Role.CUSTOMER, Role.ARTIST})


class TouchUpRefusal(StrEnum):
    NOT_COMPLETED = "not_completed"  # the original is not (or no longer) completed
    IS_TOUCH_UP = "is_touch_up"  # a touch-up is not touched up again
    NOT_OFFERED = "not_offered"  # the artist offers no touch-ups (a window of 0 days)
    WINDOW_CLOSED = "window_closed"  # the start lies past the window


def touch_up_deadline(original: Booking, settings: AftercareSettings) -> datetime:
    """The latest start of a touch-up of ``original``: its session's start plus the
    artist's window."""
    return original.start + settings.touch_up_window


def touch_up_refusal(
    original: Booking, settings: AftercareSettings, start: datetime | None = None
) -> TouchUpRefusal | None:
    """Why ``original`` takes no touch-up (at ``start``, when given), or None."""
    if original.touch_up_of is not None:
        return TouchUpRefusal.IS_TOUCH_UP
    if original.status is not BookingStatus.COMPLETED:
        return TouchUpRefusal.NOT_COMPLETED
    if not settings.offers_touch_ups:
        return TouchUpRefusal.NOT_OFFERED
    if start is not None and require_aware(start, "start") > touch_up_deadline(original, settings):
        return TouchUpRefusal.WINDOW_CLOSED
    return None


@dataclass(frozen=True, slots=True)
class TouchUpOffer:
    """What a party of a booking is told of its touch-up: whether one may be booked now
    (``refusal`` None and no live ``touch_up``), until when it may start, and the touch-up
    booked, if any."""

    original: Booking
    touch_up: Booking | None  # the live (not cancelled) touch-up
    deadline: datetime | None  # None: none is offered for this booking
    refusal: TouchUpRefusal | None

    @property
    def available(self) -> bool:
        return self.refusal is None and self.touch_up is None


def touch_up_offer(
    original: Booking, touch_up: Booking | None, settings: AftercareSettings, now: datetime
) -> TouchUpOffer:
    refusal = touch_up_refusal(original, settings, now)
    deadline = None
    if refusal not in (TouchUpRefusal.IS_TOUCH_UP, TouchUpRefusal.NOT_OFFERED):
        deadline = touch_up_deadline(original, settings)
    return TouchUpOffer(original, touch_up, deadline, refusal)


def touch_up_terms(
    original: Booking,
    touch_up: Booking | None,
    settings: AftercareSettings,
    *,
    by: Actor,
    start: datetime,
) -> tuple[SessionTerms, BookedFor]:
    """What ``by`` books a touch-up of ``original`` at ``start`` with: price zero and no
    deposit, for the original's customer or client record. Refused for anyone but the
    booking's customer and artist (``BookingActionNotAllowedError``), when a live touch-up
    exists (``TouchUpTakenError``), or by ``touch_up_refusal`` (``TouchUpNotAvailableError``
    with the reason). The slot's own rules are checked by the booking's creation."""
    require_role(original, by, _MAKERS)
    refusal = touch_up_refusal(original, settings, start)
    if refusal is not None:
        raise TouchUpNotAvailableError(refusal.value, _MESSAGES[refusal])
    if touch_up is not None:
        raise TouchUpTakenError()
    free = Money.zero(original.deposit.currency)
    return SessionTerms(price=free, deposit=free, touch_up_of=original.id), original.booked_for


def check_touch_up_move(
    original: Booking, settings: AftercareSettings, new_start: datetime
) -> None:
    """A touch-up moves only to a start inside its original's window (by the settings at
    the move): ``TouchUpNotAvailableError`` (``window_closed``, or ``not_offered`` when the
    artist stopped offering touch-ups) otherwise."""
    if not settings.offers_touch_ups:
        refusal = TouchUpRefusal.NOT_OFFERED
    elif require_aware(new_start, "start") > touch_up_deadline(original, settings):
        refusal = TouchUpRefusal.WINDOW_CLOSED
    else:
        return
    raise TouchUpNotAvailableError(refusal.value, _MESSAGES[refusal])


_MESSAGES = {
    TouchUpRefusal.NOT_COMPLETED: "Only a completed booking has a free touch-up.",
    TouchUpRefusal.IS_TOUCH_UP: "A touch-up has no touch-up of its own.",
    TouchUpRefusal.NOT_OFFERED: "This artist offers no free touch-ups.",
    TouchUpRefusal.WINDOW_CLOSED: "The touch-up must start within the artist's touch-up window.",
}
