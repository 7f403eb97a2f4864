"""Sessions a user can see: which device signed in, from where, and when it was last used.

A session is a refresh-token family (``sessions``). Beside its tokens each family has one
record (``Session``): the device that signed in (its User-Agent, kept cleaned and bounded),
the client address at sign-in and at the last use, when it started and when it was last
used (moved by every refresh).

Rules (docs/product.md, "2. Accounts and sessions"):
- a user sees only their own live sessions (a family with a usable refresh token: neither
  revoked, spent nor expired), the most recently used first, the caller's own marked;
- ending a session revokes its family, as logging out of it would; ending the caller's
  own is allowed (it is a logout); another user's session, an unknown one and one that has
  already ended are all "not found", so nobody learns which ids exist.

The human label ("Firefox on Linux") is computed when read, never stored, by a small parser
of the browsers and systems people actually sign in from (``describe_user_agent``): the
domain imports nothing outside the standard library, a label is only a hint for the person
reading the list, and a better parser then relabels every stored session at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from booking_domain.accounts.errors import SessionNotFoundError
from booking_domain.accounts.sessions import RefreshToken, SessionFamilyId
from booking_domain.shared.ids import UserId

MAX_USER_AGENT_LENGTH = 256
MAX_ADDRESS_LENGTH = 64  # an IPv6 address with a zone fits; "unknown" too
MAX_LISTED_SESSIONS = 100  # the newest used; older ones still end with a password change
UNKNOWN_DEVICE = "Unknown device"

# First match wins: Edge, Opera, Samsung's and Yandex's browsers also say "Chrome/", and
# Chrome says "Safari/".
_BROWSERS: tuple[tuple[str, str], ...] = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("Opera", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("YaBrowser/", "Yandex Browser"),
    ("FxiOS/", "Firefox"),
    ("Firefox/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("okhttp/", "Android app"),
    ("Dart/", "Mobile app"),
    ("curl/", "curl"),
    ("python-httpx/", "Python"),
    ("python-requests/", "Python"),
)
# iPhones and iPads also say "like Mac OS X"; Android says "Linux".
_SYSTEMS: tuple[tuple[str, str], ...] = (
    ("Windows Phone", "Windows Phone"),
    ("Windows", "Windows"),
    ("iPhone", "iOS"),
    ("iPod", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)
# Every label a browser or system can get, for tests and for clients that localise them.
BROWSER_NAMES = frozenset(name for _, name in _BROWSERS)
SYSTEM_NAMES = frozenset(name for _, name in _SYSTEMS)


def _is_shown(ch: str) -> bool:
    """Not a control, format, surrogate, private-use or unassigned character (category C*):
    nothing that could hide or reorder what a person reads."""
    return not unicodedata.category(ch).startswith("C")


def _cleaned(value: str | None, limit: int) -> str:
    """``value`` without the characters nobody should be shown (``_is_shown``), runs of
    whitespace made one space, trimmed, and cut to ``limit`` characters."""
    if not value:
        return ""
    kept = value if value.isprintable() else "".join(ch if _is_shown(ch) else " " for ch in value)
    return " ".join(kept.split())[:limit].rstrip()


def clean_user_agent(user_agent: str | None) -> str:
    """The User-Agent as it is kept: printable, single-spaced, at most 256 characters;
    ``""`` when there is none. Cleaning a cleaned value changes nothing."""
    return _cleaned(user_agent, MAX_USER_AGENT_LENGTH)


def clean_address(address: str | None) -> str | None:
    """A client address as it is kept (cleaned like the User-Agent, at most 64 characters),
    or None when there is none."""
    return _cleaned(address, MAX_ADDRESS_LENGTH) or None


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((name for token, name in table if token in user_agent), None)


def describe_user_agent(user_agent: str | None) -> str:
    """A short label for a person: "Firefox on Linux", "Chrome on Android", "Safari" (no
    system said), "Windows" (no browser known), or "Unknown device"."""
    if not user_agent:
        return UNKNOWN_DEVICE
    browser, system = _first(user_agent, _BROWSERS), _first(user_agent, _SYSTEMS)
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or UNKNOWN_DEVICE


@dataclass(frozen=True, slots=True)
class SessionDevice:
    """What a client tells of itself when it signs in or refreshes: its User-Agent and the
    address the server sees it at. Kept as ``clean_user_agent`` and ``clean_address`` say
    (``Session`` cleans what it is given)."""

    user_agent: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class Session:
    """One session (refresh-token family) as its user sees it. Whether it still lives is its
    tokens' business (``family_is_live``)."""

    id: SessionFamilyId
    user_id: UserId
    user_agent: str  # cleaned; "" when the client sent none
    address: str | None  # at sign-in
    created_at: datetime
    last_used_at: datetime
    last_address: str | None  # at the last use (sign-in or refresh)

    @property
    def device(self) -> str:
        return describe_user_agent(self.user_agent)

    @classmethod
    def opened(
        cls,
        session_id: SessionFamilyId,
        user_id: UserId,
        now: datetime,
        device: SessionDevice | None = None,
    ) -> Session:
        """A session started ``now`` (a sign-in) from ``device``."""
        device = device or SessionDevice()
        address = clean_address(device.address)
        return cls(
            session_id, user_id, clean_user_agent(device.user_agent), address, now, now, address
        )

    def used(self, now: datetime, device: SessionDevice | None = None) -> Session:
        """Used again ``now`` (a refresh) from ``device``: the last use moves (never back),
        the last address becomes the one given (an unknown one keeps the last known), and a
        session that knew no User-Agent takes the one given. The device that signed in
        stays what the session is called."""
        device = device or SessionDevice()
        return replace(
            self,
            last_used_at=max(self.last_used_at, now),
            last_address=clean_address(device.address) or self.last_address,
            user_agent=self.user_agent or clean_user_agent(device.user_agent),
        )


@dataclass(frozen=True, slots=True)
class SeenSession:
    """A session in its user's list: ``current`` when it is the one asking."""

    session: Session
    current: bool


def family_is_live(tokens: Iterable[RefreshToken], now: datetime) -> bool:
    """A session lives while one of its refresh tokens is usable (not revoked, not spent,
    not expired): the one a refresh would take."""
    return any(token.is_usable(now) for token in tokens)


def newest_use_first(sessions: Iterable[Session]) -> list[Session]:
    """The list's order: the most recently used first; ties the newest id first (ids are
    UUIDv7: the later sign-in)."""
    return sorted(sessions, key=lambda s: (s.last_used_at, s.id), reverse=True)


def seen_by(sessions: Iterable[Session], current: SessionFamilyId) -> tuple[SeenSession, ...]:
    """The sessions (already the user's live ones) as their user sees them, in order."""
    return tuple(SeenSession(s, s.id == current) for s in newest_use_first(sessions))


def session_to_end(session: Session | None, user_id: UserId) -> Session:
    """The session ``user_id`` asked to end, given the live session of that id (None: there
    is none); anyone else's is not found, exactly like one that does not exist."""
    if session is None or session.user_id != user_id:
        raise SessionNotFoundError()
    return session
