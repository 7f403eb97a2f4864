"""Keyset cursors: the last row's sort key and id, opaque to clients.

A cursor names the order it was made for, and each order has one type of key (a float for
relevance, rating, distance and soonest; an integer for price; an id for newest); one
made for another order, of another shape, or tampered with is refused with
``InvalidSearchCursorError`` rather than silently starting over or reaching the database.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from uuid import UUID

from booking_domain.search.errors import InvalidSearchCursorError

SortKey = float | int | str

# Keys of rows that have no value for the order, so that they come last and still page:
# no price in the asked currency, no free start in the next 30 days (epoch seconds).
NO_PRICE = 2**63 - 1
NO_SLOT = 1e18

KEY_TYPES: dict[str, type] = {
    "relevance": float,
    "rating": float,
    "distance": float,
    "soonest": float,
    "price": int,
    "newest": str,
}


def encode(order: str, key: SortKey, row_id: UUID) -> str:
    raw = json.dumps([order, key, str(row_id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(order: str, cursor: str) -> tuple[SortKey, UUID]:
    """The key and id of a cursor made for ``order``."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        made_for, key, row_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if made_for != order or not isinstance(row_id, str) or not _fits(order, key):
            raise ValueError(cursor)
        if order == "newest":
            UUID(key)
        return key, UUID(row_id)
    except (ValueError, TypeError, UnicodeError, binascii.Error, json.JSONDecodeError):
        raise InvalidSearchCursorError() from None


def _fits(order: str, key: object) -> bool:
    """Whether ``key`` is of the order's type (and finite, and in bigint's range)."""
    wanted = KEY_TYPES.get(order)
    if wanted is None or isinstance(key, bool) or type(key) is not wanted:
        return False
    if isinstance(key, float):
        return math.isfinite(key)
    if isinstance(key, int):
        return -(2**63) <= key < 2**63
    return True
