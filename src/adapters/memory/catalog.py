"""In-memory artists, studios, services and availability."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from adapters.memory.store import StagedTable
from booking_domain.artists import ArtistProfile, StoredOverride, StoredRule, Studio
from booking_domain.errors import ArtistProfileExistsError
from booking_domain.ids import ArtistId, ServiceId, StudioId, UserId
from booking_domain.services import Service


class InMemoryArtistRepository:
    def __init__(self, table: StagedTable[ArtistId, ArtistProfile]) -> None:
        self._rows = table

    async def add(self, artist: ArtistProfile) -> None:
        if await self.get_by_user(artist.user_id) is not None:
            raise ArtistProfileExistsError()
        self._rows.put(artist.id, artist)

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None:
        return self._rows.get(artist_id)

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None:
        return next((a for a in self._rows.values() if a.user_id == user_id), None)

    async def update(self, artist: ArtistProfile) -> None:
        self._rows.put(artist.id, artist)


class InMemoryStudioRepository:
    def __init__(self, table: StagedTable[StudioId, Studio]) -> None:
        self._rows = table

    async def add(self, studio: Studio) -> None:
        self._rows.put(studio.id, studio)

    async def get(self, studio_id: StudioId) -> Studio | None:
        return self._rows.get(studio_id)

    async def update(self, studio: Studio) -> None:
        self._rows.put(studio.id, studio)


class InMemoryServiceRepository:
    def __init__(self, table: StagedTable[ServiceId, Service]) -> None:
        self._rows = table

    async def add(self, service: Service) -> None:
        self._rows.put(service.id, service)

    async def get(self, service_id: ServiceId) -> Service | None:
        return self._rows.get(service_id)

    async def update(self, service: Service) -> None:
        self._rows.put(service.id, service)

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool
    ) -> tuple[Service, ...]:
        found = [
            s
            for s in self._rows.values()
            if s.artist_id == artist_id and (include_inactive or s.active)
        ]
        return tuple(sorted(found, key=lambda s: (s.name, s.id)))


class InMemoryAvailabilityRepository:
    def __init__(
        self, rules: StagedTable[UUID, StoredRule], overrides: StagedTable[UUID, StoredOverride]
    ) -> None:
        self._rules = rules
        self._overrides = overrides

    async def rules(self, artist_id: ArtistId) -> tuple[StoredRule, ...]:
        found = [r for r in self._rules.values() if r.artist_id == artist_id]
        return tuple(sorted(found, key=lambda r: (r.rule.day, r.rule.start_minute, r.id)))

    async def get_rule(self, rule_id: UUID) -> StoredRule | None:
        return self._rules.get(rule_id)

    async def add_rule(self, rule: StoredRule) -> None:
        self._rules.put(rule.id, rule)

    async def delete_rule(self, rule_id: UUID) -> None:
        self._rules.delete(rule_id)

    async def overrides(
        self, artist_id: ArtistId, first: date | None = None, last: date | None = None
    ) -> tuple[StoredOverride, ...]:
        found = [
            o
            for o in self._overrides.values()
            if o.artist_id == artist_id
            and (first is None or o.override.on >= first)
            and (last is None or o.override.on <= last)
        ]
        return tuple(sorted(found, key=lambda o: o.override.on))

    async def get_override(self, override_id: UUID) -> StoredOverride | None:
        return self._overrides.get(override_id)

    async def put_override(self, override: StoredOverride) -> StoredOverride:
        for existing in await self.overrides(
            override.artist_id, override.override.on, override.override.on
        ):
            self._overrides.delete(existing.id)
        self._overrides.put(override.id, override)
        return override

    async def delete_override(self, override_id: UUID) -> None:
        self._overrides.delete(override_id)
