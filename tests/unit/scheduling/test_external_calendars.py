"""External calendars: the feed URL's shape, its mask, names, and when a refresh is due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import (
    ExternalCalendar,
    FetchOutcome,
    InvalidExternalCalendarError,
)
from booking_domain.scheduling.external import (
    MAX_ERROR_LENGTH,
    REFRESH_EVERY,
    calendar_name,
    feed_url,
    mask,
)
from booking_domain.shared import ArtistId, new_uuid7

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
SECRET = "https://calendar.example.com/ical/me%40example.com/private-0123456789abcdef/basic.ics"


def test_webcal_is_read_as_https() -> None:
    assert feed_url("webcal://cal.example.com/feed.ics") == "https://cal.example.com/feed.ics"
    assert feed_url(SECRET) == SECRET


@pytest.mark.parametrize("url", ["", " https://a.example/x", "https://a.example/\x00", "x" * 2001])
def test_malformed_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidExternalCalendarError):
        feed_url(url)


@given(st.text(max_size=300))
def test_the_mask_never_shows_the_path(url: str) -> None:
    shown = mask(url)
    assert shown.endswith("/…")
    path = url.split("//", 1)[-1].partition("/")[2]
    if len(path) > 3:
        assert path not in shown


def test_a_calendar_shows_its_url_masked_and_never_in_its_repr() -> None:
    calendar = ExternalCalendar.add(ArtistId(new_uuid7()), " Personal ", SECRET, NOW)
    assert calendar.masked_url == "https://calendar.example.com/…"
    assert calendar.name == "Personal"
    assert "private-0123" not in repr(calendar)


def test_names_are_one_short_line() -> None:
    assert calendar_name(None) == ""
    with pytest.raises(InvalidExternalCalendarError):
        calendar_name("a\nb")
    with pytest.raises(InvalidExternalCalendarError):
        calendar_name("x" * 101)


def test_a_calendar_is_due_when_never_fetched_or_not_for_a_while() -> None:
    calendar = ExternalCalendar.add(ArtistId(new_uuid7()), None, SECRET, NOW)
    assert calendar.due(NOW)
    fetched = calendar.fetched(FetchOutcome(NOW, 3))
    assert not fetched.due(NOW + REFRESH_EVERY - timedelta(seconds=1))
    assert fetched.due(NOW + REFRESH_EVERY)


def test_a_failure_keeps_its_count_and_a_short_text() -> None:
    failed = FetchOutcome.failed(NOW, "x" * 1000, kept=4)
    assert not failed.ok
    assert failed.busy_count == 4
    assert failed.error is not None and len(failed.error) == MAX_ERROR_LENGTH
