"""A person's calendar feed: a secret URL (``/cal/<token>.ics``) that calendar apps poll
without signing in, listing the person's bookings (docs/calendars.md).

The token is never stored. What is stored is a random nonce (32 bytes) and the lookup digest
of the token; the token is the keyed digest of the owner and the nonce. So the owner can be
shown the same URL again, a copy of the database yields neither the token nor a way to make
it (both digests are keyed by the server's secret), and a request's token is found by its
digest. Regenerating draws a new nonce: the old URL then answers 404, exactly like a URL that
never existed (nothing says it was once someone's).

A feed is bounded: bookings starting from ``FEED_DAYS_BACK`` days ago to ``FEED_DAYS_AHEAD``
days ahead, at most ``MAX_FEED_EVENTS`` of them (the latest starts first).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.accounts import KeyedDigest
from booking_domain.shared.ids import UserId
from booking_domain.shared.time import Interval, require_aware

FEED_DAYS_BACK = 90
FEED_DAYS_AHEAD = 730
MAX_FEED_EVENTS = 300
NONCE_BYTES = 32
FEED_SUFFIX = ".ics"
# A token as made: 64 lower-case hex digits (an HMAC-SHA-256). Anything else is no token,
# answered without a lookup.
_TOKEN = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class CalendarFeed:
    """One person's feed: ``nonce`` makes its token, ``lookup`` finds it by a token."""

    owner_id: UserId
    nonce: str
    lookup: str
    created_at: datetime

    def token(self, digest: KeyedDigest) -> str:
        """The secret part of the feed's URL (never stored)."""
        return feed_token(digest, self.owner_id, self.nonce)


def feed_token(digest: KeyedDigest, owner_id: UserId, nonce: str) -> str:
    return digest.digest("calendar-feed-token", str(owner_id), nonce)


def feed_lookup(digest: KeyedDigest, token: str) -> str:
    """What a feed is stored and found under: the keyed digest of its token."""
    return digest.digest("calendar-feed-lookup", token)


def new_feed(owner_id: UserId, digest: KeyedDigest, now: datetime) -> CalendarFeed:
    """A feed with a fresh nonce (a first feed, or one replacing the owner's old one)."""
    nonce = secrets.token_hex(NONCE_BYTES)
    token = feed_token(digest, owner_id, nonce)
    return CalendarFeed(owner_id, nonce, feed_lookup(digest, token), require_aware(now, "now"))


def token_of_name(name: str) -> str | None:
    """The token in the last segment of a feed's path (``<token>.ics``); None when it cannot
    be one (such a request is answered 404 without a lookup)."""
    token = name.removesuffix(FEED_SUFFIX)
    if token == name or not _TOKEN.fullmatch(token):
        return None
    return token


def feed_window(now: datetime) -> Interval:
    """The starts a feed lists at ``now``."""
    now = require_aware(now, "now")
    return Interval(now - timedelta(days=FEED_DAYS_BACK), now + timedelta(days=FEED_DAYS_AHEAD))
