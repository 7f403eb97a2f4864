"""In-memory artists, studios and services."""

from __future__ import annotations

import builtins
from collections.abc import Collection
from dataclasses import replace
from uuid import UUID

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.accounts import User
from booking_domain.catalog import ArtistProfile, ArtistProfileExistsError, Service, Studio
from booking_domain.catalog.ports import (
    ArtistDesk,
    ArtistFilter,
    ArtistRepository,
    ServiceRepository,
    StudioRepository,
)
from booking_domain.search.text import fold
from booking_domain.shared import ArtistId, Page, PageRequest, ServiceId, StudioId, UserId


class InMemoryArtistRepository(TableRepository[ArtistId, ArtistProfile], ArtistRepository):
    """Over the artists' table, reading the accounts' (``users``) for ``desk_of``."""

    def __init__(
        self, table: StagedTable[ArtistId, ArtistProfile], users: StagedTable[UserId, User]
    ) -> None:
        super().__init__(table)
        self._users = users

    async def add(self, artist: ArtistProfile) -> None:
        if await self.get_by_user(artist.user_id) is not None:
            raise ArtistProfileExistsError()
        self._rows.put(artist.id, artist)

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None:
        return self._rows.get(artist_id)

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None:
        return next((a for a in self._rows.values() if a.user_id == user_id), None)

    async def desk_of(self, user_id: UserId) -> ArtistDesk | None:
        user = self._users.get(user_id)
        if user is None or user.disabled:
            return None
        return ArtistDesk(user.locale, await self.get_by_user(user_id))

    async def update(self, artist: ArtistProfile) -> None:
        # The rating is the reviews context's (as on PostgreSQL, where the catalogue never
        # writes those columns): a profile read before a review must not undo it.
        stored = self._rows.get(artist.id)
        if stored is not None:
            artist = replace(
                artist, review_count=stored.review_count, rating_total=stored.rating_total
            )
        self._rows.put(artist.id, artist)

    async def list(self, where: ArtistFilter, page: PageRequest) -> Page[ArtistProfile]:
        found = sorted(
            (a for a in self._rows.values() if _admits(where, a)),
            key=lambda a: (a.created_at, a.id),
        )
        return Page.counted(
            tuple(found[page.offset : page.offset + page.page_size]), len(found), page
        )

    async def public_in_studios(
        self, studio_ids: Collection[StudioId]
    ) -> tuple[ArtistProfile, ...]:
        wanted = set(studio_ids)
        found = (a for a in self._rows.values() if a.studio_id in wanted and a.is_bookable)
        return tuple(sorted(found, key=lambda a: (a.display_name, a.id)))

    async def in_studio(self, studio_id: StudioId) -> tuple[ArtistProfile, ...]:
        found = (a for a in self._rows.values() if a.studio_id == studio_id)
        return tuple(sorted(found, key=lambda a: (a.display_name, a.id)))

    def all(self) -> builtins.list[ArtistProfile]:  # (the class has its own `list`)
        """Every stored artist (for the in-memory search's scans)."""
        return list(self._rows.values())

    def adjust_rating(self, artist_id: ArtistId, count: int, total: int) -> None:
        """The reviews context's write: add to the running rating."""
        stored = self._rows.get(artist_id)
        if stored is not None:
            self._rows.put(
                artist_id,
                replace(
                    stored,
                    review_count=stored.review_count + count,
                    rating_total=stored.rating_total + total,
                ),
            )


class InMemoryStudioRepository(TableRepository[StudioId, Studio], StudioRepository):
    async def add(self, studio: Studio) -> None:
        self._rows.put(studio.id, studio)

    async def get(self, studio_id: StudioId, *, for_update: bool = False) -> Studio | None:
        return self._rows.get(studio_id)  # writing units of work run one at a time here

    async def update(self, studio: Studio) -> None:
        self._rows.put(studio.id, studio)

    async def list(self, page: PageRequest) -> Page[Studio]:
        found = sorted(self._rows.values(), key=lambda s: (s.created_at, s.id))
        return Page.counted(
            tuple(found[page.offset : page.offset + page.page_size]), len(found), page
        )

    async def owned_by(self, user_id: UserId) -> tuple[Studio, ...]:
        found = (s for s in self._rows.values() if s.owner_user_id == user_id)
        return tuple(sorted(found, key=lambda s: (s.created_at, s.id)))


class InMemoryServiceRepository(TableRepository[ServiceId, Service], ServiceRepository):
    async def add(self, service: Service) -> None:
        self._rows.put(service.id, service)

    async def get(self, service_id: ServiceId) -> Service | None:
        return self._rows.get(service_id)

    async def update(self, service: Service) -> None:
        """As PostgreSQL: a flash variant's taken mark is the claim's alone to write."""
        current = self._rows.get(service.id)
        if current is not None and current.flash is not None and service.flash is not None:
            service = replace(service, flash=replace(service.flash, taken=current.flash.taken))
        self._rows.put(service.id, service)

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool, include_flash: bool = False
    ) -> tuple[Service, ...]:
        found = [
            s
            for s in self._rows.values()
            if s.artist_id == artist_id
            and (include_flash or s.flash is None)
            and (include_inactive or s.active)
            and not s.reserved
        ]
        return tuple(sorted(found, key=lambda s: (s.name, s.id)))

    def of_design(self, design_id: UUID) -> builtins.list[Service]:
        """The variants of a flash design, by price then name (for the flash repository)."""
        found = [s for s in self._rows.values() if s.flash and s.flash.design_id == design_id]
        return sorted(found, key=lambda s: (s.price.amount, s.name, s.id))

    def mark_taken(self, design_id: UUID) -> None:
        for service in self.of_design(design_id):
            if service.flash is not None:
                self._rows.put(
                    service.id, replace(service, flash=replace(service.flash, taken=True))
                )


def _admits(where: ArtistFilter, artist: ArtistProfile) -> bool:
    return (
        (where.status is None or artist.status is where.status)
        and (where.suspended is None or artist.suspended is where.suspended)
        and (where.city is None or fold(artist.city or "") == fold(where.city))
        and (not where.text or fold(where.text) in fold(artist.display_name))
    )
