"""In-memory phone codes and the daily budget of code messages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from adapters.memory.store import StagedTable
from booking_domain.accounts.phone_codes import (
    PhoneCode,
    PhoneCodeId,
    SendingHistory,
    number_range,
)
from booking_domain.accounts.ports import PhoneCodeRepository


class InMemoryPhoneCodeRepository(PhoneCodeRepository):
    def __init__(
        self, codes: StagedTable[PhoneCodeId, PhoneCode], budget: StagedTable[date, int]
    ) -> None:
        self._codes = codes
        self._budget = budget

    async def lock_sending(self, phone: str, address_key: str) -> None:
        # Writing units of work run one at a time: holding the store is holding both.
        return None

    async def history(self, phone: str, address_key: str, since: datetime) -> SendingHistory:
        recent = sorted(
            (c for c in self._codes.values() if c.created_at >= since), key=lambda c: c.created_at
        )
        block = number_range(phone)
        return SendingHistory(
            to_number=tuple(c.created_at for c in recent if c.phone == phone),
            from_address=tuple(c.created_at for c in recent if c.address_key == address_key),
            to_range=tuple(c.created_at for c in recent if c.phone.startswith(block)),
            from_address_to_range=tuple(
                c.created_at
                for c in recent
                if c.phone.startswith(block) and c.address_key == address_key
            ),
        )

    async def add(self, code: PhoneCode) -> None:
        for earlier in list(self._codes.values()):
            if earlier.phone == code.phone and earlier.spent_at is None:
                self._codes.put(earlier.id, replace(earlier, spent_at=code.created_at))
        self._codes.put(code.id, code)

    async def live_for_update(self, phone: str, now: datetime) -> PhoneCode | None:
        live = [c for c in self._codes.values() if c.phone == phone and c.is_live(now)]
        return max(live, key=lambda c: c.created_at, default=None)

    async def save(self, code: PhoneCode) -> None:
        self._codes.put(code.id, code)

    async def take_from_budget(self, day: date, limit: int) -> bool:
        sent = self._budget.get(day) or 0
        if sent >= limit:
            return False
        self._budget.put(day, sent + 1)
        return True

    async def purge(self, before: datetime) -> int:
        old = [c.id for c in self._codes.values() if c.created_at < before]
        for code_id in old:
            self._codes.delete(code_id)
        return len(old)
