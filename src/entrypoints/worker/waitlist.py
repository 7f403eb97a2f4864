"""The waitlist's background work (docs/waitlist.md): its reader follows the outbox and
offers each freed time to the first customer waiting for it."""

from __future__ import annotations

from booking_domain.waitlist.use_cases import WaitlistUseCases
from entrypoints.worker.work import Follower, Work

# Seconds between the waitlist reader's looks at the outbox: a freed time reaches the first
# waiting customer within about this long; an idle look is one index read of the feed.
OFFER_EVERY = 1.0

WORK = Work(
    WaitlistUseCases,
    followers=(
        Follower("waitlist offers", lambda waitlist: waitlist.offer_freed_times(), OFFER_EVERY),
    ),
)
