"""HMAC-SHA-256 under a server secret: what is stored in place of one-time codes and client
addresses (``KeyedDigest``). Without the key, a copy of the database cannot be searched for
the million six-digit codes."""

from __future__ import annotations

import hashlib
import hmac

from booking_domain.accounts.ports import KeyedDigest


class HmacDigest(KeyedDigest):
    def __init__(self, secret: str, *, purpose: str = "inkslot-keyed-digest") -> None:
        # A key of its own, derived from the secret, so these digests never coincide with
        # anything else the same secret signs.
        self._key = hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).digest()

    def __repr__(self) -> str:  # never the key
        return "HmacDigest()"

    def digest(self, *parts: str) -> str:
        message = "\x1f".join(parts).encode("utf-8", "surrogatepass")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()
