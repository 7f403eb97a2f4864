"""How many texts one account's actions may make the platform send (docs/notifications.md,
"Texts: to whom, and how many").

A text costs the platform money, so what a person can make it send by acting (booking,
moving, cancelling, booking walk-in clients, confirming) is bounded: every text an event
plans (its reminders included) is charged to the account that made the change, the event's
actor, on the UTC day it is planned, and at most ``limit`` are charged an account a day.
Texts beyond are planned already skipped (``SkipReason.TEXT_LIMIT``): recorded, never sent,
never retried. Texts to an artist's client record are charged to the artist who acted.

Charged to no one: a text whose event names no actor (the platform's own changes: a hold
expiring, a payment the provider confirmed, which costs its payer real money) and a text
caused by an admin (staff, trusted with the platform's money).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from booking_domain.notifications.notifications import (
    Notification,
    RetrySchedule,
    Skipped,
    SkipReason,
)
from booking_domain.notifications.rules import Channel
from booking_domain.shared.ids import UserId

DEFAULT_DAILY_TEXTS = 50
UNBOUNDED_ROLES = frozenset({"admin"})


@dataclass(frozen=True, slots=True)
class Allowance:
    """What the day's planning found and took: the texts charged to each account."""

    planned: tuple[Notification, ...]
    charged: Mapping[UserId, int]


def charged_to(n: Notification) -> UserId | None:
    """The account a planned text is charged to: its event's actor, unless an admin; None
    for anything but a text, or a change no account made."""
    if n.channel is not Channel.SMS:
        return None
    change = n.data.get("change")
    actor = change.get("actor") if isinstance(change, Mapping) else None
    if not isinstance(actor, Mapping) or actor.get("role") in UNBOUNDED_ROLES:
        return None
    user = actor.get("userId")
    try:
        return UserId(UUID(user)) if isinstance(user, str) else None
    except ValueError:
        return None


def accounts_charged(planned: Iterable[Notification]) -> set[UserId]:
    """The accounts whose allowance planning must read (none: no text with an actor)."""
    return {a for n in planned if n.due and (a := charged_to(n)) is not None}


def within_allowance(
    planned: Iterable[Notification], used: Mapping[UserId, int], limit: int, now: datetime
) -> Allowance:
    """``planned`` in order, each pending text charged to its account while the account's
    day (``used`` so far, plus those charged here) stays within ``limit``, and the rest
    skipped as ``text_limit``."""
    charged: dict[UserId, int] = {}
    kept: list[Notification] = []
    for n in planned:
        account = charged_to(n) if n.due else None
        if account is not None:
            if used.get(account, 0) + charged.get(account, 0) >= limit:
                n = n.apply(Skipped(SkipReason.TEXT_LIMIT), now, RetrySchedule())
            else:
                charged[account] = charged.get(account, 0) + 1
        kept.append(n)
    return Allowance(tuple(kept), charged)


def charges_of(made: Iterable[Notification]) -> dict[UserId, int]:
    """The texts charged per account among the notifications actually stored (a key
    planned before makes nothing, and is charged nothing)."""
    charged: dict[UserId, int] = {}
    for n in made:
        account = charged_to(n) if n.due else None
        if account is not None:
            charged[account] = charged.get(account, 0) + 1
    return charged
