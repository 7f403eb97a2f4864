"""Loyalty on the wire: programs (their rates, money in minor units of ``currency``),
balances and the ledger's entries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from booking_domain.loyalty import (
    MAX_EXPIRY_DAYS,
    MAX_MULTIPLIER,
    MAX_POINT_VALUE,
    MAX_REVIEW_POINTS,
    MAX_SHARE_PERCENT,
    MAX_SPEND_PER_POINT,
    MAX_THRESHOLD,
    MAX_TIER_NAME,
    MAX_TIERS,
    MIN_MULTIPLIER,
    Entry,
    Program,
    Rates,
    Tier,
)
from booking_domain.loyalty.use_cases import ProgramSettings, Standing
from entrypoints.http.wire import Dto, PageView, View, utc


class TierDto(msgspec.Struct, rename="camel", forbid_unknown_fields=True, frozen=True):
    name: Annotated[str, Meta(min_length=1, max_length=MAX_TIER_NAME)]
    threshold: Annotated[int, Meta(ge=1, le=MAX_THRESHOLD)]
    multiplier_percent: Annotated[int, Meta(ge=MIN_MULTIPLIER, le=MAX_MULTIPLIER)]


class ProgramBody(Dto, frozen=True):
    """A program's settings: on or off, and its rates. ``spendPerPoint``: minor units of
    money paid for a booking (its deposit, its balance) that earn one point;
    ``pointValue``: minor units one point takes off an invoice; ``maxSharePercent``: the
    most of an invoice points may pay (at most 90)."""

    active: bool
    currency: Annotated[str, Meta(pattern=r"^[A-Z]{3}$")]
    spend_per_point: Annotated[int, Meta(ge=1, le=MAX_SPEND_PER_POINT)]
    point_value: Annotated[int, Meta(ge=1, le=MAX_POINT_VALUE)]
    max_share_percent: Annotated[int, Meta(ge=1, le=MAX_SHARE_PERCENT)]
    expiry_days: Annotated[int, Meta(ge=1, le=MAX_EXPIRY_DAYS)]
    review_points: Annotated[int, Meta(ge=0, le=MAX_REVIEW_POINTS)] = 0
    tiers: Annotated[list[TierDto], Meta(max_length=MAX_TIERS)] = []

    def settings(self) -> ProgramSettings:
        tiers = tuple(Tier(t.name, t.threshold, t.multiplier_percent) for t in self.tiers)
        rates = Rates(
            self.currency, self.spend_per_point, self.review_points, self.point_value,
            self.max_share_percent, self.expiry_days, tiers,
        )  # fmt: skip
        return ProgramSettings(self.active, rates)


class TierView(View, frozen=True):
    name: str
    threshold: int
    multiplier_percent: int

    @classmethod
    def of(cls, tier: Tier) -> TierView:
        return cls(tier.name, tier.threshold, tier.multiplier_percent)


class ProgramView(View, frozen=True):
    id: UUID
    artist_id: UUID | None  # null: the platform's program
    name: str
    active: bool
    currency: str
    spend_per_point: int
    review_points: int
    point_value: int
    max_share_percent: int
    expiry_days: int
    tiers: list[TierView]
    version: int
    updated_at: datetime

    @classmethod
    def of(cls, p: Program) -> ProgramView:
        r = p.rates
        return cls(
            p.id, p.artist_id, p.name, p.active, r.currency, r.spend_per_point,
            r.review_points, r.point_value, r.max_share_percent, r.expiry_days,
            [TierView.of(t) for t in r.tiers], p.version, utc(p.updated_at),
        )  # fmt: skip


class ExpiringView(View, frozen=True):
    points: int
    at: datetime


class StandingView(View, frozen=True):
    """One account: the balance in a program, the tier reached by the points earned over
    the trailing 12 months (``tierPoints``), the next tier, and the points that expire
    first."""

    account_id: UUID
    program: ProgramView
    balance: int
    value: int  # what the balance takes off an invoice now, minor units of the currency
    tier: TierView | None
    tier_points: int
    next_tier: TierView | None
    expiring: ExpiringView | None

    @classmethod
    def of(cls, s: Standing) -> StandingView:
        expiring = None if s.expiring is None else ExpiringView(s.expiring[0], utc(s.expiring[1]))
        return cls(
            s.account.id, ProgramView.of(s.program), s.account.balance,
            s.account.balance * s.program.rates.point_value,
            None if s.tier is None else TierView.of(s.tier), s.tier_points,
            None if s.next_tier is None else TierView.of(s.next_tier), expiring,
        )  # fmt: skip


class LoyaltyView(View, frozen=True):
    accounts: list[StandingView]


class EntryView(View, frozen=True):
    """``points`` is signed: what the entry did to the balance. ``source``:
    ``booking/<id>``, ``review/<id>`` or ``invoice/<id>``; ``forgiven``: what a reversal
    could not take back because it was spent; ``expiresAt``: an earning's expiry."""

    id: UUID
    sequence: int
    kind: str  # earn | reverse | redeem | release | expire
    points: int
    balance_after: int
    reason: str
    source: str | None
    forgiven: int
    at: datetime
    expires_at: datetime | None

    @classmethod
    def of(cls, e: Entry) -> EntryView:
        return cls(
            e.id, e.sequence, e.kind.value, e.points, e.balance_after, e.reason, e.source,
            e.forgiven, utc(e.at), None if e.lot is None else utc(e.lot.expires_at),
        )  # fmt: skip


class EntryPage(PageView[EntryView], frozen=True):
    items: list[EntryView]
