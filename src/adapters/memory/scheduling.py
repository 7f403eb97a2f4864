"""In-memory weekly rules and date overrides."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from adapters.memory.store import StagedTable
from booking_domain.scheduling import StoredOverride, StoredRule
from booking_domain.scheduling.ports import AvailabilityRepository
from booking_domain.shared import ArtistId


class InMemoryAvailabilityRepository(AvailabilityRepository):
    async def hold_overrides(self, artist_id: ArtistId) -> None:
        """Nothing to do: in-memory units of work that write already run one at a time."""

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
