"""Waitlist offers: a freed time held for a waiting customer as a booking of their own.

The waitlist (a context above this one) finds the customer and the start; this module says
what such a booking is and how it moves, so the calendar's rules (the exclusion constraint,
holds and their expiry, the deposit) hold for it as for any booking:

- made by the system (``offer_booking``), ``pending`` under the offer's hold, with the
  service's price and deposit, ``offer`` = ``offered``: it blocks the time from everyone else
  while the customer decides, and nothing but their answer or a cancellation moves it (no
  approval, deposit invoice, payment or reschedule: ``Booking.offered``);
- accepted by its customer before the hold runs out (``accept_offer``): it goes on as the
  customer's own request would have started: pending under the approval hold if the
  service needs approval, else pending under the deposit hold if it has a deposit, else
  confirmed;
- declined by its customer (``decline_offer``): cancelled, reason ``offer_declined``;
- the hold runs out unanswered: the hold sweep expires it (reason ``expired``), as any hold.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from booking_domain.bookings.booking import Booking, apply, require_role
from booking_domain.bookings.creation import one_off_design
from booking_domain.bookings.errors import BookingActionNotAllowedError, HoldExpiredError
from booking_domain.bookings.history import HistoryEntry, HistoryKind
from booking_domain.bookings.status import BookingStatus, OfferStatus, PaymentStatus
from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.scheduling import BusyTimeline, Schedule, check_bookable
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

OFFER_DECLINED = "offer_declined"
_CUSTOMER = frozenset({Role.CUSTOMER})

Result = tuple[Booking, HistoryEntry]


def offer_booking(
    *,
    booking_id: BookingId,
    reference: str,
    customer_id: UserId,
    artist_user_id: UserId,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    start: datetime,
    now: datetime,
    hold: timedelta,
) -> Result:
    """The system holds ``start`` of ``service`` for ``customer_id`` until ``now + hold``:
    refused (``NotBookableError``) unless the start is offered by the scheduling rules now,
    as for any booking."""
    start, now = require_aware(start, "start"), require_aware(now, "now")
    if hold <= timedelta(0):
        raise ValueError("an offer's hold must be positive")
    check_bookable(
        service=service, policy=policy, schedule=schedule, busy=busy, start=start, now=now
    )
    artist_id: ArtistId = service.artist_id
    zero = Money.zero(service.deposit_amount.currency)
    blocked = service.blocked_span(start)
    booking = Booking(
        id=booking_id,
        reference=reference,
        artist_id=artist_id,
        artist_user_id=artist_user_id,
        customer_id=customer_id,
        service_id=service.id,
        start=start,
        end=start + service.duration,
        blocked_start=blocked.start,
        blocked_end=blocked.end,
        status=BookingStatus.PENDING,
        payment_status=PaymentStatus.UNPAID,
        hold_expires_at=now + hold,
        requires_approval=service.needs_approval,
        approved=False,
        deposit=service.deposit_amount,
        amount_paid=zero,
        amount_refunded=zero,
        refund_due=zero,
        version=1,
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        price=service.price,
        one_off_design_id=one_off_design(service),
        offer=OfferStatus.OFFERED,
    )
    entry = HistoryEntry(
        booking.id, 1, HistoryKind.OFFERED, now, None, None, None, BookingStatus.PENDING
    )
    return booking, entry


def _require_open_offer(booking: Booking, actor: Actor, now: datetime) -> None:
    """Its customer's, held still: a hold that ran out is ``HoldExpiredError`` whether the
    sweep expired the booking yet or not."""
    require_role(booking, actor, _CUSTOMER)
    if booking.hold_expired(require_aware(now, "now")) or _lapsed(booking):
        raise HoldExpiredError("The offer's hold ran out; it went to the next in line.")
    if not booking.offered:
        raise InvalidTransitionError("This booking is not an offer waiting for an answer.")


def _lapsed(booking: Booking) -> bool:
    """An offer the hold sweep expired unanswered."""
    expired = booking.cancellation_reason == HistoryKind.EXPIRED.value
    return booking.offer is OfferStatus.OFFERED and expired


def accept_offer(booking: Booking, actor: Actor, now: datetime, policy: SchedulingPolicy) -> Result:
    """Its customer takes the offer while its hold lasts (anyone else:
    ``BookingActionNotAllowedError``; answered already: ``InvalidTransitionError``; too
    late: ``HoldExpiredError``). It then stands as the customer's own request would: the
    approval hold, else the deposit hold, else confirmed."""
    _require_open_offer(booking, actor, now)
    kind, accepted = HistoryKind.OFFER_ACCEPTED, OfferStatus.ACCEPTED
    if booking.requires_approval or not booking.deposit.is_zero:
        wait = policy.approval_hold if booking.requires_approval else policy.deposit_hold
        return apply(
            booking, kind=kind, now=now, actor=actor, hold_expires_at=now + wait, offer=accepted
        )
    return apply(
        booking,
        kind=kind,
        now=now,
        actor=actor,
        status=BookingStatus.CONFIRMED,
        hold_expires_at=None,
        offer=accepted,
    )


def decline_offer(booking: Booking, actor: Actor, now: datetime) -> Result:
    """Its customer turns the offer down while it waits for the answer: cancelled, reason
    ``offer_declined`` (nothing was paid: an offer takes no payment before it is
    accepted). After the hold ran out there is nothing to decline (``HoldExpiredError``)."""
    _require_open_offer(booking, actor, now)
    if not booking.amount_paid.is_zero:  # guarded by ``Booking.offered``; kept as a check
        raise BookingActionNotAllowedError("An offer with money on it is cancelled, not declined.")
    return apply(
        booking,
        kind=HistoryKind.OFFER_DECLINED,
        now=now,
        actor=actor,
        reason=OFFER_DECLINED,
        status=BookingStatus.CANCELLED,
        cancellation_reason=OFFER_DECLINED,
        hold_expires_at=None,
    )
