"""Keyset cursors: the last row's sort key and id, opaque to clients.

A cursor names the order it was made for; used with another order (or tampered with) it is
refused with ``InvalidSearchCursorError`` rather than silently starting over.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from uuid import UUID

from booking_domain.search.errors import InvalidSearchCursorError

SortKey = float | int | str


def encode(order: str, key: SortKey, row_id: UUID) -> str:
    raw = json.dumps([order, key, str(row_id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(order: str, cursor: str) -> tuple[SortKey, UUID]:
    """The key and id of a cursor made for ``order``."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        made_for, key, row_id = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        if made_for != order or isinstance(key, bool) or not isinstance(key, float | int | str):
            raise ValueError(cursor)
        if isinstance(key, float) and not math.isfinite(key):
            raise ValueError(cursor)
        if isinstance(key, int) and not -(2**63) <= key < 2**63:
            raise ValueError(cursor)
        return key, UUID(row_id)
    except (ValueError, TypeError, UnicodeError, binascii.Error, json.JSONDecodeError):
        raise InvalidSearchCursorError() from None
