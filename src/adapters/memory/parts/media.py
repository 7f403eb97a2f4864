"""Media's storage: uploads."""

from __future__ import annotations

from adapters.memory.media import InMemoryUploadRepository
from adapters.memory.parts import over_table
from adapters.memory.uow import InMemoryUnitOfWork
from booking_domain.media.ports import MediaUnitOfWork


class Part(InMemoryUnitOfWork):
    uploads = over_table(InMemoryUploadRepository, "uploads")


SERVES: type[MediaUnitOfWork] = Part
