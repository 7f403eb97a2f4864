"""What cancelling (or moving) a booking now would mean for the party asking, before they
do it: the policy's consequence, decided here so every client shows the same thing
(docs/product.md, "4. Bookings"; the booking page asks with it before it cancels)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings.booking import Booking, require_role
from booking_domain.bookings.lifecycle import ANY_PARTY, cancellation_refund
from booking_domain.bookings.status import BookingStatus
from booking_domain.catalog import SchedulingPolicy
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware


@dataclass(frozen=True, slots=True)
class CancellationQuote:
    """A cancellation's consequence, were it made at ``now`` by the party asked for.

    - ``refund``: what would be given back (what ``lifecycle.cancel`` then owes);
    - ``kept``: what is paid and would not be given back (``refundable - refund``);
    - ``free_until``: the last moment the customer cancels with the deposit back, or moves
      the booking (the start less the free-cancellation notice);
    - ``may_move``: whether this party may move the booking now (a customer only until
      ``free_until``; never a waitlist offer still to answer, nor a hold that ran out).

    An admin states the refund when cancelling: their quote gives the most they may give.
    """

    refund: Money
    kept: Money
    free_until: datetime
    may_move: bool


def quote_cancellation(
    booking: Booking, actor: Actor, now: datetime, policy: SchedulingPolicy
) -> CancellationQuote:
    """The consequence of cancelling ``booking`` now, by the same rule ``cancel`` applies.
    Only a pending or confirmed booking may be cancelled: any other is refused as
    ``cancel`` refuses it."""
    role = require_role(booking, actor, ANY_PARTY)
    now = require_aware(now, "now")
    if booking.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED):
        raise InvalidTransitionError(f"A {booking.status} booking cannot be cancelled.")
    refundable = booking.platform_refundable
    refund = refundable if role is Role.ADMIN else cancellation_refund(booking, role, now, policy)
    free_until = booking.start - policy.free_cancellation_notice
    in_time = role is not Role.CUSTOMER or now <= free_until
    may_move = in_time and not booking.offered and not booking.hold_expired(now)
    return CancellationQuote(
        refund=refund, kept=refundable - refund, free_until=free_until, may_move=may_move
    )
