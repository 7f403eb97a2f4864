"""Disputes' background work (docs/admin.md, "Chargebacks"): its follower opens a
dispute for each chargeback the outbox tells."""

from __future__ import annotations

from booking_domain.disputes.use_cases import DisputeUseCases
from entrypoints.worker.work import Follower, Work

# Seconds between the follower's looks at the outbox: a chargeback waits days for an
# answer, and a few seconds to be opened is soon enough (an idle look is one index lookup).
OPEN_EVERY = 5.0

WORK = Work(
    DisputeUseCases,
    followers=(
        Follower(
            "chargeback disputes", lambda disputes: disputes.open_chargeback_disputes(), OPEN_EVERY
        ),
    ),
)
