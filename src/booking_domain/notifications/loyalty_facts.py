"""What a message about loyalty points says: the facts of a ``loyalty.points_*`` event
(docs/loyalty.md, "Notifications")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from booking_domain.shared.outbox import JsonValue


@dataclass(frozen=True, slots=True)
class LoyaltyFacts:
    """A change of a customer's points as one message shows it: how many points moved, the
    balance after, the program's name, and where the app shows one's points."""

    points: int
    balance: int
    program: str
    link: str


def loyalty_facts(data: Mapping[str, JsonValue], app_url: str) -> LoyaltyFacts | None:
    """The facts of an event's ``entry`` and ``account`` (None for any other event)."""
    entry, account = data.get("entry"), data.get("account")
    if not isinstance(entry, Mapping) or not isinstance(account, Mapping):
        return None
    points, balance, program = (
        entry.get("points"),
        account.get("balance"),
        account.get("programName"),
    )
    if not isinstance(points, int) or not isinstance(balance, int):
        return None
    name = program if isinstance(program, str) else ""
    return LoyaltyFacts(abs(points), balance, name, loyalty_url(app_url))


def loyalty_url(app_url: str) -> str:
    """Where the web app shows one's points."""
    return f"{app_url.rstrip('/')}/loyalty"
