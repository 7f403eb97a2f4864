"""A party's upcoming bookings, for the changes that cancel them all at once (an artist's
suspension, an account's deletion): pending or confirmed, not started yet."""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings.ports import BookingFilter, BookingRepository
from booking_domain.bookings.status import BookingStatus
from booking_domain.shared.ids import BookingId
from booking_domain.shared.pages import MAX_PAGE_SIZE, PageRequest

UPCOMING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


async def upcoming_ids(
    bookings: BookingRepository, where: BookingFilter, now: datetime
) -> list[BookingId]:
    """Ids of the bookings ``where`` finds that start after ``now``, read whole before the
    caller changes any (a page read between changes would shift under them). The caller
    reads each again, for update, and checks it is still upcoming."""
    ids: list[BookingId] = []
    page = 1
    while True:
        found = await bookings.list(where, PageRequest(page, MAX_PAGE_SIZE))
        ids.extend(b.id for b in found.items if b.start > now)
        if not found.has_next:
            return ids
        page += 1
