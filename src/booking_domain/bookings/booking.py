"""The Booking aggregate: what is stored, when it blocks time, and how a request is made.

Transitions live in :mod:`booking_domain.bookings.lifecycle` (and disputes in
:mod:`booking_domain.disputes`); each returns the new booking and the one history entry it produced.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from booking_domain.bookings.clients import BookedFor, ClientId
from booking_domain.bookings.errors import BookingActionNotAllowedError
from booking_domain.bookings.history import HistoryEntry, HistoryKind, actor_fields
from booking_domain.bookings.status import (
    CLOSED,
    TRANSITIONS,
    Awaiting,
    BookingStatus,
    OfferStatus,
    PaymentStatus,
)
from booking_domain.catalog import FlashDesignId
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, DisputeId, ServiceId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import Interval, require_aware

__all__ = [
    "DISPUTE_WINDOW",
    "Booking",
    "BookingStatus",
    "PaymentStatus",
    "busy_timeline",
]

_INSTANTS = (
    "start",
    "end",
    "blocked_start",
    "blocked_end",
    "hold_expires_at",
    "created_at",
    "updated_at",
    "status_changed_at",
)

# A closed booking may be disputed by a party this long after it closed.
DISPUTE_WINDOW = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Booking:
    """One appointment of one person with one artist for one service.

    The person is a customer's account (``customer_id``) or, for a booking the artist made,
    one of the artist's client records (``client_id``): exactly one of the two is set.

    Money invariant: ``amount_refunded + refund_due <= amount_paid`` (``refund_due`` is what
    a cancellation or a dispute resolution owes and the gateway has not yet paid out).
    ``version`` counts the changes since creation (the request itself is version 1).
    """

    id: BookingId
    reference: str
    artist_id: ArtistId
    artist_user_id: UserId  # the artist's account: who may act as "the artist" here
    customer_id: UserId | None  # None: the booking is for the artist's client record
    service_id: ServiceId
    start: datetime
    end: datetime
    blocked_start: datetime  # start - buffer_before
    blocked_end: datetime  # end + buffer_after
    status: BookingStatus
    payment_status: PaymentStatus
    hold_expires_at: datetime | None  # set only while pending
    requires_approval: bool
    approved: bool
    deposit: Money
    amount_paid: Money
    amount_refunded: Money
    refund_due: Money
    version: int
    created_at: datetime
    updated_at: datetime
    status_changed_at: datetime
    notes: str = ""
    cancellation_reason: str | None = None
    dispute_id: DisputeId | None = None
    client_id: ClientId | None = None
    link_id: UUID | None = None  # the booking link (catalog) it was made through, if any
    # The price plus the artist's adjustment, less what loyalty points took off it (what
    # paying in full means in money), stated by the balance's payment (payments'
    # ``balance.py``); None until a balance is paid.
    full_price: Money | None = None
    # The service's price when the booking was made: what the balance is reckoned from, so
    # a later change of the service's price does not change what this booking costs. None
    # for bookings made before prices were kept (their service's current price is used).
    price: Money | None = None
    # The one-off flash design the booked service is a size of, as the service was when the
    # booking was made; None for any other service. Confirming the booking claims it
    # (``bookings.use_cases.checks.claim_flash``); nothing to claim when None.
    one_off_design_id: FlashDesignId | None = None
    # Minor units of what the booking holds that the artist took in the studio (cash, a card
    # terminal, a bank transfer: payments' ``studio.py``) and has not given back: money the
    # platform never received, so it never owes it back (``platform_refundable``); the
    # artist gives it back by hand and records that.
    held_in_studio: int = 0
    # The project (commissions) this booking is a session of, if any: it is booked and
    # moved only through its project, which keeps the sessions' order and healing gap
    # (``lifecycle.reschedule`` refuses it otherwise). Never changed.
    project_id: UUID | None = None
    # The completed booking this one is the free touch-up of (``touch_ups.py``), if any.
    # Never changed.
    touch_up_of: BookingId | None = None
    # A waitlist offer (``offers.py``): ``offered`` while the freed time is held for the
    # customer's answer, ``accepted`` after; None for every other booking.
    offer: OfferStatus | None = None

    def __post_init__(self) -> None:
        BookedFor(self.customer_id, self.client_id)  # refuses both or neither
        for name in _INSTANTS:
            value = getattr(self, name)
            if value is not None or name != "hold_expires_at":
                object.__setattr__(self, name, require_aware(value, name))
        Interval(self.start, self.end)  # refuses empty or inverted appointments
        Interval(self.blocked_start, self.blocked_end)

    @property
    def booked_for(self) -> BookedFor:
        return BookedFor(self.customer_id, self.client_id)

    @property
    def appointment(self) -> Interval:
        return Interval(self.start, self.end)

    @property
    def blocked(self) -> Interval:
        return Interval(self.blocked_start, self.blocked_end)

    @property
    def offered(self) -> bool:
        """A waitlist offer still waiting for its customer's answer: until then nothing but
        the answer (or a cancellation) moves it."""
        return self.offer is OfferStatus.OFFERED and self.status is BookingStatus.PENDING

    @property
    def awaiting_deposit(self) -> bool:
        """Pending, approved if it had to be, not an offer still to answer, and a deposit is
        still to be paid."""
        return (
            self.status is BookingStatus.PENDING
            and self.offer is not OfferStatus.OFFERED
            and (self.approved or not self.requires_approval)
            and not self.deposit.is_zero
            and self.amount_paid.is_zero
        )

    @property
    def waiting_for(self) -> tuple[Awaiting, ...]:
        """What this booking waits for before it is confirmed, in the order it comes: the
        artist's approval (a request the artist approves, not yet approved), then the
        deposit (one is owed and nothing is paid). Empty unless pending, and for a waitlist
        offer still to answer (the customer's answer comes first). Its hold
        (``hold_expires_at``) is the time by which the first of them must happen."""
        if self.status is not BookingStatus.PENDING or self.offered:
            return ()
        approval = self.requires_approval and not self.approved
        deposit = not self.deposit.is_zero and self.amount_paid.is_zero
        return (Awaiting.APPROVAL,) * approval + (Awaiting.DEPOSIT,) * deposit

    @property
    def refundable(self) -> Money:
        """Paid and neither refunded nor already owed back."""
        return self.amount_paid - self.amount_refunded - self.refund_due

    @property
    def platform_refundable(self) -> Money:
        """What the booking holds that the platform received, so can give back: what is
        refundable less what the artist took in the studio (``held_in_studio``). Every
        refund the platform owes (a cancellation, an expiry, a suspension, a dispute) is
        reckoned on it; money taken by hand goes back by hand."""
        held = self.refundable
        return Money(max(0, held.amount - self.held_in_studio), held.currency)

    @property
    def paid_in_full(self) -> bool:
        """What is paid and neither refunded nor owed back covers the full price (known
        only once a balance was paid: before, False)."""
        return self.full_price is not None and self.refundable >= self.full_price

    def is_active(self, now: datetime) -> bool:
        """Confirmed, or pending with a hold that has not expired; only these block time."""
        if self.status is BookingStatus.CONFIRMED:
            return True
        return (
            self.status is BookingStatus.PENDING
            and self.hold_expires_at is not None
            and require_aware(now, "now") < self.hold_expires_at
        )

    def hold_expired(self, now: datetime) -> bool:
        return (
            self.status is BookingStatus.PENDING
            and self.hold_expires_at is not None
            and self.hold_expires_at <= require_aware(now, "now")
        )

    def is_final(self, now: datetime) -> bool:
        """Closed for good: nothing may change it any more (money bookkeeping aside)."""
        if self.status not in CLOSED:
            return False
        return self.dispute_id is not None or now > self.status_changed_at + DISPUTE_WINDOW

    def role_of(self, actor: Actor) -> Role | None:
        """The actor's part in this booking: customer, artist, admin, or None (a stranger)."""
        if actor.is_admin:
            return Role.ADMIN
        if actor.role is Role.CUSTOMER and actor.user_id == self.customer_id:
            return Role.CUSTOMER
        if actor.role is Role.ARTIST and actor.user_id == self.artist_user_id:
            return Role.ARTIST
        return None


def require_role(booking: Booking, actor: Actor, allowed: frozenset[Role]) -> Role:
    role = booking.role_of(actor)
    if role is None or role not in allowed:
        raise BookingActionNotAllowedError()
    return role


def apply(
    booking: Booking,
    *,
    kind: HistoryKind,
    now: datetime,
    actor: Actor | None,
    reason: str | None = None,
    amount: Money | None = None,
    moved_from: Interval | None = None,
    **changes: Any,
) -> tuple[Booking, HistoryEntry]:
    """The one way a booking changes: bump the version, stamp times, make its history entry.

    A status change must be an edge of :data:`TRANSITIONS`; anything else is refused here, so
    no transition function can bypass the state machine.
    """
    now = require_aware(now, "now")
    to_status: BookingStatus = changes.get("status", booking.status)
    if to_status is not booking.status:
        if to_status not in TRANSITIONS[booking.status]:
            raise InvalidTransitionError(f"A {booking.status} booking cannot become {to_status}.")
        changes["status_changed_at"] = now
    version = booking.version + 1
    new = dataclasses.replace(booking, version=version, updated_at=now, **changes)
    actor_id, actor_role = actor_fields(actor)
    entry = HistoryEntry(
        booking.id,
        version,
        kind,
        now,
        actor_id,
        actor_role,
        booking.status,
        to_status,
        reason,
        amount,
        moved_from,
    )
    return new, entry


def busy_timeline(
    bookings: Iterable[Booking], now: datetime, *, excluding: BookingId | None = None
) -> BusyTimeline:
    """The busy time of these bookings' artist: blocked spans of the active ones at ``now``."""
    active = [b for b in bookings if b.id != excluding and b.is_active(now)]
    return BusyTimeline.of([b.blocked for b in active], [b.start for b in active])
