"""In-memory artists' aftercare settings."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from adapters.memory.store import TableRepository
from booking_domain.catalog import AftercareSettings
from booking_domain.catalog.ports import AftercareRepository
from booking_domain.shared.ids import ArtistId


class InMemoryAftercareRepository(
    TableRepository[ArtistId, AftercareSettings], AftercareRepository
):
    async def get(self, artist_id: ArtistId) -> AftercareSettings:
        return self._rows.get(artist_id) or AftercareSettings(artist_id)

    async def of_artists(
        self, artist_ids: Collection[ArtistId]
    ) -> Mapping[ArtistId, AftercareSettings]:
        return {a: found for a in artist_ids if (found := self._rows.get(a)) is not None}

    async def put(self, settings: AftercareSettings) -> None:
        self._rows.put(settings.artist_id, settings)

    async def remove(self, artist_id: ArtistId) -> None:
        self._rows.delete(artist_id)
