"""What the platform holds about a person, as JSON records (their data export).

Rules (docs/privacy.md):
- a record is the stored value with its fields in camelCase: times in UTC ``Z``, money as
  minor units and a currency, enums as their values, nested values as objects;
- secrets never leave: no field named like a password, a hash, a secret or a token (a
  password hash, a refresh token's hash, an invoice's callback token hash) is written,
  however deep it sits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from enum import Enum
from uuid import UUID

from booking_domain.shared.outbox import JsonValue
from booking_domain.shared.time import utc_text

_SECRET_MARKS = ("password", "hash", "secret", "token")


def is_secret(field: str) -> bool:
    """Whether a field of that name is a secret (never exported)."""
    lowered = field.lower()
    return any(mark in lowered for mark in _SECRET_MARKS)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def record(value: object) -> JsonValue:
    """``value`` as JSON (the module's rules)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return record(value.value)
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date | time | UUID):
        return value.isoformat() if not isinstance(value, UUID) else str(value)
    if isinstance(value, timedelta):
        return int(value.total_seconds())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    if isinstance(value, Mapping):
        return _fields({str(k): v for k, v in value.items()})
    if isinstance(value, list | tuple | set | frozenset):
        return [record(item) for item in value]
    return str(value)


def _fields(values: Mapping[str, object]) -> dict[str, JsonValue]:
    return {camel(name): record(v) for name, v in values.items() if not is_secret(name)}
