"""In-memory email links."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.accounts.email_links import EmailLink, EmailLinkId
from booking_domain.accounts.ports import EmailLinkRepository
from booking_domain.shared import UserId


class InMemoryEmailLinkRepository(TableRepository[EmailLinkId, EmailLink], EmailLinkRepository):
    async def add(self, link: EmailLink) -> None:
        for earlier in list(self._rows.values()):
            same = earlier.user_id == link.user_id and earlier.purpose is link.purpose
            if same and earlier.spent_at is None:
                self._rows.put(earlier.id, earlier.used(link.created_at))
        self._rows.put(link.id, link)

    async def live_for_update(self, token_hash: str, now: datetime) -> EmailLink | None:
        return next(
            (k for k in self._rows.values() if k.token_hash == token_hash and k.is_live(now)),
            None,
        )

    async def save(self, link: EmailLink) -> None:
        self._rows.put(link.id, link)

    async def spend_all(self, user_id: UserId, now: datetime) -> int:
        live = [k for k in self._rows.values() if k.user_id == user_id and k.spent_at is None]
        for link in live:
            self._rows.put(link.id, link.used(now))
        return len(live)
