"""Loyalty's background work (docs/loyalty.md): the earner follows the outbox, and every
minute the points whose time ran out expire."""

from __future__ import annotations

from booking_domain.loyalty.use_cases import LoyaltyUseCases
from entrypoints.worker.work import Follower, Periodic, Work

# Seconds between the loyalty earner's looks at the outbox: points for a completion, a
# review or a refund are a human-facing reaction, and a second is soon enough (an idle look
# is one index lookup).
EARN_EVERY = 1.0


async def expire_points(loyalty: LoyaltyUseCases, timestamp: int) -> int:
    """The accounts with a lot whose time ran out (one index read when none) expire it. No
    retries: the next tick is the retry; every other change of an account expires its due
    lots first anyway. Safe to run twice: an account's due lots expire once (its row is
    locked)."""
    return await loyalty.expire_points()


WORK = Work(
    LoyaltyUseCases,
    periodic=(Periodic("expire_points", expire_points, cron="* * * * *"),),
    followers=(Follower("loyalty earning", lambda loyalty: loyalty.earn_points(), EARN_EVERY),),
)
