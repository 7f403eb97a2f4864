"""In-memory studio invites: each invite with its token's keyed digest."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import StagedTable
from booking_domain.catalog.ports import StudioInviteRepository
from booking_domain.catalog.studio_invites import InviteState, StudioInvite, StudioInviteId
from booking_domain.shared.ids import StudioId


class InMemoryStudioInviteRepository(StudioInviteRepository):
    def __init__(self, invites: StagedTable[StudioInviteId, tuple[StudioInvite, str]]) -> None:
        self._invites = invites

    async def add(self, invite: StudioInvite, digest: str) -> None:
        self._invites.put(invite.id, (invite, digest))

    async def get(self, invite_id: StudioInviteId) -> StudioInvite | None:
        stored = self._invites.get(invite_id)
        return None if stored is None else stored[0]

    async def find(self, digest: str) -> StudioInvite | None:
        return next((i for i, d in self._invites.values() if d == digest), None)

    async def open_for_studio(self, studio_id: StudioId, now: datetime) -> tuple[StudioInvite, ...]:
        found = (
            i
            for i, _ in self._invites.values()
            if i.studio_id == studio_id and i.state(now) is InviteState.OPEN
        )
        return tuple(sorted(found, key=lambda i: (i.created_at, i.id)))

    async def settle(self, invite: StudioInvite) -> bool:
        stored = self._invites.get(invite.id)
        if stored is None or stored[0].used_at is not None or stored[0].revoked_at is not None:
            return False
        self._invites.put(invite.id, (invite, stored[1]))
        return True
