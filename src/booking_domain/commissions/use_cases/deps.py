"""What commission use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.commissions.ports import CommissionsUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class CommissionsDeps:
    uow: CommissionsUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # a request's pictures are private: read through signed URLs
