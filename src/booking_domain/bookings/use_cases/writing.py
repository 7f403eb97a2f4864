"""Writing a booking just decided, the same way on every path that makes one (a request, an
artist's booking, a touch-up, a project's session, a waitlist offer).

Rules:
- the booking was checked on what was committed a moment ago; a time taken since is
  refused by the storage's constraint (``SlotTakenError`` through ``taken_is_a_conflict``);
- writers of one artist queue on its calendar: ``add`` queues by itself, and expiring the
  stale holds that overlap the new time first takes the queue for both writes. So a losing
  request never holds the queue, and concurrent inserts of overlapping time never wait on
  each other's unfinished rows;
- a booking confirmed at once of a one-off flash design claims the design in the same
  transaction (``claim_flash``).
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.recording import record_new
from booking_domain.bookings.use_cases.checks import claim_flash, claims_flash
from booking_domain.bookings.use_cases.holds import expire_stale_holds
from booking_domain.scheduling import SchedulingContext


async def write_new_booking(
    uow: BookingsUnitOfWork,
    booking: Booking,
    entry: HistoryEntry,
    context: SchedulingContext,
    now: datetime,
) -> None:
    """Writes ``booking`` with its first ``entry`` (its event and audit entry) in the
    caller's unit of work, after expiring the stale holds ``context`` found over its time;
    the caller commits."""
    if context.has_expired_holds:
        await uow.bookings.hold_calendar(booking.artist_id)
        await expire_stale_holds(uow, booking.artist_id, booking.blocked, now)
    await record_new(uow, booking, entry)
    if claims_flash(booking):
        await claim_flash(uow, booking)
