"""What every catalogue use case is given."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog.ports import CatalogUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class CatalogDeps:
    uow: CatalogUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # where portfolio images live (their URLs; removal with the item)
