"""What search use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.media import MediaStores
from booking_domain.search.ports import SearchUnitOfWorkFactory
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed


@dataclass(frozen=True, slots=True)
class SearchDeps:
    uow: SearchUnitOfWorkFactory
    clock: Clock
    feed: OutboxFeed
    stores: MediaStores  # where public images are fetched
