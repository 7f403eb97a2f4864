"""Tattoo requests on every adapter: a request is stored with its pictures (each upload used
once), read back whole, answered once, its thread kept in order; the customer's list newest
first; the artist's queue theirs to answer first, longest waiting first; strangers find
nothing; every step goes out as one event in order."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from uuid import uuid4

import pytest

from adapters.system.clock import ManualClock
from booking_domain.catalog import ArtistNotFoundError, ArtistStatus
from booking_domain.commissions import (
    BodyArea,
    ColourMode,
    DraftDetails,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestId,
    RequestNotFoundError,
    RequestNotOpenError,
    RequestStatus,
    Turn,
    erased_message,
    erased_request,
    leavers_uploads,
)
from booking_domain.commissions.use_cases import CommissionUseCases, SendRequestCommand
from booking_domain.media import (
    Upload,
    UploadId,
    UploadNotFoundError,
    UploadNotReadyError,
    UploadPurpose,
    UploadStatus,
    Variant,
)
from booking_domain.shared import Actor, ArtistId, Role
from booking_domain.shared.pages import PageRequest
from tests.contract.outbox.test_outbox_contract import everything, feed_of
from tests.support.bootstrap import build_app
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
PAGE = PageRequest(1, 20)


def a_draft(idea: str = "A fox on the forearm", dates: tuple[date, ...] = ()) -> DraftDetails:
    return DraftDetails(
        idea, BodyArea.FOREARM, "inside", 12, ColourMode.BLACK_AND_GREY, 100_000, 300_000, "MNT",
        dates, True,
    )  # fmt: skip


async def a_picture(uow_factory: AnyUnitOfWorkFactory, owner: Actor) -> UploadId:
    """A finished upload of ``owner``'s made for ideas."""
    picture = Upload(
        UploadId(uuid4()), owner.user_id, UploadPurpose.IDEA, "image/jpeg", 1_000,
        UploadStatus.READY, START, START,
        variants=(Variant("small", f"variants/{uuid4()}/small.webp", 10, 10, 100),),
    )  # fmt: skip
    async with uow_factory() as uow:
        await uow.uploads.add(picture)
        await uow.commit()
    return picture.id


class Studio:
    """An approved artist, a customer, a stranger and the request use cases, on one store."""

    def __init__(self, uow: AnyUnitOfWorkFactory, artist: BookableArtist, customer: Actor) -> None:
        self.uow = uow
        self.artist = artist
        self.customer = customer
        self.clock = ManualClock(START)
        self.commissions: CommissionUseCases = build_app(uow, self.clock).bundles.commissions

    async def send(self, *, customer: Actor | None = None, pictures: int = 0) -> RequestId:
        who = customer or self.customer
        uploads = tuple([await a_picture(self.uow, who) for _ in range(pictures)])
        command = SendRequestCommand(self.artist.id, a_draft(), uploads, adult=True)
        return (await self.commissions.send_request(who, command)).request.id


async def a_studio(uow_factory: AnyUnitOfWorkFactory) -> Studio:
    artist = await add_bookable_artist(uow_factory)
    return Studio(uow_factory, artist, await add_user(uow_factory))


async def test_a_request_is_sent_with_pictures_accepted_once_and_talked_over(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, a = studio.commissions, studio.artist.actor
    feed = feed_of(uow_factory)
    start = await feed.tail()
    request_id = await studio.send(pictures=2)

    seen = await c.get_request(a, request_id)
    assert seen.viewer is Role.ARTIST and len(seen.images) == 2
    assert seen.request.details.idea == "A fox on the forearm"
    assert (seen.request.status, seen.request.turn) == (RequestStatus.OPEN, Turn.ARTIST)
    stranger = await add_user(uow_factory)
    with pytest.raises(RequestNotFoundError):
        await c.get_request(stranger, request_id)
    with pytest.raises(RequestNotFoundError):
        await c.list_messages(stranger, request_id, PAGE)

    studio.clock.advance(timedelta(hours=1))
    with pytest.raises(RequestActionNotAllowedError):
        await c.accept_request(studio.customer, request_id, text="I accept myself")
    accepted = await c.accept_request(a, request_id, text="Love it, let's talk size")
    assert (accepted.status, accepted.turn, accepted.version) == (
        RequestStatus.ACCEPTED, Turn.CUSTOMER, 2,
    )  # fmt: skip
    with pytest.raises(RequestNotOpenError):
        await c.decline_request(a, request_id, text="Changed my mind")
    with pytest.raises(RequestNotOpenError):
        await c.withdraw_request(studio.customer, request_id)

    studio.clock.advance(timedelta(minutes=5))
    picture = await a_picture(uow_factory, studio.customer)
    said = await c.post_message(studio.customer, request_id, text="15 cm?", upload_id=picture)
    assert said.message.upload_id == picture and len(said.images) == 1
    with pytest.raises(UploadNotReadyError):  # an upload is used once
        await c.post_message(studio.customer, request_id, text="again", upload_id=picture)
    thread = await c.list_messages(studio.customer, request_id, PAGE)
    assert [(e.message.author_role, e.message.text) for e in thread.items] == [
        (Role.ARTIST, "Love it, let's talk size"), (Role.CUSTOMER, "15 cm?"),
    ]  # fmt: skip
    admin = await add_user(uow_factory, Role.ADMIN)
    assert (await c.list_messages(admin, request_id, PAGE)).total == 2
    with pytest.raises(RequestActionNotAllowedError):
        await c.post_message(admin, request_id, text="Admins only read", upload_id=None)

    again = (await c.get_request(studio.customer, request_id)).request
    assert (again.turn, again.turn_since, again.message_count, again.version) == (
        Turn.ARTIST, START + timedelta(hours=1, minutes=5), 2, 3,
    )  # fmt: skip
    events = [i.event for i in await everything(feed, start)]
    assert [(e.type, e.sequence) for e in events] == [
        ("request.sent", 1), ("request.accepted", 2), ("request.message_posted", 3),
    ]  # fmt: skip
    assert all(e.audience == (studio.customer.user_id, a.user_id) for e in events)


async def test_a_withdrawn_or_declined_request_is_closed_for_good(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, a = studio.commissions, studio.artist.actor
    first = await studio.send()
    studio.clock.advance(timedelta(minutes=1))
    second = await studio.send()
    with pytest.raises(RequestActionNotAllowedError):
        await c.withdraw_request(a, first)
    withdrawn = await c.withdraw_request(studio.customer, first, text="Found another artist")
    assert withdrawn.status is RequestStatus.WITHDRAWN
    declined = await c.decline_request(a, second, text="Not my style, sorry")
    assert declined.status is RequestStatus.DECLINED
    for closed in (first, second):
        with pytest.raises(RequestClosedError):
            await c.post_message(studio.customer, closed, text="Please?", upload_id=None)
        with pytest.raises(RequestNotOpenError):
            await c.accept_request(a, closed, text="Fine")
    assert (await c.request_queue(a, PAGE)).total == 0
    mine = await c.my_requests(studio.customer, PAGE)
    assert [r.id for r in mine.items] == [second, first]  # newest first


async def test_the_queue_serves_the_artists_turn_first_longest_waiting_first(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, a = studio.commissions, studio.artist.actor
    sent = []
    for _ in range(4):
        sent.append(await studio.send())
        studio.clock.advance(timedelta(minutes=10))
    oldest, answered, newest, nudged = sent
    await c.post_message(a, answered, text="Which arm?", upload_id=None)
    studio.clock.advance(timedelta(minutes=10))
    await c.accept_request(a, oldest, text="Yes")
    studio.clock.advance(timedelta(minutes=10))
    # The customer speaks again on a request already waiting for the artist: it keeps its place.
    await c.post_message(studio.customer, nudged, text="Any news?", upload_id=None)
    queue = await c.request_queue(a, PAGE)
    assert [r.id for r in queue.items] == [newest, nudged, oldest, answered]
    assert [r.turn for r in queue.items] == [Turn.ARTIST, Turn.ARTIST, Turn.CUSTOMER, Turn.CUSTOMER]
    second_page = await c.request_queue(a, PageRequest(2, 3))
    assert ([r.id for r in second_page.items], second_page.total) == ([answered], 4)
    with pytest.raises(RequestActionNotAllowedError):
        await c.request_queue(studio.customer, PAGE)
    other = await add_bookable_artist(uow_factory)
    assert (await c.request_queue(other.actor, PAGE)).total == 0


async def test_a_request_needs_a_public_artist_and_the_senders_own_uploads(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    someone = await add_user(uow_factory)
    theirs = await a_picture(uow_factory, someone)
    command = SendRequestCommand(studio.artist.id, a_draft(), (theirs,), adult=True)
    with pytest.raises(UploadNotFoundError):  # another's upload does not exist for them
        await studio.commissions.send_request(studio.customer, command)
    hidden = await add_bookable_artist(uow_factory, status=ArtistStatus.PENDING)
    to_hidden = SendRequestCommand(hidden.id, a_draft(), (), adult=True)
    with pytest.raises(ArtistNotFoundError):
        await studio.commissions.send_request(studio.customer, to_hidden)
    nobody = SendRequestCommand(ArtistId(uuid4()), a_draft(), (), adult=True)
    with pytest.raises(ArtistNotFoundError):
        await studio.commissions.send_request(studio.customer, nobody)
    async with uow_factory(read_only=True) as uow:
        assert (await uow.tattoo_requests.of_customer(studio.customer.user_id, PAGE)).total == 0


async def test_every_request_to_an_artist_is_listed_whatever_its_state(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, a = studio.commissions, studio.artist.actor
    first = await studio.send()
    studio.clock.advance(timedelta(minutes=1))
    second = await studio.send()
    studio.clock.advance(timedelta(minutes=1))
    third = await studio.send(customer=await add_user(uow_factory))
    await c.decline_request(a, first, text="Not my style")
    other = await add_bookable_artist(uow_factory)
    async with uow_factory(read_only=True) as uow:
        every = await uow.tattoo_requests.of_artist(a.user_id, PAGE)
        assert ([r.id for r in every.items], every.total) == ([third, second, first], 3)
        assert every.items[2].status is RequestStatus.DECLINED
        paged = await uow.tattoo_requests.of_artist(a.user_id, PageRequest(2, 2))
        assert ([r.id for r in paged.items], paged.total) == ([first], 3)
        assert (await uow.tattoo_requests.of_artist(other.actor.user_id, PAGE)).total == 0
        # The customer's account is not the artist's: nothing is listed for them.
        assert (await uow.tattoo_requests.of_artist(studio.customer.user_id, PAGE)).total == 0


async def test_a_party_s_words_and_pictures_are_forgotten_and_their_uploads_freed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    studio = await a_studio(uow_factory)
    c, a = studio.commissions, studio.artist.actor
    request_id = await studio.send(pictures=2)
    await c.accept_request(a, request_id, text="Yes, let's talk")
    studio.clock.advance(timedelta(minutes=1))
    picture = await a_picture(uow_factory, studio.customer)
    said = await c.post_message(studio.customer, request_id, text="Like so", upload_id=picture)
    async with uow_factory() as uow:
        request = await uow.tattoo_requests.get(request_id, for_update=True)
        assert request is not None and len(request.images) == 2
        # Forgetting writes the images given, in their order, and drops the others.
        await uow.tattoo_requests.forget(dataclasses.replace(request, images=request.images[1:]))
        kept = await uow.tattoo_requests.get(request_id)
        assert kept is not None and kept.images == request.images[1:]
        assert kept.details == request.details
        uploads = leavers_uploads(request, (said.message,), studio.customer.user_id)
        assert len(uploads) == 3
        await uow.tattoo_requests.forget(erased_request(request, studio.customer.user_id))
        await uow.request_messages.forget(erased_message(said.message))
        for upload_id in uploads:  # nothing holds them any more
            await uow.uploads.remove(upload_id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        after = await uow.tattoo_requests.get(request_id)
        assert after is not None and after.images == ()
        assert (after.details.idea, after.details.placement.text) == ("", "")
        assert after.details.placement.area is BodyArea.FOREARM  # the rest stays
        assert (after.status, after.version, after.message_count) == (
            RequestStatus.ACCEPTED, request.version, 2,
        )  # fmt: skip
        thread = await uow.request_messages.of_request(request_id, PAGE)
        assert [(m.author_role, m.text, m.upload_id, m.images) for m in thread.items] == [
            (Role.ARTIST, "Yes, let's talk", None, ()), (Role.CUSTOMER, "", None, ()),
        ]  # fmt: skip
        assert [await uow.uploads.get(u) for u in uploads] == [None, None, None]
