"""In-memory flash designs; their variants live in the services table."""

from __future__ import annotations

from dataclasses import replace

from adapters.memory.catalog import InMemoryServiceRepository
from adapters.memory.store import StagedTable
from booking_domain.catalog import ClaimOutcome, FlashDesign, FlashDesignId, Service
from booking_domain.catalog.ports import FlashRepository, SheetEntry
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId


class InMemoryFlashRepository(FlashRepository):
    def __init__(
        self, designs: StagedTable[FlashDesignId, FlashDesign], services: InMemoryServiceRepository
    ) -> None:
        self._designs = designs
        self._services = services

    async def add(self, design: FlashDesign) -> None:
        self._designs.put(design.id, design)

    async def get(self, design_id: FlashDesignId) -> FlashDesign | None:
        return self._designs.get(design_id)

    async def update(self, design: FlashDesign) -> None:
        current = self._designs.get(design.id)
        claimed = design.claimed_by if current is None else current.claimed_by
        self._designs.put(design.id, replace(design, claimed_by=claimed))

    async def count_for_artist(self, artist_id: ArtistId) -> int:
        return len(self._of(artist_id))

    async def sheet(self, artist_id: ArtistId) -> tuple[SheetEntry, ...]:
        designs = sorted(self._of(artist_id), key=lambda d: (d.created_at, d.id))
        return tuple(SheetEntry(d, tuple(self._services.of_design(d.id))) for d in designs)

    async def variants(self, design_id: FlashDesignId) -> tuple[Service, ...]:
        return tuple(self._services.of_design(design_id))

    async def claim(self, service_id: ServiceId, booking_id: BookingId) -> ClaimOutcome:
        service = await self._services.get(service_id)
        if service is None or service.flash is None:
            return ClaimOutcome.NOT_ONE_OFF
        design = self._designs.get(service.flash.design_id)
        if design is None or not design.one_off:
            return ClaimOutcome.NOT_ONE_OFF
        if design.claimed_by not in (None, booking_id):
            return ClaimOutcome.TAKEN
        self._designs.put(design.id, replace(design, claimed_by=booking_id))
        self._services.mark_taken(design.id)
        return ClaimOutcome.CLAIMED

    def _of(self, artist_id: ArtistId) -> list[FlashDesign]:
        return [d for d in self._designs.values() if d.artist_id == artist_id and not d.removed]
