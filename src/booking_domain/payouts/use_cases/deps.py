"""What the ledger's use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass, field

from booking_domain.payouts.fees import FeeRule
from booking_domain.payouts.ports import PayoutsUnitOfWorkFactory
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed


@dataclass(frozen=True, slots=True)
class PayoutsDeps:
    uow: PayoutsUnitOfWorkFactory
    clock: Clock
    feed: OutboxFeed  # what the ledger follows
    fees: FeeRule = field(default_factory=FeeRule)  # the platform's fee (a setting)
