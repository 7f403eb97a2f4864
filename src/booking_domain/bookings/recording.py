"""Recording a booking's change, in the caller's unit of work: the booking with its history
entry, the outbox event others hear it by, and its audit entry. Every booking use case, and
every context above that changes a booking (payments, disputes), records through here.

The outbox event and the audit entry are recorded before the booking is written: an adapter
may then write all four in one statement (PostgreSQL does), so a creation without an
Idempotency-Key stays a single autocommit write (``use_cases/create.py``).
"""

from __future__ import annotations

from typing import Protocol

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.ports import HasBookings
from booking_domain.bookings.published import booking_audit_entry, booking_outbox_event
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ports import HasOutbox


class BookingRecords(HasBookings, HasOutbox, HasAudit, Protocol):
    """What recording a booking's change needs of a unit of work."""


async def record_new(uow: BookingRecords, booking: Booking, entry: HistoryEntry) -> None:
    """A new booking and its first entry (``BookingRepository.add``'s refusals apply)."""
    await _announce(uow, booking, entry)
    await uow.bookings.add(booking, entry)


async def record_change(uow: BookingRecords, booking: Booking, entry: HistoryEntry) -> None:
    """A changed booking and the entry that brought it to its version
    (``BookingRepository.save``'s refusals apply)."""
    await _announce(uow, booking, entry)
    await uow.bookings.save(booking, entry)


async def _announce(uow: BookingRecords, booking: Booking, entry: HistoryEntry) -> None:
    await uow.outbox.record(booking_outbox_event(booking, entry))
    await uow.audit.record(booking_audit_entry(booking, entry))
