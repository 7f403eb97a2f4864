"""Calendar feeds: ``GET /me/calendar-feed`` (your feed's URL, made at first use), ``POST
/me/calendar-feed/regenerate`` (a new URL; the old one answers 404), and the feed itself,
``GET /cal/{token}.ics``, at the root and without a bearer token (calendar apps cannot
send one: the URL is the secret). docs/calendars.md."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, get, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, HeaderParameter
from litestar.status_codes import HTTP_200_OK

from booking_domain.calendars import CalendarFeedNotFoundError
from booking_domain.calendars.use_cases import CalendarUseCases
from entrypoints.http.calendars.dto import CalendarFeedView
from entrypoints.http.calendars.feed_response import CALENDAR, feed_response
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly

CalendarsDep = NamedDependency[CalendarUseCases]
MAX_NAME = 200  # a feed's last path segment: 64 hex digits and ".ics"

# One's own feed: shown (made at first use; two first calls make one) or replaced, nothing
# refused. Reading a feed by its URL: no such feed, a replaced one, or its owner's account
# disabled or gone, all the same 404.
MY_FEED_RAISES = raises_exactly()
FEED_RAISES = raises_exactly(CalendarFeedNotFoundError)


class MyCalendarFeedController(SignedIn, context="calendars"):
    path = "/me/calendar-feed"
    tags = ["calendars"]

    @get(
        summary="Your calendar feed's secret URL (made the first time you ask)", opt=MY_FEED_RAISES
    )
    async def show(self, actor: Caller, calendars: CalendarsDep) -> CalendarFeedView:
        return CalendarFeedView.of(await calendars.show_my_feed(actor))

    @post(
        "/regenerate",
        status_code=HTTP_200_OK,
        summary="A new secret URL for your calendar feed (the old one stops working)",
        opt=MY_FEED_RAISES,
    )
    async def regenerate(self, actor: Caller, calendars: CalendarsDep) -> CalendarFeedView:
        return CalendarFeedView.of(await calendars.regenerate_my_feed(actor))


class CalendarFeedController(Public, context="calendars"):
    path = "/cal/{name:str}"
    tags = ["calendars"]

    @get(
        media_type=CALENDAR,
        summary="A calendar feed (iCalendar), by its secret URL: /cal/<token>.ics",
        responses={304: ResponseSpec(None, description="Not modified (If-None-Match)")},
        opt=FEED_RAISES,
    )
    async def feed(
        self,
        name: FromPath[str],
        calendars: CalendarsDep,
        if_none_match: Annotated[
            str | None, HeaderParameter(name="If-None-Match", max_length=1024)
        ] = None,
    ) -> Response[str]:
        """Your bookings (as customer or as artist) from 90 days back to two years ahead,
        each an event in the artist's time zone; cancelled ones stay, marked cancelled."""
        return feed_response(await calendars.read_feed(name[:MAX_NAME]), if_none_match)
