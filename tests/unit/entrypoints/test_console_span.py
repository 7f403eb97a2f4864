"""The console's day and week read every booking of their span (a busy studio's week is
more than a page of the bookings list) in one read, earliest first, in the in-memory core."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import AccessClaims, SessionFamilyId
from booking_domain.bookings.use_cases import BookingRequest, ClientDetails
from booking_domain.shared import MAX_PAGE_SIZE, new_uuid7
from entrypoints.web.bookings.console import bookings_between
from entrypoints.web.shared.console import Desk
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist

pytestmark = pytest.mark.anyio


async def test_a_span_of_more_than_a_page_is_read_whole() -> None:
    app = build_app()
    weekly = tuple((day, "00:00", "23:00") for day in range(7))  # 23 one-hour starts a day
    artist = await add_bookable_artist(app.uow, weekly=weekly)
    monday = START.replace(hour=0)
    wanted = MAX_PAGE_SIZE + 10  # Wednesday to Sunday: the notice keeps Monday and Tuesday
    for n in range(wanted):
        start = monday + timedelta(days=2 + n // 23, hours=n % 23)
        client = ClientDetails(f"Client {n}", f"+9768{n:07d}")
        request = BookingRequest(artist.id, artist.service.id, start, client=client)
        await app.bookings.create_booking(artist.actor, request)
    claims = AccessClaims(
        artist.user_id, artist.actor.role, SessionFamilyId(new_uuid7()), "t", START, START
    )
    desk = Desk(claims, "token", artist.profile, "en")
    found, more = await bookings_between(app.bookings, desk, monday, monday + timedelta(days=7))
    assert (len(found), more) == (wanted, False)
    assert len({named.booking.id for named in found}) == wanted
    starts = [named.booking.start for named in found]
    assert starts == sorted(starts)
    first_day, _ = await bookings_between(
        app.bookings, desk, monday + timedelta(days=2), monday + timedelta(days=3)
    )
    assert len(first_day) == 23
