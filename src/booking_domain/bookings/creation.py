"""How a booking comes to be: who may create one for whom, and the state it starts in.

One path for everyone (``request_booking``): a customer's request and an artist's booking
of a walk-in or a phone client are checked by the same slot rules and start by the rules of
``creation_kind`` and ``_opening`` (docs/product.md, "4. Bookings").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.clients import BookedFor
from booking_domain.bookings.errors import BookingActionNotAllowedError
from booking_domain.bookings.history import HistoryEntry, HistoryKind, actor_fields
from booking_domain.bookings.references import new_booking_reference
from booking_domain.bookings.status import BookingStatus, PaymentStatus
from booking_domain.catalog import (
    DepositCurrencyNotPayableError,
    FlashDesignId,
    SchedulingPolicy,
    Service,
    deposit_payable,
)
from booking_domain.scheduling import BusyTimeline, Schedule, check_bookable, epoch_floor
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

__all__ = ["SessionTerms", "creation_kind", "request_booking", "require_calendar_owner"]

_CLIENT_PAYS_BY_HAND = FieldError(
    "deposit",
    "A client without an account cannot pay a deposit in the app: take it by hand and book "
    "without one, or book the client by their account's email or phone.",
    "client_without_account",
)


def new_booking_id(now: datetime) -> BookingId:
    """A new booking's id, ordered by the moment it is made (UUIDv7 at whole seconds)."""
    return BookingId(new_uuid7(epoch_floor(now) * 1000))


def require_calendar_owner(by: Actor, artist_user_id: UserId) -> None:
    """Only the artist whose calendar it is books someone else in
    (``BookingActionNotAllowedError`` for anyone else: customers, admins, other artists)."""
    if by.role is not Role.ARTIST or by.user_id != artist_user_id:
        raise BookingActionNotAllowedError("Only the artist books someone into their calendar.")


def creation_kind(
    by: Actor, artist_user_id: UserId, party: BookedFor, deposit: bool | None = None
) -> HistoryKind:
    """Who may create a booking for whom, and what the creation is called.

    - A customer, for themself only: a request (``requested``); its deposit is the
      service's, so the customer sets none (``deposit`` is None).
    - The artist whose calendar it is (``require_calendar_owner``), for a customer's
      account (not their own) or for one of their client records: a booking made by the
      artist (``booked``). That the account is a customer's and the record the artist's own
      is the use case's to load.
    - Nobody else: an admin, another artist, a customer for someone else
      (``BookingActionNotAllowedError``).
    """
    if by.role is Role.CUSTOMER:
        if party.customer_id != by.user_id:
            raise BookingActionNotAllowedError("Customers request bookings for themselves.")
        if deposit is not None:
            raise BookingActionNotAllowedError("The service sets the deposit of a request.")
        return HistoryKind.REQUESTED
    require_calendar_owner(by, artist_user_id)
    if party.customer_id == by.user_id:
        raise BookingActionNotAllowedError("Book a customer or a client, not yourself.")
    return HistoryKind.BOOKED


@dataclass(frozen=True, slots=True)
class SessionTerms:
    """What a booking is made with instead of its service's price and deposit: a session of
    a project (commissions: the project sets both, docs/commissions.md, "Projects"), or a
    free touch-up of a completed booking (``touch_ups.py``: price zero, no deposit)."""

    price: Money
    deposit: Money
    project_id: UUID | None = None  # the project the booking is a session of
    touch_up_of: BookingId | None = None  # the booking it is the free touch-up of


@dataclass(frozen=True, slots=True)
class _Opening:
    status: BookingStatus
    hold: datetime | None
    deposit: Money
    approved: bool


def _opening(
    kind: HistoryKind,
    service: Service,
    policy: SchedulingPolicy,
    now: datetime,
    deposit: bool,
    party: BookedFor,
    terms: SessionTerms | None = None,
) -> _Opening:
    """How a new booking starts. A request: pending under the approval hold if the service
    needs approval, else under the deposit hold if it has a deposit, else confirmed. Made by
    the artist (which is the approval): confirmed at once without a deposit, pending under
    the deposit hold with one (``deposit``: the artist asks for the service's deposit). A
    client record has no account to pay a deposit through, so its booking asks for none
    (``InvalidInputError`` on ``deposit``): the artist takes any deposit by hand and books it
    confirmed, or books the client's account."""
    amount = service.deposit_amount if terms is None else terms.deposit
    if kind is HistoryKind.BOOKED:
        if deposit and amount.is_zero:
            raise InvalidInputError(
                errors=(FieldError("deposit", "This service takes no deposit.", "no_deposit"),)
            )
        if deposit and party.client_id is not None:
            raise InvalidInputError(errors=(_CLIENT_PAYS_BY_HAND,))
        amount = amount if deposit else Money.zero(amount.currency)
        approved = service.needs_approval
        if amount.is_zero:
            return _Opening(BookingStatus.CONFIRMED, None, amount, approved)
        return _Opening(BookingStatus.PENDING, now + policy.deposit_hold, amount, approved)
    if service.needs_approval:
        return _Opening(BookingStatus.PENDING, now + policy.approval_hold, amount, False)
    if not amount.is_zero:
        return _Opening(BookingStatus.PENDING, now + policy.deposit_hold, amount, False)
    return _Opening(BookingStatus.CONFIRMED, None, amount, False)


def one_off_design(service: Service) -> FlashDesignId | None:
    """The one-off flash design ``service`` is a size of (as loaded), or None: what a
    booking of it keeps, so that confirming the booking knows whether there is a design to
    claim without asking storage."""
    flash = service.flash
    return flash.design_id if flash is not None and flash.one_off else None


def request_booking(
    *,
    by: Actor,
    service: Service,
    artist_user_id: UserId,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    start: datetime,
    now: datetime,
    notes: str = "",
    booking_id: BookingId | None = None,
    reference: str | None = None,
    party: BookedFor | None = None,
    deposit: bool | None = None,
    terms: SessionTerms | None = None,
    payable: Collection[str] | None = None,
) -> tuple[Booking, HistoryEntry]:
    """``by`` creates a booking at ``start`` for ``party`` (default: ``by`` themself):
    refused unless ``creation_kind`` allows it and the start is offered, else confirmed or
    held as ``_opening`` says (``deposit``: whether the artist asks for the service's
    deposit; None for a customer's request). The one way a booking comes to be, whoever
    makes it. ``payable``: the currencies the payment gateway takes (None: not checked); a
    booking that would wait for a deposit in another is refused
    (``DepositCurrencyNotPayableError``): that deposit could never be paid, and the booking
    would hold its slot only to expire.

    A ``start`` without a time zone offset is refused (``NaiveDatetimeError``) by the first
    rule it meets, the bookability check's own (``check_bookable``), before anything else
    uses it; the booking keeps its instants in UTC itself. So it is not checked here again:
    the use cases that call this checked it as they were called."""
    party = party or BookedFor(customer_id=by.user_id)
    kind = creation_kind(by, artist_user_id, party, deposit)
    now = require_aware(now, "now")
    check_bookable(
        service=service, policy=policy, schedule=schedule, busy=busy, start=start, now=now
    )
    if terms is not None and terms.project_id is not None and kind is not HistoryKind.REQUESTED:
        raise BookingActionNotAllowedError("A project's customer books its sessions.")
    opening = _opening(kind, service, policy, now, bool(deposit), party, terms)
    if payable is not None and not deposit_payable(opening.deposit, payable):
        raise DepositCurrencyNotPayableError(
            "This service's deposit is in a currency the payment gateway does not take, so "
            "it could never be paid: the artist has to change the service before it can be "
            "booked."
        )
    zero = Money.zero(opening.deposit.currency)
    blocked = service.blocked_span(start)
    booking = Booking(
        id=booking_id or new_booking_id(now),
        reference=reference or new_booking_reference(),
        artist_id=service.artist_id,
        artist_user_id=artist_user_id,
        customer_id=party.customer_id,
        service_id=service.id,
        start=start,
        end=start + service.duration,
        blocked_start=blocked.start,
        blocked_end=blocked.end,
        status=opening.status,
        payment_status=PaymentStatus.UNPAID,
        hold_expires_at=opening.hold,
        requires_approval=service.needs_approval,
        approved=opening.approved,
        deposit=opening.deposit,
        amount_paid=zero,
        amount_refunded=zero,
        refund_due=zero,
        version=1,
        created_at=now,
        updated_at=now,
        status_changed_at=now,
        notes=notes,
        client_id=party.client_id,
        price=service.price if terms is None else terms.price,
        # A touch-up claims nothing: its original booked the design.
        one_off_design_id=None if terms and terms.touch_up_of else one_off_design(service),
        project_id=None if terms is None else terms.project_id,
        touch_up_of=None if terms is None else terms.touch_up_of,
    )
    uid, role = actor_fields(by)
    entry = HistoryEntry(booking.id, 1, kind, now, uid, role, None, opening.status)
    return booking, entry
