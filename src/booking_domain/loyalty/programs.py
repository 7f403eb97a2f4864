"""Loyalty programs: who gives points, at which rates (docs/loyalty.md, "Programs").

Rules:
- Two kinds of program: the platform's (one, set by admins) and an artist's own (one per
  artist, set by the artist or an admin). Each keeps its own balances: points redeem only
  in the program that issued them.
- A booking belongs to one program (``program_of``): its artist's own while that is on,
  else the platform's while that is on, else none. It earns there and its invoices redeem
  there.
- Rates (``Rates``), all integers (money in minor units of the program's currency):
  ``spend_per_point`` minor units of a booking's price earn one point; a published review
  earns ``review_points``; a point takes ``point_value`` minor units off an invoice, at most
  ``max_share_percent`` of it; points expire ``expiry_days`` after they were earned; tiers
  by points earned over the trailing ``TIER_WINDOW`` multiply what spending earns.
- Changing a program's rates or turning it off never rewrites its ledger: points earned
  keep their expiry, and a point is worth what the rates say when it is redeemed. A
  program that is off earns nothing and takes no redemptions; its balances wait (and
  expire) until it is on again.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NewType
from uuid import UUID

from booking_domain.loyalty.errors import InvalidProgramError
from booking_domain.shared.currencies import CIRCULATING_CURRENCIES
from booking_domain.shared.errors import FieldError
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

ProgramId = NewType("ProgramId", UUID)

PLATFORM_NAME = "Inkslot"  # how the platform's program is named in messages and views
TIER_WINDOW = timedelta(days=365)  # "points over 12 months"
MAX_SPEND_PER_POINT = 10**12
MAX_REVIEW_POINTS = 100_000
MAX_POINT_VALUE = 10**9
MAX_SHARE_PERCENT = 90  # points never pay a whole invoice: something is left for the gateway
MAX_EXPIRY_DAYS = 3650
MAX_TIERS = 5
MAX_TIER_NAME = 40
MAX_THRESHOLD = 10**9
MIN_MULTIPLIER, MAX_MULTIPLIER = 100, 500  # percent: a tier multiplies, never divides
# Each rate's bounds (money in minor units), as ``check_rates`` holds them and forms ask.
RATE_BOUNDS = {
    "spend_per_point": (1, MAX_SPEND_PER_POINT),
    "review_points": (0, MAX_REVIEW_POINTS),
    "point_value": (1, MAX_POINT_VALUE),
    "max_share_percent": (1, MAX_SHARE_PERCENT),
    "expiry_days": (1, MAX_EXPIRY_DAYS),
}
TIER_BOUNDS = {
    "threshold": (1, MAX_THRESHOLD),
    "multiplier_percent": (MIN_MULTIPLIER, MAX_MULTIPLIER),
}


@dataclass(frozen=True, slots=True)
class Tier:
    """Reached with ``threshold`` points earned over the trailing 12 months; spending then
    earns ``multiplier_percent`` / 100 times the points."""

    name: str
    threshold: int
    multiplier_percent: int


@dataclass(frozen=True, slots=True)
class Rates:
    currency: str
    spend_per_point: int
    review_points: int
    point_value: int
    max_share_percent: int
    expiry_days: int
    tiers: tuple[Tier, ...] = ()

    @property
    def expiry(self) -> timedelta:
        return timedelta(days=self.expiry_days)


@dataclass(frozen=True, slots=True)
class Program:
    """``artist_id`` None: the platform's program. ``version`` counts its changes (the
    outbox sequence of ``loyalty.program_changed``). ``name`` is how it is called: the
    platform's ``PLATFORM_NAME``, an artist's the artist's display name (read with it, never
    stored)."""

    id: ProgramId
    artist_id: ArtistId | None
    active: bool
    rates: Rates
    version: int
    created_at: datetime
    updated_at: datetime
    name: str = PLATFORM_NAME

    @property
    def is_platform(self) -> bool:
        return self.artist_id is None


def _field(field: str, message: str, code: str = "invalid") -> FieldError:
    return FieldError(field, message, code)


def _bounded(name: str, value: int, low: int, high: int) -> list[FieldError]:
    if type(value) is not int or not low <= value <= high:
        return [_field(name, f"Use {low} to {high}.", "out_of_range")]
    return []


def check_rates(rates: Rates) -> Rates:
    """The rates as given, or ``InvalidProgramError`` naming every field that is wrong."""
    errors: list[FieldError] = []
    if rates.currency not in CIRCULATING_CURRENCIES:
        message = f"{rates.currency!r} is not a circulating ISO 4217 currency."
        errors.append(_field("currency", message, "unknown_currency"))
    errors += _bounded("spendPerPoint", rates.spend_per_point, *RATE_BOUNDS["spend_per_point"])
    errors += _bounded("reviewPoints", rates.review_points, *RATE_BOUNDS["review_points"])
    errors += _bounded("pointValue", rates.point_value, *RATE_BOUNDS["point_value"])
    share = RATE_BOUNDS["max_share_percent"]
    errors += _bounded("maxSharePercent", rates.max_share_percent, *share)
    errors += _bounded("expiryDays", rates.expiry_days, *RATE_BOUNDS["expiry_days"])
    errors += _tier_problems(rates.tiers)
    if errors:
        raise InvalidProgramError(errors=tuple(errors))
    return dataclasses.replace(rates, tiers=tuple(_cleaned(t) for t in rates.tiers))


def _cleaned(tier: Tier) -> Tier:
    return dataclasses.replace(tier, name=tier.name.strip())


def _tier_problems(tiers: Sequence[Tier]) -> list[FieldError]:
    """At most ``MAX_TIERS``, each named (1-40 characters, one line) with a threshold of
    1 or more and a multiplier of 100-500 %; thresholds rise strictly and multipliers never
    fall, so a higher tier never earns less; names differ."""
    if len(tiers) > MAX_TIERS:
        return [_field("tiers", f"At most {MAX_TIERS} tiers.", "too_many")]
    errors: list[FieldError] = []
    for i, tier in enumerate(tiers):
        where = f"tiers[{i}]"
        name = tier.name.strip()
        problem = text_problem(f"{where}.name", tier.name, multiline=False)
        if problem is not None:
            errors.append(problem)
        elif not 1 <= len(name) <= MAX_TIER_NAME:
            errors.append(_field(f"{where}.name", f"1 to {MAX_TIER_NAME} characters.", "length"))
        errors += _bounded(f"{where}.threshold", tier.threshold, *TIER_BOUNDS["threshold"])
        multiplier = TIER_BOUNDS["multiplier_percent"]
        errors += _bounded(f"{where}.multiplierPercent", tier.multiplier_percent, *multiplier)
    if errors:
        return errors
    pairs = itertools.pairwise(tiers)
    if any(
        b.threshold <= a.threshold or b.multiplier_percent < a.multiplier_percent for a, b in pairs
    ):
        message = "Thresholds rise strictly from tier to tier, and multipliers never fall."
        errors.append(_field("tiers", message, "order"))
    if len({t.name.strip().casefold() for t in tiers}) != len(tiers):
        errors.append(_field("tiers", "Each tier needs a name of its own.", "duplicate"))
    return errors


def configure(
    current: Program | None,
    artist_id: ArtistId | None,
    *,
    active: bool,
    rates: Rates,
    now: datetime,
    name: str = PLATFORM_NAME,
) -> Program:
    """The program after its owner set it: made on first use, else changed (a new version;
    the ledger is not touched)."""
    now = require_aware(now, "now")
    checked = check_rates(rates)
    if current is None:
        return Program(
            id=ProgramId(new_uuid7(int(now.timestamp() * 1000))),
            artist_id=artist_id,
            active=active,
            rates=checked,
            version=1,
            created_at=now,
            updated_at=now,
            name=name,
        )
    return dataclasses.replace(
        current,
        name=name,
        active=active,
        rates=checked,
        version=current.version + 1,
        updated_at=max(now, current.updated_at),
    )


def program_of(artist_program: Program | None, platform: Program | None) -> Program | None:
    """The program a booking of an artist belongs to: the artist's own while it is on, else
    the platform's while it is on."""
    for program in (artist_program, platform):
        if program is not None and program.active:
            return program
    return None


def tier_of(points: int, tiers: Sequence[Tier]) -> Tier | None:
    """The highest tier whose threshold ``points`` (earned over the trailing 12 months)
    reach; None below the first."""
    reached = [t for t in tiers if points >= t.threshold]
    return reached[-1] if reached else None


def next_tier(points: int, tiers: Sequence[Tier]) -> Tier | None:
    return next((t for t in tiers if points < t.threshold), None)


def spending_points(price: int, rates: Rates, tier_points: int) -> int:
    """Points a booking's price (minor units of the program's currency) earns: one per whole
    ``spend_per_point``, times the customer's tier multiplier, rounded down."""
    if price <= 0:
        return 0
    tier = tier_of(tier_points, rates.tiers)
    multiplier = MIN_MULTIPLIER if tier is None else tier.multiplier_percent
    return (price // rates.spend_per_point) * multiplier // 100
