"""What media needs from the outside world: where uploads are recorded, the two object
stores, and an image processor (``images.ImageProcessor``).

Every adapter passes the contract suites in ``tests/contract/media``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.media.storage import ObjectStore
from booking_domain.media.uploads import Upload, UploadId
from booking_domain.shared.ids import UserId
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory


class UploadRepository(Protocol):
    async def add(self, upload: Upload) -> None: ...

    async def get(self, upload_id: UploadId) -> Upload | None: ...

    async def lock(self, upload_id: UploadId) -> Upload | None:
        """``get``, holding the upload until the unit of work ends (one writer at a time)."""
        ...

    async def update(self, upload: Upload) -> None: ...

    async def remove(self, upload_id: UploadId) -> None: ...

    async def abandoned(self, before: datetime, *, limit: int) -> Sequence[Upload]:
        """Up to ``limit`` uploads not used (pending, ready or rejected) that were requested
        before ``before``, oldest first."""
        ...

    async def of_owner(
        self, owner_id: UserId, *, after: UploadId | None, limit: int
    ) -> Sequence[Upload]:
        """Up to ``limit`` of the owner's uploads, whatever their status, in id order (ids
        are time-ordered) after ``after`` (None: from the first): a user's own uploads
        read a batch at a time (their data export)."""
        ...


class HasUploads(Protocol):
    @property
    def uploads(self) -> UploadRepository: ...


class MediaUnitOfWork(UnitOfWork, HasUploads, Protocol):
    """What media use cases open."""


MediaUnitOfWorkFactory = UnitOfWorkFactory[MediaUnitOfWork]


@dataclass(frozen=True, slots=True)
class MediaStores:
    """A deployment's two stores: ``uploads`` is private (originals, and the variants of
    private images); ``media`` is public (variants anyone may see)."""

    uploads: ObjectStore
    media: ObjectStore
