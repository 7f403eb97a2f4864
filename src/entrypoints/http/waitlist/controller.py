"""The waitlist: a customer joins (``POST /artists/{id}/waitlist``), reads their entries
(``GET /me/waitlist``, ``GET /waitlist/{id}``) and leaves (``DELETE /waitlist/{id}``);
answers an offer by its booking (``POST /waitlist/offers/{bookingId}/accept``,
``/decline``); the artist sets the waitlist (``GET``/``PUT
/artists/{id}/waitlist/settings``) and reads its figures (``GET
/artists/{id}/waitlist/stats``). An entry is its customer's and admins'; an artist's
settings and figures are the artist's and admins': anyone else gets 404."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import delete, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import (
    BookingActionNotAllowedError,
    BookingNotFoundError,
    HoldExpiredError,
)
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.shared import (
    ConcurrentUpdateError,
    InvalidInputError,
    InvalidIntervalError,
    InvalidTransitionError,
)
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import PageRequest
from booking_domain.waitlist import (
    EntryId,
    InvalidWaitlistEntryError,
    InvalidWaitlistSettingsError,
    OfferNotFoundError,
    TooManyWaitlistEntriesError,
    WaitlistActionNotAllowedError,
    WaitlistClosedError,
    WaitlistEntryClosedError,
    WaitlistEntryExistsError,
    WaitlistEntryNotFoundError,
)
from booking_domain.waitlist.use_cases import EntryView, WaitlistUseCases
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.waitlist.dto import (
    AnsweredView,
    EntryDto,
    EntryPage,
    JoinBody,
    SettingsBody,
    SettingsView,
    StatsView,
)
from entrypoints.http.wire import PageNumber, PageSize

WaitlistDep = NamedDependency[WaitlistUseCases]
Days = Annotated[
    int, QueryParameter(description="The period: 7, 30, 90 or 365 days up to now", ge=1, le=365)
]


def _entry(view: EntryView) -> EntryDto:
    return EntryDto.of(view)


# Joining (Join): the artist not there, not a customer's step, the waitlist closed, the
# dates refused, too many entries, one for those dates already (or at once by another); a
# write that lost a race (concurrent_update, as on every change).
JOIN_RAISES = raises_exactly(
    ArtistNotFoundError,
    WaitlistActionNotAllowedError,
    WaitlistClosedError,
    InvalidWaitlistEntryError,
    InvalidIntervalError,
    TooManyWaitlistEntriesError,
    WaitlistEntryExistsError,
    ConcurrentUpdateError,
)
# An artist's waitlist settings and figures: not there, or not the caller's; changing them:
# besides, not theirs to change, a value refused; the figures' period refused.
SETTINGS_RAISES = raises_exactly(ArtistNotFoundError)
CHANGE_SETTINGS_RAISES = raises_exactly(
    ArtistNotFoundError,
    WaitlistActionNotAllowedError,
    InvalidWaitlistSettingsError,
    ConcurrentUpdateError,
)
STATS_RAISES = raises_exactly(ArtistNotFoundError, InvalidInputError)
# An entry: not there, or not the caller's (the same 404).
READ_RAISES = raises_exactly(WaitlistEntryNotFoundError)
# Leaving: besides, not the customer's, closed already; its open offer declined with it.
LEAVE_RAISES = raises_exactly(
    WaitlistEntryNotFoundError,
    WaitlistActionNotAllowedError,
    WaitlistEntryClosedError,
    InvalidTransitionError,
    BookingActionNotAllowedError,
    HoldExpiredError,
    ConcurrentUpdateError,
)
# Accepting or declining an offer: no such offer (or not the caller's), its entry or booking
# gone, not the customer's step, the entry closed, the hold expired, a state moved.
ANSWER_RAISES = raises_exactly(
    OfferNotFoundError,
    WaitlistEntryNotFoundError,
    BookingNotFoundError,
    ArtistNotFoundError,
    WaitlistActionNotAllowedError,
    BookingActionNotAllowedError,
    WaitlistEntryClosedError,
    HoldExpiredError,
    InvalidTransitionError,
    ConcurrentUpdateError,
)
# The caller's entries: nothing to refuse.
MINE_RAISES = raises_exactly()


class ArtistWaitlistController(SignedIn, context="waitlist"):
    path = "/artists/{artist_id:uuid}/waitlist"
    tags = ["waitlist"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Join an artist's waitlist (customers)",
        opt=JOIN_RAISES,
    )
    async def join(
        self, artist_id: FromPath[UUID], data: JSONBody[JoinBody], actor: Caller,
        waitlist: WaitlistDep,
    ) -> EntryDto:  # fmt: skip
        return _entry(await waitlist.join(actor, data.command(artist_id)))

    @get(
        "/settings",
        summary="The artist's waitlist settings (the artist, admins)",
        opt=SETTINGS_RAISES,
    )
    async def settings(
        self, artist_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep
    ) -> SettingsView:
        return SettingsView.of(await waitlist.get_settings(actor, ArtistId(artist_id)))

    @put(
        "/settings",
        summary="Turn the waitlist on or off, set the offers' hold (the artist)",
        opt=CHANGE_SETTINGS_RAISES,
    )
    async def change_settings(
        self, artist_id: FromPath[UUID], data: JSONBody[SettingsBody], actor: Caller,
        waitlist: WaitlistDep,
    ) -> SettingsView:  # fmt: skip
        changed = await waitlist.update_settings(actor, ArtistId(artist_id), data.change())
        return SettingsView.of(changed)

    @get(
        "/stats",
        summary="The artist's waitlist figures for a period (the artist, admins)",
        opt=STATS_RAISES,
    )
    async def stats(
        self, artist_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep, days: Days = 30
    ) -> StatsView:
        return StatsView.of(days, await waitlist.stats(actor, ArtistId(artist_id), days))


class WaitlistController(SignedIn, context="waitlist"):
    path = "/waitlist"
    tags = ["waitlist"]

    @get("/{entry_id:uuid}", summary="A waitlist entry (its customer, admins)", opt=READ_RAISES)
    async def read(
        self, entry_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep
    ) -> EntryDto:
        return _entry(await waitlist.get_entry(actor, EntryId(entry_id)))

    @delete(
        "/{entry_id:uuid}",
        status_code=HTTP_200_OK,
        summary="Leave a waitlist (its customer); an open offer is declined with it",
        opt=LEAVE_RAISES,
    )
    async def leave(
        self, entry_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep
    ) -> EntryDto:
        return _entry(await waitlist.leave(actor, EntryId(entry_id)))

    @post(
        "/offers/{booking_id:uuid}/accept",
        status_code=HTTP_200_OK,
        summary="Accept an offer while its hold lasts (its customer)",
        opt=ANSWER_RAISES,
    )
    async def accept(
        self, booking_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep
    ) -> AnsweredView:
        return AnsweredView.of(await waitlist.accept_offer(actor, BookingId(booking_id)))

    @post(
        "/offers/{booking_id:uuid}/decline",
        status_code=HTTP_200_OK,
        summary="Decline an offer: the time goes to the next in line (its customer)",
        opt=ANSWER_RAISES,
    )
    async def decline(
        self, booking_id: FromPath[UUID], actor: Caller, waitlist: WaitlistDep
    ) -> AnsweredView:
        return AnsweredView.of(await waitlist.decline_offer(actor, BookingId(booking_id)))


class MyWaitlistController(SignedIn, context="waitlist"):
    path = "/me/waitlist"
    tags = ["waitlist"]

    @get(summary="Your waitlist entries, newest first", opt=MINE_RAISES)
    async def mine(
        self, actor: Caller, waitlist: WaitlistDep, page: PageNumber = 1, page_size: PageSize = 20
    ) -> EntryPage:
        found = await waitlist.my_waitlist(actor, PageRequest(page, page_size))
        return EntryPage.of(found, _entry)
