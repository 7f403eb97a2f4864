"""In-memory portfolio items."""

from __future__ import annotations

from adapters.memory.store import TableRepository
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.catalog.ports import PortfolioRepository
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest


class InMemoryPortfolioRepository(
    TableRepository[PortfolioItemId, PortfolioItem], PortfolioRepository
):
    async def add(self, item: PortfolioItem) -> None:
        self._rows.put(item.id, item)

    async def get(self, item_id: PortfolioItemId) -> PortfolioItem | None:
        return self._rows.get(item_id)

    async def update(self, item: PortfolioItem) -> None:
        self._rows.put(item.id, item)

    async def remove(self, item_id: PortfolioItemId) -> None:
        self._rows.delete(item_id)

    async def count_for_artist(self, artist_id: ArtistId) -> int:
        return len(self._of(artist_id))

    async def last_position(self, artist_id: ArtistId) -> int | None:
        return max((i.position for i in self._of(artist_id)), default=None)

    async def page_for_artist(
        self, artist_id: ArtistId, request: PageRequest
    ) -> Page[PortfolioItem]:
        ordered = sorted(self._of(artist_id), key=lambda i: (i.position, i.id))
        chosen = ordered[request.offset : request.offset + request.page_size]
        return Page(tuple(chosen), len(ordered), request)

    def all(self) -> list[PortfolioItem]:
        """Every stored item (for the in-memory search's scans)."""
        return list(self._rows.values())

    def _of(self, artist_id: ArtistId) -> list[PortfolioItem]:
        return [i for i in self._rows.values() if i.artist_id == artist_id]
