"""A feed's HTTP answer: ``text/calendar`` with an ETag, and 304 to a client that holds
it already (``If-None-Match``): calendar apps poll every few hours, mostly for nothing new.

The ETag is a digest of the text, so it changes exactly when the feed does (a feed's text
is a function of its bookings: each event's ``DTSTAMP`` is the booking's last change)."""

from __future__ import annotations

import hashlib

from litestar import Response
from litestar.status_codes import HTTP_304_NOT_MODIFIED

from booking_domain.calendars.use_cases import FeedDocument

CALENDAR = "text/calendar"  # Litestar adds "; charset=utf-8" to a text type
# Feeds are personal: never kept by a shared cache; a calendar app may reuse one briefly.
_HEADERS = {
    "Cache-Control": "private, max-age=300",
    "Content-Disposition": 'inline; filename="inkslot.ics"',
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
}


def etag_of(text: str) -> str:
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weakly: RFC 9110 compares them so)."""
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


def feed_response(document: FeedDocument, if_none_match: str | None) -> Response[str]:
    etag = etag_of(document.text)
    headers = {**_HEADERS, "ETag": etag}
    if matches(if_none_match, etag):
        return Response("", status_code=HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(document.text, media_type=CALENDAR, headers=headers)
