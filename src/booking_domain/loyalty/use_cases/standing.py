"""What a customer sees of their points: each account's balance, tier and the points that
expire next (``MyLoyalty``), and an account's entries, newest first (``MyEntries``). Only
one's own: there is no id of anyone else's to ask for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.loyalty.errors import ProgramNotFoundError
from booking_domain.loyalty.ledger import Account, Entry
from booking_domain.loyalty.programs import (
    TIER_WINDOW,
    Program,
    ProgramId,
    Tier,
    next_tier,
    tier_of,
)
from booking_domain.loyalty.use_cases.deps import LoyaltyDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class Standing:
    """One account as its customer sees it. ``tier_points``: earned less reversed over the
    trailing 12 months; ``expiring``: the points of the lots that expire first and when."""

    account: Account
    program: Program
    tier: Tier | None
    tier_points: int
    next_tier: Tier | None
    expiring: tuple[int, datetime] | None


def soonest(account: Account, now: datetime) -> tuple[int, datetime] | None:
    alive = [lot for lot in account.lots if lot.remaining > 0 and lot.expires_at > now]
    if not alive:
        return None
    first = min(lot.expires_at for lot in alive)
    return sum(lot.remaining for lot in alive if lot.expires_at == first), first


class MyLoyalty(UseCase[LoyaltyDeps]):
    async def __call__(self, actor: Actor) -> tuple[Standing, ...]:
        now = self._deps.clock.now()
        standings = []
        async with self._deps.uow(read_only=True) as uow:
            for account in await uow.loyalty_ledger.of_customer(actor.user_id):
                program = await uow.loyalty_programs.get(account.program_id)
                if program is None:
                    continue
                points = await uow.loyalty_ledger.tier_points(account.id, now - TIER_WINDOW)
                tiers = program.rates.tiers
                tier, coming = tier_of(points, tiers), next_tier(points, tiers)
                expiring = soonest(account, now)
                standings.append(Standing(account, program, tier, points, coming, expiring))
        return tuple(standings)


class MyEntries(UseCase[LoyaltyDeps]):
    async def __call__(self, actor: Actor, program_id: ProgramId, page: PageRequest) -> Page[Entry]:
        async with self._deps.uow(read_only=True) as uow:
            found = await uow.loyalty_ledger.find(actor.user_id, program_id)
            if found is None:
                raise ProgramNotFoundError("You have no points in this program.")
            return await uow.loyalty_ledger.entries(found, page)
