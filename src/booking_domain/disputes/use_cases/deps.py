"""What dispute use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.disputes.ports import DisputesUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed


@dataclass(frozen=True, slots=True)
class DisputesDeps:
    uow: DisputesUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # evidence pictures are private: read through signed URLs
    feed: OutboxFeed  # where chargebacks are heard of (payments' ``payment.disputed``)
