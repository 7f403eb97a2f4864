"""Identifiers.

Entity ids are UUIDv7: random enough to reveal nothing, time-ordered so that new rows land at
the end of B-tree indexes.
"""

from __future__ import annotations

import os
import time
from typing import NewType
from uuid import UUID

UserId = NewType("UserId", UUID)
ArtistId = NewType("ArtistId", UUID)
StudioId = NewType("StudioId", UUID)
ServiceId = NewType("ServiceId", UUID)
BookingId = NewType("BookingId", UUID)
DisputeId = NewType("DisputeId", UUID)


def new_uuid7(unix_ms: int | None = None) -> UUID:
    """A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits."""
    ms = int(time.time() * 1000) if unix_ms is None else unix_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a: 12 bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # rand_b: 62 bits
    return UUID(int=value)
