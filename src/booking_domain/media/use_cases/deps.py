"""What media use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.media.images import ImageProcessor
from booking_domain.media.ports import MediaStores, MediaUnitOfWorkFactory
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class MediaDeps:
    uow: MediaUnitOfWorkFactory
    stores: MediaStores
    images: ImageProcessor
    clock: Clock
