"""A booking and its history entry as the rows of ``bookings`` and ``booking_history``, and
back: the one mapping between the aggregate and its columns (``bookings.py`` writes and
reads with it). The ``blocked`` range is read back into its two ends; a history entry's
parameters are prefixed ``ev_`` as the data-modifying CTE that writes them names them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from psycopg.types.range import Range

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    ClientId,
    HistoryEntry,
    HistoryKind,
    OfferStatus,
    PaymentStatus,
)
from booking_domain.bookings.names import BookingNames
from booking_domain.catalog import FlashDesignId
from booking_domain.shared import ArtistId, BookingId, DisputeId, Money, Role, ServiceId, UserId

Row = Mapping[str, Any]


def booking_row(b: Booking) -> dict[str, Any]:
    return {
        "id": b.id, "reference": b.reference, "artist_id": b.artist_id,
        "artist_user_id": b.artist_user_id, "customer_id": b.customer_id,
        "client_id": b.client_id,
        "service_id": b.service_id, "starts_at": b.start, "ends_at": b.end,
        "blocked_start": b.blocked_start, "blocked_end": b.blocked_end, "status": b.status.value,
        "payment_status": b.payment_status.value, "hold_expires_at": b.hold_expires_at,
        "requires_approval": b.requires_approval, "approved": b.approved,
        "currency": b.deposit.currency, "deposit_amount": b.deposit.amount,
        "amount_paid": b.amount_paid.amount, "amount_refunded": b.amount_refunded.amount,
        "refund_due": b.refund_due.amount, "version": b.version,
        "held_in_studio": b.held_in_studio,
        "status_changed_at": b.status_changed_at, "notes": b.notes,
        "cancellation_reason": b.cancellation_reason, "dispute_id": b.dispute_id,
        "full_price": None if b.full_price is None else b.full_price.amount,
        "booking_link_id": b.link_id,
        "price": None if b.price is None else b.price.amount,
        "one_off_design_id": b.one_off_design_id,
        "project_id": b.project_id, "touch_up_of": b.touch_up_of,
        "offer": None if b.offer is None else b.offer.value,
        "created_at": b.created_at, "updated_at": b.updated_at,
    }  # fmt: skip


def history_params(e: HistoryEntry) -> dict[str, Any]:
    return {
        "ev_version": e.version, "ev_kind": e.kind.value, "ev_at": e.at,
        "ev_actor_id": e.actor_id, "ev_actor_role": e.actor_role.value if e.actor_role else None,
        "ev_from_status": e.from_status.value if e.from_status else None,
        "ev_to_status": e.to_status.value, "ev_reason": e.reason,
        "ev_amount": e.amount.amount if e.amount else None,
        "ev_currency": e.amount.currency if e.amount else None,
    }  # fmt: skip


def booking_of(row: Row) -> Booking:
    currency = row["currency"]
    blocked: Range[datetime] = row["blocked"]
    if blocked.lower is None or blocked.upper is None:  # CHECK ck_bookings_times forbids it
        raise ValueError(f"booking {row['id']} has an unbounded blocked range")
    return Booking(
        id=BookingId(row["id"]), reference=row["reference"],
        artist_id=ArtistId(row["artist_id"]), artist_user_id=UserId(row["artist_user_id"]),
        customer_id=UserId(row["customer_id"]) if row["customer_id"] else None,
        client_id=ClientId(row["client_id"]) if row["client_id"] else None,
        service_id=ServiceId(row["service_id"]),
        start=row["starts_at"], end=row["ends_at"],
        blocked_start=blocked.lower, blocked_end=blocked.upper,
        status=BookingStatus(row["status"]),
        payment_status=PaymentStatus(row["payment_status"]),
        hold_expires_at=row["hold_expires_at"], requires_approval=row["requires_approval"],
        approved=row["approved"], deposit=Money(row["deposit_amount"], currency),
        amount_paid=Money(row["amount_paid"], currency),
        amount_refunded=Money(row["amount_refunded"], currency),
        refund_due=Money(row["refund_due"], currency), version=row["version"],
        held_in_studio=row["held_in_studio"],
        created_at=row["created_at"], updated_at=row["updated_at"],
        status_changed_at=row["status_changed_at"], notes=row["notes"],
        cancellation_reason=row["cancellation_reason"],
        dispute_id=DisputeId(row["dispute_id"]) if row["dispute_id"] else None,
        full_price=None if row["full_price"] is None else Money(row["full_price"], currency),
        link_id=row["booking_link_id"],
        price=None if row["price"] is None else Money(row["price"], currency),
        project_id=row["project_id"],
        touch_up_of=None if row["touch_up_of"] is None else BookingId(row["touch_up_of"]),
        offer=None if row["offer"] is None else OfferStatus(row["offer"]),
        one_off_design_id=(
            None if row["one_off_design_id"] is None else FlashDesignId(row["one_off_design_id"])
        ),
    )  # fmt: skip


def history_entry_of(row: Row) -> HistoryEntry:
    amount = row["amount"]
    return HistoryEntry(
        booking_id=BookingId(row["booking_id"]), version=row["version"],
        kind=HistoryKind(row["kind"]), at=row["at"],
        actor_id=UserId(row["actor_id"]) if row["actor_id"] else None,
        actor_role=Role(row["actor_role"]) if row["actor_role"] else None,
        from_status=BookingStatus(row["from_status"]) if row["from_status"] else None,
        to_status=BookingStatus(row["to_status"]), reason=row["reason"],
        amount=Money(amount, row["currency"]) if amount is not None else None,
    )  # fmt: skip


def names_of(row: Row) -> BookingNames:
    return BookingNames(
        customer=row["customer_name"], service=row["service_name"], phone=row["customer_phone"]
    )
