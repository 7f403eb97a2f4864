"""Quotes and projects on every adapter: a quote waits for the request to be accepted; a
revision supersedes the live quote; an expired or superseded quote is refused and changes
nothing; accepting books the first session in the same transaction (a refused slot leaves
no project behind); later sessions keep the healing gap; the deposit is asked once and
credited to the closing session through the session prices; the project's own service is
offered to nobody; each step is one event of the request, in order; a leaving artist's
quote notes are forgotten, on the quote and on the project it started."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from booking_domain.bookings import BookingStatus, SessionOfProjectError
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import ServiceReservedError
from booking_domain.catalog.use_cases import ServiceFields
from booking_domain.commissions import (
    DepositUnpaidError,
    DraftTerms,
    ProjectClosedError,
    ProjectFullyBookedError,
    ProjectNotFoundError,
    ProjectState,
    QuoteAlreadyAcceptedError,
    QuoteExpiredError,
    QuoteNotFoundError,
    QuoteState,
    QuoteStatus,
    QuoteSupersededError,
    RequestActionNotAllowedError,
    RequestNotAcceptedError,
    SessionTooCloseError,
    erased_quote,
)
from booking_domain.scheduling import ArtistNotBookableError, NotBookableError
from booking_domain.shared import Role
from booking_domain.shared.money import Money
from booking_domain.shared.pages import PageRequest
from tests.contract.commissions.test_commissions_contract import a_studio
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
MNT = "MNT"
DAY = timedelta(days=1)


def terms(valid_for: timedelta = 7 * DAY, *, deposit: int = 100_000_00) -> DraftTerms:
    """Two sessions of three hours, 600,000 (up to 700,000), 14 days apart."""
    return DraftTerms(2, 180, 600_000_00, 700_000_00, deposit, MNT, 14, START + valid_for,
                      "Two sittings")  # fmt: skip


async def test_quotes_are_revised_and_accepted_once_with_the_first_session(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, artist, customer = studio.commissions, studio.artist.actor, studio.customer
    request_id = await studio.send()
    feed = feed_of(uow_factory)
    with pytest.raises(RequestNotAcceptedError):
        await c.offer_quote(artist, request_id, terms())
    await c.accept_request(artist, request_id, text="Yes")
    tail = await feed.tail()
    with pytest.raises(RequestActionNotAllowedError):
        await c.offer_quote(customer, request_id, terms())

    first = (await c.offer_quote(artist, request_id, terms(DAY))).quote
    studio.clock.advance(2 * DAY)
    first_session = START + 3 * DAY  # 10:00, inside 09:00-17:00 every day
    with pytest.raises(QuoteExpiredError):
        await c.accept_quote(customer, first.id, first_session)
    second = (await c.offer_quote(artist, request_id, terms(7 * DAY))).quote
    quotes = await c.list_quotes(customer, request_id)
    assert [(e.quote.revision, e.state) for e in quotes] == [
        (1, QuoteState.SUPERSEDED), (2, QuoteState.OFFERED),
    ]  # fmt: skip
    with pytest.raises(QuoteSupersededError):
        await c.accept_quote(customer, first.id, first_session)
    with pytest.raises(RequestActionNotAllowedError):
        await c.accept_quote(artist, second.id, first_session)

    offered = await c.quote_starts(
        customer, second.id, first_session, first_session.replace(hour=17)
    )
    assert offered.starts[0] == first_session  # 10:00; a 3-hour session ends by 17:00
    assert offered.starts[-1] == first_session.replace(hour=14)
    with pytest.raises(QuoteNotFoundError):  # to a stranger, as an unknown id
        await c.quote_starts(await add_user(uow_factory), second.id, START, START + DAY)

    # A start the artist does not offer: refused, and nothing at all is left behind.
    with pytest.raises(NotBookableError):
        await c.accept_quote(customer, second.id, START + 3 * DAY - timedelta(hours=2))
    assert (await c.list_quotes(customer, request_id))[1].state is QuoteState.OFFERED
    assert (await c.my_projects(customer, PageRequest(1, 20))).total == 0

    started = await c.accept_quote(customer, second.id, first_session)
    booking = started.booking
    assert started.quote.status is QuoteStatus.ACCEPTED
    assert (booking.status, booking.deposit, booking.price) == (
        BookingStatus.PENDING, Money(100_000_00, MNT), Money(400_000_00, MNT),
    )  # fmt: skip
    assert booking.end - booking.start == timedelta(hours=3)
    project = started.project.project
    assert started.project.progress.booked == 1
    with pytest.raises(QuoteAlreadyAcceptedError):
        await c.offer_quote(artist, request_id, terms())

    # The project's own service is offered to nobody, the customer included.
    with pytest.raises(ArtistNotBookableError):
        await build_app(uow_factory, studio.clock).bundles.bookings.create_booking(
            customer, BookingRequest(project.artist_id, project.service_id, START + 30 * DAY)
        )

    # While the first session waits for the deposit, nothing more is booked.
    with pytest.raises(DepositUnpaidError):
        await c.book_session(customer, project.id, first_session + 14 * DAY)
    # A session is moved only through its project: the bookings' own reschedule refuses it.
    with pytest.raises(SessionOfProjectError):
        await build_app(uow_factory, studio.clock).bundles.bookings.reschedule(
            customer, booking.id, start=first_session + DAY
        )
    # Its service is reserved: the artist cannot change it, and it is in no list.
    catalog = build_app(uow_factory, studio.clock).bundles.catalog
    with pytest.raises(ServiceReservedError):
        await catalog.update_service(
            artist, project.artist_id, project.service_id, ServiceFields(active=True)
        )
    listed = await catalog.list_services(artist, project.artist_id)
    assert project.service_id not in {s.id for s in listed}

    seen = await c.get_project(artist, project.id)
    assert [s.booking_id for s in seen.sessions] == [booking.id]
    assert (seen.progress.state, seen.progress.booked, seen.progress.deposit_held) == (
        ProjectState.ACTIVE, 1, True,
    )  # fmt: skip
    assert [p.project.id for p in (await c.my_projects(artist, PageRequest(1, 20))).items] == [
        project.id
    ]
    stranger = await add_user(uow_factory)
    with pytest.raises(ProjectNotFoundError):
        await c.get_project(stranger, project.id)
    admin = await add_user(uow_factory, Role.ADMIN)
    assert (await c.get_project(admin, project.id)).project.id == project.id

    events = [i.event for i in await everything(feed, tail)]
    of_request = [(e.type, e.sequence) for e in events if e.type.startswith("request.")]
    assert of_request == [
        ("request.quoted", 3), ("request.quoted", 4), ("request.quote_accepted", 5),
    ]  # fmt: skip
    quoted = next(e for e in events if e.type == "request.quote_accepted")
    assert quoted.data["change"]["quote"]["id"] == str(second.id)  # type: ignore[index,call-overload]


async def test_sessions_follow_in_order_the_gap_apart_and_move_within_their_place(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """No deposit: each session is confirmed at once (the deposit's own path is walked over
    HTTP with a payment, tests/api/commissions/test_projects_api.py)."""
    studio = await a_studio(uow_factory)
    c, artist, customer = studio.commissions, studio.artist.actor, studio.customer
    request_id = await studio.send()
    await c.accept_request(artist, request_id, text="Yes")
    quote = (await c.offer_quote(artist, request_id, terms(deposit=0))).quote
    first_session = START + 3 * DAY
    started = await c.accept_quote(customer, quote.id, first_session)
    project = started.project.project
    assert started.booking.price == Money(300_000_00, MNT)

    next_ones = await c.project_starts(
        customer, project.id, first_session + 13 * DAY, first_session + 15 * DAY
    )
    assert next_ones.starts and min(next_ones.starts) == first_session + 14 * DAY
    with pytest.raises(SessionTooCloseError):
        await c.book_session(customer, project.id, first_session + 14 * DAY - timedelta(hours=1))
    with pytest.raises(SessionTooCloseError):  # in order: never before the sessions booked
        await c.book_session(customer, project.id, first_session - 2 * DAY)
    second = await c.book_session(customer, project.id, first_session + 16 * DAY)
    assert (second.status, second.deposit, second.price) == (
        BookingStatus.CONFIRMED, Money(0, MNT), Money(300_000_00, MNT),
    )  # fmt: skip
    with pytest.raises(ProjectFullyBookedError):
        await c.book_session(customer, project.id, first_session + 40 * DAY)
    assert (await c.project_starts(customer, project.id, START, START + 30 * DAY)).starts == ()

    with pytest.raises(SessionTooCloseError):
        await c.move_session(customer, project.id, second.id, first_session + 13 * DAY)
    moved = await c.move_session(artist, project.id, second.id, first_session + 15 * DAY)
    assert moved.start == first_session + 15 * DAY
    seen = await c.get_project(customer, project.id)
    assert [s.start for s in seen.sessions] == [first_session, first_session + 15 * DAY]


async def test_cancelling_a_project_cancels_its_upcoming_sessions_by_policy(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, artist, customer = studio.commissions, studio.artist.actor, studio.customer
    request_id = await studio.send()
    await c.accept_request(artist, request_id, text="Yes")
    quote = (await c.offer_quote(artist, request_id, terms(deposit=0))).quote
    started = await c.accept_quote(customer, quote.id, START + 3 * DAY)
    project = started.project.project
    assert started.booking.status is BookingStatus.CONFIRMED  # no deposit: confirmed at once
    admin = await add_user(uow_factory, Role.ADMIN)
    with pytest.raises(RequestActionNotAllowedError):
        await c.cancel_project(admin, project.id)

    feed = feed_of(uow_factory)
    tail = await feed.tail()
    ended = await c.cancel_project(artist, project.id, reason="Moving abroad")
    assert ended.progress.state is ProjectState.CANCELLED
    assert [s.status for s in ended.sessions] == [BookingStatus.CANCELLED]
    kinds = [i.event.type for i in await everything(feed, tail)]
    assert "request.project_cancelled" in kinds and "booking.cancelled" in kinds
    with pytest.raises(ProjectClosedError):
        await c.book_session(customer, project.id, START + 20 * DAY)
    with pytest.raises(ProjectClosedError):
        await c.cancel_project(customer, project.id)


async def test_a_quote_s_note_is_forgotten_on_it_and_on_its_project(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, artist, customer = studio.commissions, studio.artist.actor, studio.customer
    request_id = await studio.send()
    await c.accept_request(artist, request_id, text="Yes")
    first = (await c.offer_quote(artist, request_id, terms(deposit=0))).quote
    second = (await c.offer_quote(artist, request_id, terms(deposit=0))).quote
    started = await c.accept_quote(customer, second.id, START + 3 * DAY)
    project_id = started.project.project.id
    async with uow_factory() as uow:
        quotes = await uow.quotes.of_request(request_id)
        assert [q.terms.note for q in quotes] == ["Two sittings", "Two sittings"]
        for quote in quotes:
            erased = erased_quote(quote, artist.user_id)
            # Only the note is written: a status given beside it is not.
            await uow.quotes.forget(dataclasses.replace(erased, status=QuoteStatus.OFFERED))
        # Seen at once in the unit: the project's terms are its quote's.
        project = await uow.projects.get(project_id)
        assert project is not None and project.terms.note == ""
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        after = await uow.quotes.of_request(request_id)
        assert [(q.id, q.status, q.terms.note) for q in after] == [
            (first.id, QuoteStatus.SUPERSEDED, ""), (second.id, QuoteStatus.ACCEPTED, ""),
        ]  # fmt: skip
        assert after[1].terms == dataclasses.replace(second.terms, note="")
        assert after[1].updated_at == started.quote.updated_at
        project = await uow.projects.of_request(request_id)
        assert project is not None and project.terms == after[1].terms
        mine = await uow.projects.of_party(customer.user_id, PageRequest(1, 20))
        assert [p.terms.note for p in mine.items] == [""]
