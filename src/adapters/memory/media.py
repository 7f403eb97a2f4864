"""In-memory uploads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.media import Upload, UploadId, UploadStatus
from booking_domain.media.ports import UploadRepository
from booking_domain.shared import UserId


class InMemoryUploadRepository(TableRepository[UploadId, Upload], UploadRepository):
    async def add(self, upload: Upload) -> None:
        self._rows.put(upload.id, upload)

    async def get(self, upload_id: UploadId) -> Upload | None:
        return self._rows.get(upload_id)

    async def lock(self, upload_id: UploadId) -> Upload | None:
        return self._rows.get(upload_id)  # writing units of work already run one at a time

    async def update(self, upload: Upload) -> None:
        self._rows.put(upload.id, upload)

    async def remove(self, upload_id: UploadId) -> None:
        self._rows.delete(upload_id)

    async def abandoned(self, before: datetime, *, limit: int) -> Sequence[Upload]:
        stale = [
            u
            for u in self._rows.values()
            if u.status is not UploadStatus.USED and u.created_at < before
        ]
        return sorted(stale, key=lambda u: u.created_at)[:limit]

    async def of_owner(
        self, owner_id: UserId, *, after: UploadId | None, limit: int
    ) -> Sequence[Upload]:
        mine = [
            u
            for u in self._rows.values()
            if u.owner_id == owner_id and (after is None or u.id > after)
        ]
        return sorted(mine, key=lambda u: u.id)[:limit]
