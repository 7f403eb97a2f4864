"""The ledger's background work (docs/payouts.md): its follower enters the payments
collected and the refunds paid back that the outbox tells."""

from __future__ import annotations

from booking_domain.payouts.use_cases import PayoutUseCases
from entrypoints.worker.work import Follower, Work

# Seconds between the ledger follower's looks at the outbox: what an artist is owed is read
# by people, and a second is soon enough (an idle look is one index lookup).
ENTER_EVERY = 1.0

WORK = Work(
    PayoutUseCases,
    followers=(Follower("ledger entering", lambda ledger: ledger.enter_payments(), ENTER_EVERY),),
)
