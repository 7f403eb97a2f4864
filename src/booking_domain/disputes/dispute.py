"""Disputes: a party contests a closed booking; an admin settles it once, for good.

- Opening: the booking's customer or artist, while the booking is completed, no_show or
  cancelled, at most :data:`DISPUTE_WINDOW` (14 days) after it reached that state (the
  boundary itself counts), and only if it has never been disputed: one dispute per booking,
  so an admin's resolution is final.
- Resolving: an admin, with a note, a refund between zero and what was paid and is neither
  refunded nor already owed back, and the final state ``completed`` or ``cancelled``; once
  (a resolved dispute is ``DisputeClosedError``). The refund is owed back on the booking
  (``refund_due``) and paid by the payments context after the commit, as every refund is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings import (
    CLOSED,
    DISPUTE_WINDOW,
    Booking,
    BookingActionNotAllowedError,
    BookingStatus,
    HistoryEntry,
    HistoryKind,
    RefundOutOfRangeError,
    apply,
    require_role,
)
from booking_domain.disputes.errors import (
    DisputeAlreadyExistsError,
    DisputeClosedError,
    DisputeWindowClosedError,
)
from booking_domain.scheduling import epoch_floor
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId, DisputeId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import money_data, subject_of
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware

__all__ = ["DISPUTE_WINDOW", "Dispute", "DisputeStatus", "open_dispute", "resolve_dispute"]

PARTIES = frozenset({Role.CUSTOMER, Role.ARTIST})
OUTCOMES = frozenset({BookingStatus.COMPLETED, BookingStatus.CANCELLED})


class DisputeStatus(StrEnum):
    """A dispute is open until an admin resolves it, once."""

    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Dispute:
    id: DisputeId
    booking_id: BookingId
    opened_by: UserId
    opened_by_role: Role
    reason: str
    opened_at: datetime
    status: DisputeStatus = DisputeStatus.OPEN
    resolved_by: UserId | None = None
    resolved_at: datetime | None = None
    resolution_note: str | None = None
    refund: Money | None = None
    outcome: BookingStatus | None = None


DisputeResult = tuple[Dispute, Booking, HistoryEntry]


def _require_text(value: str, field: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidInputError(errors=(FieldError(field, "Must not be empty.", "required"),))
    require_clean_text(multi_line=[(field, text)])
    return text


def open_dispute(
    booking: Booking,
    actor: Actor,
    now: datetime,
    *,
    reason: str,
    dispute_id: DisputeId | None = None,
    on_behalf_of: Role | None = None,
) -> DisputeResult:
    """A party contests a closed booking, which becomes ``disputed``. An admin opens one
    only on a party's behalf (``on_behalf_of``: customer or artist): the dispute names that
    party as its opener, the booking's entry names the admin who acted."""
    now = require_aware(now, "now")
    opener, role = _opener(booking, actor, on_behalf_of)
    if booking.dispute_id is not None:
        raise DisputeAlreadyExistsError()
    if booking.status not in CLOSED:
        raise InvalidTransitionError(f"A {booking.status} booking cannot be disputed.")
    if now > booking.status_changed_at + DISPUTE_WINDOW:
        raise DisputeWindowClosedError()
    text = _require_text(reason, "reason")
    new_id = dispute_id or DisputeId(new_uuid7(epoch_floor(now) * 1000))
    dispute = Dispute(new_id, booking.id, opener, role, text, now)
    new, entry = apply(
        booking,
        kind=HistoryKind.DISPUTED,
        now=now,
        actor=actor,
        reason=text,
        status=BookingStatus.DISPUTED,
        dispute_id=new_id,
    )
    return dispute, new, entry


def _opener(booking: Booking, actor: Actor, on_behalf_of: Role | None) -> tuple[UserId, Role]:
    """Who contests: the acting party, or for an admin the party named."""
    if not actor.is_admin:
        if on_behalf_of is not None:
            raise PermissionDeniedError("Only an admin opens a dispute on a party's behalf.")
        return actor.user_id, require_role(booking, actor, PARTIES)
    if on_behalf_of is Role.CUSTOMER and booking.customer_id is not None:
        return booking.customer_id, Role.CUSTOMER
    if on_behalf_of is Role.ARTIST:
        return booking.artist_user_id, Role.ARTIST
    detail = "An admin names the party: customer or artist."
    raise InvalidInputError(errors=(FieldError("onBehalfOf", detail, "required"),))


def resolve_dispute(
    dispute: Dispute,
    booking: Booking,
    actor: Actor,
    now: datetime,
    *,
    outcome: BookingStatus,
    refund: Money,
    note: str,
) -> DisputeResult:
    """An admin settles the dispute: the refund is owed back, the booking closes for good."""
    if not actor.is_admin:
        raise BookingActionNotAllowedError("Only an admin resolves disputes.")
    if dispute.status is not DisputeStatus.OPEN:
        raise DisputeClosedError()
    if booking.dispute_id != dispute.id or booking.status is not BookingStatus.DISPUTED:
        raise InvalidTransitionError("This dispute is not open on this booking.")
    if outcome not in OUTCOMES:
        raise InvalidTransitionError("A dispute ends in completed or cancelled.")
    most = booking.platform_refundable  # money taken in the studio goes back by hand
    if refund.currency != booking.deposit.currency or not refund <= most:
        raise RefundOutOfRangeError(f"The refund must lie between 0 and {most}.")
    text = _require_text(note, "note")
    new, entry = apply(
        booking,
        kind=HistoryKind.DISPUTE_RESOLVED,
        now=now,
        actor=actor,
        reason=text,
        amount=refund,
        status=outcome,
        refund_due=booking.refund_due + refund,
    )
    settled = dataclasses.replace(
        dispute,
        status=DisputeStatus.RESOLVED,
        resolved_by=actor.user_id,
        resolved_at=entry.at,
        resolution_note=text,
        refund=refund,
        outcome=outcome,
    )
    return settled, new, entry


def resolution_audit_entry(before: Dispute, after: Dispute, actor: Actor) -> AuditEntry:
    """An admin resolved a dispute: the outcome, the refund and the note (the booking's own
    change is audited with the booking)."""
    refund = None if after.refund is None else money_data(after.refund)
    resolved_at = after.resolved_at or before.opened_at
    return audit_entry(
        "dispute.resolved",
        subject_of("dispute", after.id),
        resolved_at,
        actor=actor,
        before={"status": before.status.value},
        after={
            "status": after.status.value,
            "refund": refund,
            "note": after.resolution_note,
            "outcome": None if after.outcome is None else after.outcome.value,
        },
    )
