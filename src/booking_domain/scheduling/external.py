"""External calendars: an artist's secret iCal feeds (Google, Apple, Outlook ...) whose busy
times block the artist's slots.

An artist keeps at most ``MAX_CALENDARS_PER_ARTIST``. The feed's URL is a credential (whoever
has it reads the whole calendar): it is stored sealed, never logged, and shown afterwards
only masked (``masked_url``: the scheme and host, nothing of the path). ``webcal://`` is the
same feed over ``https``. Where a URL may point (https only, no private or local address
outside local use) is the fetcher's guard, the webhooks' SSRF guard
(``CalendarFetcher.refusal``); here only its shape is checked.

Each fetch leaves a ``FetchOutcome`` on the calendar: when, how many busy spans, and the
error text of a failure. A failing fetch keeps the spans of the last good one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import NewType
from urllib.parse import urlsplit
from uuid import UUID

from booking_domain.scheduling.errors import InvalidExternalCalendarError
from booking_domain.shared.errors import FieldError
from booking_domain.shared.ids import ArtistId, new_uuid7
from booking_domain.shared.text import is_clean_text
from booking_domain.shared.time import require_aware

ExternalCalendarId = NewType("ExternalCalendarId", UUID)

MAX_CALENDARS_PER_ARTIST = 5
MAX_URL_LENGTH = 2000
MAX_NAME_LENGTH = 100
MAX_ERROR_LENGTH = 300
# How old the last fetch may be before the periodic refresh fetches the feed again.
REFRESH_EVERY = timedelta(minutes=10)


def _refused(field_name: str, reason: str) -> InvalidExternalCalendarError:
    return InvalidExternalCalendarError(errors=(FieldError(field_name, reason),))


def feed_url(url: str) -> str:
    """The URL to fetch: ``webcal://`` read as ``https://``; refused when not an absolute
    URL of clean text of at most ``MAX_URL_LENGTH`` characters."""
    if len(url) > MAX_URL_LENGTH or not is_clean_text(url) or url != url.strip() or not url:
        raise _refused("url", f"An absolute URL of at most {MAX_URL_LENGTH} characters.")
    if url[:9].lower() == "webcal://":
        url = "https://" + url[9:]
    return url


def calendar_name(name: str | None) -> str:
    """The artist's label for the calendar: trimmed, one line, at most ``MAX_NAME_LENGTH``."""
    label = (name or "").strip()
    if len(label) > MAX_NAME_LENGTH or not is_clean_text(label):
        raise _refused("name", f"One line of at most {MAX_NAME_LENGTH} characters.")
    return label


def mask(url: str) -> str:
    """What may be shown of a secret URL: its scheme and host, the rest elided."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", urlsplit("")
    return f"{parts.scheme or 'https'}://{host}/…"


@dataclass(frozen=True, slots=True)
class FetchOutcome:
    """The last fetch: ``error`` is None when it succeeded (``busy_count`` spans stored)."""

    at: datetime
    busy_count: int = 0
    error: str | None = None

    def __post_init__(self) -> None:
        require_aware(self.at, "at")

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def failed(cls, at: datetime, error: str, kept: int) -> FetchOutcome:
        """A failure, its text cut to ``MAX_ERROR_LENGTH``; ``kept`` spans stay in force."""
        return cls(at, kept, error[:MAX_ERROR_LENGTH] or "failed")


@dataclass(frozen=True, slots=True)
class ExternalCalendar:
    id: ExternalCalendarId
    artist_id: ArtistId
    name: str
    url: str = field(repr=False)  # a credential: never in a log line or another's view
    created_at: datetime
    last_fetch: FetchOutcome | None = None

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")

    @classmethod
    def add(
        cls, artist_id: ArtistId, name: str | None, url: str, now: datetime
    ) -> ExternalCalendar:
        """``url`` must already have passed ``feed_url`` and the fetcher's guard."""
        return cls(
            id=ExternalCalendarId(new_uuid7(int(now.timestamp() * 1000))),
            artist_id=artist_id,
            name=calendar_name(name),
            url=url,
            created_at=now,
        )

    @property
    def masked_url(self) -> str:
        return mask(self.url)

    def due(self, now: datetime) -> bool:
        """Whether the periodic refresh should fetch it: never fetched, or not for a while."""
        return self.last_fetch is None or now - self.last_fetch.at >= REFRESH_EVERY

    def fetched(self, outcome: FetchOutcome) -> ExternalCalendar:
        return replace(self, last_fetch=outcome)
