"""Counting a booking link's page as people load it (``catalog.visits``): the visit's
ticket opens one slot view of its own link, on its day and the next only; the use cases
count a visitor once per link, use and day, and a load without a visitor (``HEAD``) not at
all."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.security.digest import HmacDigest
from booking_domain.catalog import VisitorFacts
from booking_domain.catalog.links import LinkCounts
from booking_domain.catalog.visits import (
    TICKET_DAYS,
    forget_visitors_before,
    visit_ticket,
    visitor_of,
    visitor_of_ticket,
)
from booking_domain.shared import InvalidInputError
from tests.support.bootstrap import App, build_app
from tests.support.catalog import add_bookable_artist

DIGEST = HmacDigest("test-secret")
DAY = date(2026, 3, 2)
days = st.dates(date(2000, 1, 1), date(2199, 12, 30))
keys = st.uuids().map(str)
facts = st.builds(VisitorFacts, st.text(max_size=40), st.text(max_size=600))


@given(facts, days)
def test_a_visitor_is_the_same_all_day_and_another_the_next(seen: VisitorFacts, day: date) -> None:
    visitor = visitor_of(DIGEST, seen, day)
    assert visitor == visitor_of(DIGEST, seen, day)
    assert visitor != visitor_of(DIGEST, seen, day + timedelta(days=1))


@given(keys, facts, days, st.integers(0, TICKET_DAYS - 1))
def test_a_ticket_names_its_visitor_on_its_day_and_the_next(
    link: str, seen: VisitorFacts, day: date, later: int
) -> None:
    visitor = visitor_of(DIGEST, seen, day)
    ticket = visit_ticket(DIGEST, link, visitor, day)
    assert visitor_of_ticket(DIGEST, link, ticket, day + timedelta(days=later)) == visitor


@given(keys, keys, days, st.sampled_from([-1, TICKET_DAYS, 30]))
def test_a_ticket_is_refused_for_another_link_or_day(
    link: str, other: str, day: date, off: int
) -> None:
    ticket = visit_ticket(DIGEST, link, "v" * 64, day)
    with pytest.raises(InvalidInputError) as too_old:
        visitor_of_ticket(DIGEST, link, ticket, day + timedelta(days=off))
    assert [(e.field, e.code) for e in too_old.value.errors] == [("visit", "invalid_visit")]
    if other != link:
        with pytest.raises(InvalidInputError):
            visitor_of_ticket(DIGEST, other, ticket, day)


@given(keys, days, st.data())
def test_a_changed_or_forged_ticket_is_refused(link: str, day: date, data: st.DataObject) -> None:
    ticket = visit_ticket(DIGEST, link, visitor_of(DIGEST, VisitorFacts("1.2.3.4", "ua"), day), day)
    at = data.draw(st.integers(0, len(ticket) - 1))
    changed = ticket[:at] + ("0" if ticket[at] != "0" else "1") + ticket[at + 1 :]
    forged = data.draw(st.text(max_size=300))
    for bad in (changed, forged, ticket + "0", visit_ticket(HmacDigest("other"), link, "v", day)):
        with pytest.raises(InvalidInputError):
            visitor_of_ticket(DIGEST, link, bad, day)


@given(keys, days, st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_a_ticket_of_any_characters_is_refused_never_failing(
    link: str, day: date, visitor: str, seal: str
) -> None:
    """The seal is compared as bytes: a ticket of the right shape whose parts are not ASCII
    (``2026-11-27.a.é``) is a refusal like any other, never an error of the comparison."""
    for bad in (f"{day.isoformat()}.{visitor}.{seal}.", f"{day.isoformat()}.a.é"):
        with pytest.raises(InvalidInputError):
            visitor_of_ticket(DIGEST, link, bad.rstrip("."), day)


@pytest.fixture
async def app() -> App:
    return build_app(app_url="https://ink.example")


async def _token(app: App) -> tuple[str, object]:
    artist = await add_bookable_artist(app.uow)
    (entry,) = await app.catalog.list_booking_links(artist.actor)
    return entry.link.token, artist.actor


async def _counts(app: App, actor: object) -> LinkCounts:
    (listed,) = await app.catalog.list_booking_links(actor)  # type: ignore[arg-type]
    return listed.usage.total


@pytest.mark.anyio
async def test_a_visitor_counts_once_a_day_and_a_head_never(app: App) -> None:
    token, actor = await _token(app)
    phone, laptop = VisitorFacts("10.0.0.1", "Phone"), VisitorFacts("10.0.0.1", "Laptop")
    for _ in range(3):
        await app.catalog.open_booking_link(token, phone)
        await app.catalog.open_booking_link(token, None)
    await app.catalog.open_booking_link(token, laptop)
    assert await _counts(app, actor) == LinkCounts(visits=2)
    app.clock.advance(timedelta(days=1))
    await app.catalog.open_booking_link(token, phone)
    assert await _counts(app, actor) == LinkCounts(visits=3)


@pytest.mark.anyio
async def test_a_slot_view_needs_the_visits_ticket_and_counts_once(app: App) -> None:
    token, actor = await _token(app)
    landing = await app.catalog.open_booking_link(token, VisitorFacts("10.0.0.1", "Phone"))
    assert (await app.catalog.open_booking_link(token, None)).ticket == ""
    for bad in ("", "2026-03-02.x.y", landing.ticket[:-1] + "x"):
        with pytest.raises(InvalidInputError):
            await app.catalog.count_slot_view(token, bad)
    assert await _counts(app, actor) == LinkCounts(visits=1)
    for _ in range(3):
        await app.catalog.count_slot_view(token, landing.ticket)
    assert await _counts(app, actor) == LinkCounts(visits=1, slot_views=1)
    app.clock.advance(timedelta(days=1))  # a page left open over midnight still counts
    await app.catalog.count_slot_view(token, landing.ticket)
    app.clock.advance(timedelta(days=1))
    with pytest.raises(InvalidInputError):
        await app.catalog.count_slot_view(token, landing.ticket)
    assert await _counts(app, actor) == LinkCounts(visits=1, slot_views=2)


@pytest.mark.anyio
async def test_the_purge_forgets_visitors_of_days_before_yesterday(app: App) -> None:
    token, actor = await _token(app)
    phone = VisitorFacts("10.0.0.1", "Phone")
    await app.catalog.open_booking_link(token, phone)
    assert await app.catalog.forget_link_visitors() == 0
    app.clock.advance(timedelta(days=1))
    assert await app.catalog.forget_link_visitors() == 0  # yesterday's are kept
    app.clock.advance(timedelta(days=1))
    assert await app.catalog.forget_link_visitors() == 1
    await app.catalog.open_booking_link(token, phone)
    await app.catalog.open_booking_link(token, phone)
    assert await _counts(app, actor) == LinkCounts(visits=2)


@given(days)
def test_visitors_are_kept_from_yesterday_on(today: date) -> None:
    assert forget_visitors_before(today) == today - timedelta(days=1)
