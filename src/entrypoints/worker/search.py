"""Search's background work: the free-starts refresher follows the outbox (docs/jobs.md)."""

from __future__ import annotations

from booking_domain.search.use_cases import SearchUseCases
from entrypoints.worker.work import Follower, Work

# Seconds between the free-starts projection's looks at the outbox: each look recomputes
# every artist whose calendar changed since the last (a calendar read and a projection over
# the booking horizon, the dearest step a booking causes), so bookings arriving together
# cost one recompute per artist, not one each; search may trail a booking by this long.
REFRESH_EVERY = 1.0

WORK = Work(
    SearchUseCases,
    followers=(
        Follower("free-starts refresh", lambda search: search.refresh_free_starts(), REFRESH_EVERY),
    ),
)
