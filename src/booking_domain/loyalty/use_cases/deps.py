"""What loyalty's use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.loyalty.ports import LoyaltyUnitOfWorkFactory
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed


@dataclass(frozen=True, slots=True)
class LoyaltyDeps:
    uow: LoyaltyUnitOfWorkFactory
    clock: Clock
    feed: OutboxFeed  # what the earner follows
