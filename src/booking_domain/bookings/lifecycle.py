"""Booking transitions: who may do what, when, and what it costs.

Each function takes the booking, the acting party (None where the system acts) and ``now``,
and returns ``(new_booking, entry)``, ``entry`` its history entry; the input booking is
never changed. Refusals: :class:`BookingActionNotAllowedError` (not a party allowed to
act), :class:`InvalidTransitionError` (wrong state), and rule errors for the "when".
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings.booking import Booking, apply, require_role
from booking_domain.bookings.consent_gate import ConsentStanding, require_consent
from booking_domain.bookings.errors import (
    AppointmentNotStartedError,
    BookingActionNotAllowedError,
    HoldExpiredError,
    PaymentMismatchError,
    RefundOutOfRangeError,
    SessionOfProjectError,
    TooLateToChangeError,
)
from booking_domain.bookings.history import HistoryEntry, HistoryKind
from booking_domain.bookings.offers import decline_offer
from booking_domain.bookings.status import BookingStatus, PaymentStatus
from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.scheduling import BusyTimeline, Schedule, check_bookable
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

Result = tuple[Booking, HistoryEntry]
S = BookingStatus
K = HistoryKind
ANY_PARTY = frozenset({Role.CUSTOMER, Role.ARTIST, Role.ADMIN})
STAFF = frozenset({Role.ARTIST, Role.ADMIN})
EXPIRED = "expired"
ARTIST_SUSPENDED = "artist_suspended"
FLASH_TAKEN = "flash_design_taken"


def _require_status(booking: Booking, *allowed: BookingStatus) -> None:
    if booking.status not in allowed:
        raise InvalidTransitionError(f"Not possible while the booking is {booking.status}.")


def _require_live_hold(booking: Booking, now: datetime) -> None:
    if booking.hold_expired(now):
        raise HoldExpiredError()


def approve(booking: Booking, actor: Actor, now: datetime, policy: SchedulingPolicy) -> Result:
    """The artist (or an admin) accepts a request that needs approval.

    With a deposit the booking stays pending and the approval hold is replaced by a fresh
    deposit hold; without one it is confirmed now.
    """
    require_role(booking, actor, STAFF)
    _require_status(booking, S.PENDING)
    if not booking.requires_approval or booking.approved or booking.offered:
        raise InvalidTransitionError("This booking is not waiting for approval.")
    _require_live_hold(booking, now)
    if booking.deposit.is_zero:
        return apply(
            booking,
            kind=K.APPROVED,
            now=now,
            actor=actor,
            approved=True,
            status=S.CONFIRMED,
            hold_expires_at=None,
        )
    hold = require_aware(now, "now") + policy.deposit_hold
    return apply(
        booking, kind=K.APPROVED, now=now, actor=actor, approved=True, hold_expires_at=hold
    )


def mark_invoiced(booking: Booking, now: datetime) -> Result:
    """A deposit invoice was issued (the payment adapter's business; the booking notes it)."""
    if not booking.awaiting_deposit:
        raise InvalidTransitionError("This booking is not awaiting a deposit.")
    _require_live_hold(booking, now)
    return apply(
        booking, kind=K.INVOICED, now=now, actor=None, payment_status=PaymentStatus.INVOICED
    )


def record_payment(
    booking: Booking, amount: Money, now: datetime, *, covered: Money | None = None
) -> Result:
    """A verified payment arrived for this booking.

    Awaiting its deposit with a live hold: the exact deposit confirms the booking (a different
    amount is refused); ``covered`` is what loyalty points paid of it, so the payment is the
    rest (the booking holds the money paid, not the points). A pending booking whose hold
    has expired is refused: expire it first, then record the payment. A booking past pending
    (cancelled, expired, already paid ...)
    keeps the money on record and owes all of it back: a payment is never lost and never
    confirms a booking that no longer holds its slot.
    """
    if booking.status is S.PENDING:
        if booking.hold_expired(now):
            raise HoldExpiredError("The hold has expired: expire the booking, then record this.")
        if not booking.awaiting_deposit:
            raise InvalidTransitionError("This booking is not awaiting a payment yet.")
        expected = booking.deposit if covered is None else booking.deposit - covered
        if amount != expected:
            raise PaymentMismatchError(f"Expected {expected}, received {amount}.")
        return apply(
            booking,
            kind=K.PAYMENT_RECORDED,
            now=now,
            actor=None,
            amount=amount,
            status=S.CONFIRMED,
            payment_status=PaymentStatus.PAID,
            hold_expires_at=None,
            amount_paid=amount,
        )
    return apply(
        booking,
        kind=K.PAYMENT_RECORDED,
        now=now,
        actor=None,
        amount=amount,
        reason="unexpected_payment",
        payment_status=PaymentStatus.PAID,
        amount_paid=booking.amount_paid + amount,
        refund_due=booking.refund_due + amount,
    )


def expire_hold(booking: Booking, now: datetime) -> Result:
    """The system cancels a pending booking whose hold ran out (reason ``expired``)."""
    _require_status(booking, S.PENDING)
    if not booking.hold_expired(now):
        raise InvalidTransitionError("The hold has not expired yet.")
    return apply(
        booking,
        kind=K.EXPIRED,
        now=now,
        actor=None,
        reason=EXPIRED,
        status=S.CANCELLED,
        cancellation_reason=EXPIRED,
        hold_expires_at=None,
        refund_due=booking.refund_due + booking.platform_refundable,
    )


def withdraw_taken_flash(booking: Booking, now: datetime) -> Result:
    """The system cancels a pending booking of a size of a one-off flash design that another
    booking claimed first (reason ``flash_design_taken``): it can never be confirmed, so it
    gives up its slot and everything paid is owed back (a deposit arriving for it)."""
    _require_status(booking, S.PENDING)
    return apply(
        booking,
        kind=K.CANCELLED,
        now=now,
        actor=None,
        reason=FLASH_TAKEN,
        amount=booking.platform_refundable,
        status=S.CANCELLED,
        cancellation_reason=FLASH_TAKEN,
        hold_expires_at=None,
        refund_due=booking.refund_due + booking.platform_refundable,
    )


def cancellation_refund(
    booking: Booking, role: Role, now: datetime, policy: SchedulingPolicy
) -> Money:
    """What a cancellation by ``role`` gives back, by the product's policy (docs/product.md,
    "4. Bookings").

    The customer gets the deposit back when cancelling at least the free-cancellation notice
    ahead (exactly at the boundary counts as in time), nothing later; the artist's
    cancellation refunds everything paid. Admins state the amount themselves. All of it is
    ``platform_refundable``: money the artist took in the studio goes back by hand.
    """
    if role is Role.ARTIST:
        return booking.platform_refundable
    in_time = booking.start - require_aware(now, "now") >= policy.free_cancellation_notice
    return booking.platform_refundable if in_time else Money.zero(booking.deposit.currency)


def cancel(
    booking: Booking,
    actor: Actor,
    now: datetime,
    policy: SchedulingPolicy,
    *,
    reason: str | None = None,
    refund: Money | None = None,
) -> Result:
    """A party cancels a pending or confirmed booking; the refund owed goes into the entry.
    A customer's cancellation of a waitlist offer still to answer is its decline
    (``offers.decline_offer``: nothing was paid, the event is ``booking.offer_declined``).

    ``refund`` is for admins only, who must give it (0 .. ``platform_refundable``); for
    customers and artists the policy decides and passing one is refused."""
    role = require_role(booking, actor, ANY_PARTY)
    _require_status(booking, S.PENDING, S.CONFIRMED)
    if role is Role.CUSTOMER and booking.offered and not booking.hold_expired(now):
        return decline_offer(booking, actor, now)
    if role is Role.ADMIN:
        most = booking.platform_refundable
        if refund is None or not refund <= most:
            raise RefundOutOfRangeError(f"State a refund between 0 and {most}.")
        owed = refund
    elif refund is not None:
        raise BookingActionNotAllowedError("The cancellation policy sets the refund.")
    else:
        owed = cancellation_refund(booking, role, now, policy)
    return apply(
        booking,
        kind=K.CANCELLED,
        now=now,
        actor=actor,
        reason=reason,
        amount=owed,
        status=S.CANCELLED,
        cancellation_reason=reason or f"cancelled_by_{role}",
        hold_expires_at=None,
        refund_due=booking.refund_due + owed,
    )


def cancel_for_suspension(
    booking: Booking, admin: Actor, now: datetime, policy: SchedulingPolicy
) -> Result:
    """An admin suspended the artist: a pending or confirmed booking that has not started is
    cancelled (reason ``artist_suspended``) with everything paid owed back, whatever the
    cancellation policy says; one that has started is left to its artist and admins."""
    if not admin.is_admin:
        raise BookingActionNotAllowedError("Only an admin suspends an artist.")
    if booking.start <= require_aware(now, "now"):
        raise InvalidTransitionError("A booking that has started is not cancelled by a suspension.")
    owed = booking.platform_refundable
    return cancel(booking, admin, now, policy, reason=ARTIST_SUSPENDED, refund=owed)


def _close(
    booking: Booking,
    actor: Actor,
    now: datetime,
    to: BookingStatus,
    consent: ConsentStanding = ConsentStanding.NOT_REQUIRED,
) -> Result:
    require_role(booking, actor, STAFF)
    _require_status(booking, S.CONFIRMED)
    if require_aware(now, "now") < booking.start:
        raise AppointmentNotStartedError()
    require_consent(consent)
    kind = K.COMPLETED if to is S.COMPLETED else K.NO_SHOW
    return apply(booking, kind=kind, now=now, actor=actor, status=to)


def complete(
    booking: Booking,
    actor: Actor,
    now: datetime,
    consent: ConsentStanding = ConsentStanding.NOT_REQUIRED,
) -> Result:
    """The artist or an admin marks a confirmed booking done, once it has started, and,
    when its artist requires a consent form, once it is signed and the customer's photo ID
    checked (``consent``: the ``ConsentGate``'s answer; docs/consent.md)."""
    return _close(booking, actor, now, S.COMPLETED, consent)


def mark_no_show(booking: Booking, actor: Actor, now: datetime) -> Result:
    """The artist or an admin records that the customer did not come (after the start)."""
    return _close(booking, actor, now, S.NO_SHOW)


def record_refund(booking: Booking, amount: Money, now: datetime) -> Result:
    """The gateway paid out ``amount`` of what the booking owes back."""
    if amount.is_zero or not amount <= booking.refund_due:
        raise RefundOutOfRangeError(f"Refund {amount} is not within what is owed.")
    refunded = booking.amount_refunded + amount
    paid_back = refunded == booking.amount_paid
    status = PaymentStatus.REFUNDED if paid_back else PaymentStatus.PARTIALLY_REFUNDED
    return apply(
        booking,
        kind=K.REFUND_RECORDED,
        now=now,
        actor=None,
        amount=amount,
        payment_status=status,
        amount_refunded=refunded,
        refund_due=booking.refund_due - amount,
    )


def mark_balance_invoiced(booking: Booking, amount: Money, now: datetime) -> Result:
    """A balance invoice of ``amount`` was issued after the session (the payment adapter's
    business; the booking notes it, as it notes a deposit invoice)."""
    _require_status(booking, S.COMPLETED)
    return apply(booking, kind=K.BALANCE_INVOICED, now=now, actor=None, amount=amount)


def record_balance_payment(
    booking: Booking, amount: Money, full_price: Money, now: datetime
) -> Result:
    """A verified payment of the balance invoice of a completed booking: the money is
    kept (it is the rest of the price, not owed back) and the full price it settles (the
    price plus the adjustment) is noted; the status stays ``completed``."""
    _require_status(booking, S.COMPLETED)
    if amount.is_zero:
        raise PaymentMismatchError("A balance payment moves some money.")
    return apply(
        booking,
        kind=K.BALANCE_PAID,
        now=now,
        actor=None,
        amount=amount,
        payment_status=PaymentStatus.PAID,
        amount_paid=booking.amount_paid + amount,
        full_price=full_price,
    )


def settle_balance(
    booking: Booking, actor: Actor, full_price: Money, reason: str | None, now: datetime
) -> Result:
    """The artist (or an admin) asked for the balance of a completed booking and nothing was
    left to pay (it holds the price plus the adjustment already): no invoice is made, the full
    price is noted (the entry keeps it and the adjustment's reason) and the booking is paid
    in full; the status stays ``completed``."""
    require_role(booking, actor, STAFF)
    _require_status(booking, S.COMPLETED)
    return apply(
        booking,
        kind=K.PAID_IN_FULL,
        now=now,
        actor=actor,
        reason=reason,
        amount=full_price,
        full_price=full_price,
    )


def reschedule(
    booking: Booking,
    actor: Actor,
    now: datetime,
    *,
    new_start: datetime,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    through_project: bool = False,
) -> Result:
    """Move a pending or confirmed booking to another offered start, keeping its deposit.

    A session of a project is moved only through its project (``through_project``: the
    project's rules were kept), else ``SessionOfProjectError``.

    Customers must ask at least the free-cancellation notice before the current start;
    artists and admins may always. The new start must be offered by the same rules as a new
    booking; the booking's own old slot does not count as busy (it is freed by the move).
    A move to the start the booking has already is refused: it would tell both parties of a
    change that changes nothing, and spend a move.
    """
    role = require_role(booking, actor, ANY_PARTY)
    now = require_aware(now, "now")
    if booking.project_id is not None and not through_project:
        raise SessionOfProjectError()
    if booking.offered:
        raise InvalidTransitionError("Accept or decline the offer before moving it.")
    _require_status(booking, S.PENDING, S.CONFIRMED)
    _require_live_hold(booking, now)
    if role is Role.CUSTOMER and booking.start - now < policy.free_cancellation_notice:
        raise TooLateToChangeError()
    if service.id != booking.service_id:
        raise InvalidTransitionError("Reschedule with the booking's own service.")
    if require_aware(new_start, "new_start") == booking.start:
        raise InvalidTransitionError("The booking already starts at that time.")
    free = busy.without(booking.blocked, booking.start)
    check_bookable(
        service=service, policy=policy, schedule=schedule, busy=free, start=new_start, now=now
    )
    start = require_aware(new_start, "new_start")
    blocked = service.blocked_span(start)
    return apply(
        booking,
        kind=K.RESCHEDULED,
        now=now,
        actor=actor,
        reason=f"moved from {booking.start.isoformat()}",
        moved_from=booking.appointment,
        start=start,
        end=start + service.duration,
        blocked_start=blocked.start,
        blocked_end=blocked.end,
    )
