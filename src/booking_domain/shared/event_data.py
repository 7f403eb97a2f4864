"""Reading an outbox event's ``data`` as its readers do (docs/events.md): each reader picks
out the fields it acts on and takes a missing or mistyped field as absent (None), never as
an error, so an event written by an older or newer version never stops a follower."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from booking_domain.shared.errors import InvalidMoneyError
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import JsonValue


def part(data: Mapping[str, JsonValue], name: str) -> Mapping[str, JsonValue]:
    """The object under ``name`` (empty when there is none)."""
    found = data.get(name)
    return found if isinstance(found, Mapping) else {}


def uuid_of(data: Mapping[str, JsonValue], name: str) -> UUID | None:
    value = data.get(name)
    if not isinstance(value, str):
        return None
    try:
        return UUID(value)
    except ValueError:
        return None


def text_of(data: Mapping[str, JsonValue], name: str) -> str | None:
    value = data.get(name)
    return value if isinstance(value, str) else None


def amount_of(data: Mapping[str, JsonValue], name: str) -> int | None:
    """The minor units of the money under ``name`` (``{"amount", "currency"}``)."""
    amount = part(data, name).get("amount")
    return amount if isinstance(amount, int) and not isinstance(amount, bool) else None


def currency_of(data: Mapping[str, JsonValue], name: str) -> str | None:
    return text_of(part(data, name), "currency")


def money_of(data: Mapping[str, JsonValue], name: str) -> Money | None:
    """The money under ``name``, or None when it is missing or not money."""
    amount, currency = amount_of(data, name), currency_of(data, name)
    if amount is None or currency is None:
        return None
    try:
        return Money(amount, currency)
    except InvalidMoneyError:
        return None
