"""Each API key's own rate limit: a token bucket per key of ``per_minute`` requests a minute
(bursts up to that many), kept in the app's ``api_key_limit`` store (Redis when the
deployment has one, so every API process counts together; else per process).

Counted after the key is checked and its scope granted: a key's own requests only, never a
stranger's guesses (those are refused as unknown keys). The read and the write of a bucket
are not one atomic step, as in Litestar's own per-address limiter: two processes may let a
request or two more through at once, never fewer.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from litestar.stores.base import Store

from booking_domain.accounts import ApiKeyId, ApiKeyRateLimitedError

STORE = "api_key_limit"
_IDLE_SECONDS = 120  # a bucket untouched this long is full again: forget it


@dataclass(frozen=True, slots=True)
class KeyRateLimit:
    per_minute: int
    store: Store
    clock: Callable[[], float] = time.time  # wall-clock seconds: processes share buckets

    async def take(self, key_id: ApiKeyId) -> None:
        """Take one request from the key's bucket, or raise ``ApiKeyRateLimitedError`` with
        the seconds until one is back."""
        now = self.clock()
        rate = self.per_minute / 60.0  # requests back per second
        tokens = float(self.per_minute)
        kept = await self.store.get(str(key_id))
        if kept is not None:
            left, at = (float(part) for part in kept.decode().split(":"))
            tokens = min(float(self.per_minute), left + max(0.0, now - at) * rate)
        if tokens < 1.0:
            raise ApiKeyRateLimitedError(retry_after_seconds=math.ceil((1.0 - tokens) / rate))
        await self.store.set(str(key_id), f"{tokens - 1.0}:{now}", expires_in=_IDLE_SECONDS)
