"""Expiry: a periodic sweep (``inkslot:expire_points``, every minute) expires the lots whose
time ran out, first in first out, one ``expire`` entry per account (and one event each).
Every other change of an account expires its due lots first too, so a balance never spends
points past their time, swept or not."""

from __future__ import annotations

from booking_domain.loyalty.holding import change_account
from booking_domain.loyalty.ledger import Expire
from booking_domain.loyalty.use_cases.deps import LoyaltyDeps
from booking_domain.shared.use_case import UseCase

BATCH = 200


class ExpirePoints(UseCase[LoyaltyDeps]):
    """Returns how many accounts had points expire."""

    async def __call__(self, *, batch_size: int = BATCH) -> int:
        total = 0
        while True:
            async with self._deps.uow() as uow:
                now = self._deps.clock.now()
                due = await uow.loyalty_ledger.expiring(now, limit=batch_size)
                expired = 0
                for account_id in due:
                    moved = await change_account(uow, account_id, Expire(), now)
                    expired += moved is not None and bool(moved.entries)
                await uow.commit()
            total += expired
            # A batch that expired nothing (another sweep got there first) ends the round.
            if len(due) < batch_size or expired == 0:
                return total
