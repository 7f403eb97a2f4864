"""``/api/v1/me/external-calendars``: the calling artist's external calendars, whose busy
times block their slots (docs/external-calendars.md). Artists only (the use cases decide)."""

from __future__ import annotations

from uuid import UUID

from litestar import delete, get, post
from litestar.params import FromPath, JSONBody

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.scheduling import (
    ExternalCalendarId,
    ExternalCalendarNotFoundError,
    InvalidExternalCalendarError,
    TooManyExternalCalendarsError,
)
from booking_domain.shared import Page, PageRequest, PermissionDeniedError
from booking_domain.shared.secrets import SecretUnreadableError
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.scheduling.controller import SchedulingDep
from entrypoints.http.scheduling.external_dto import (
    ExternalCalendarPage,
    ExternalCalendarRequest,
    ExternalCalendarView,
)
from entrypoints.http.wire import PageNumber, PageSize

# Every one: the caller is no artist, or has no profile yet; a stored URL that no key opens
# (503). Adding: the URL refused, too many calendars. Removing: not there, or not theirs.
OWN_CALENDARS = (PermissionDeniedError, ArtistNotFoundError, SecretUnreadableError)
ADD_RAISES = raises_exactly(
    *OWN_CALENDARS, InvalidExternalCalendarError, TooManyExternalCalendarsError
)
LIST_RAISES = raises_exactly(*OWN_CALENDARS)
REMOVE_RAISES = raises_exactly(*OWN_CALENDARS, ExternalCalendarNotFoundError)


class ExternalCalendarsController(SignedIn, context="scheduling"):
    path = "/me/external-calendars"
    tags = ["availability"]

    @post(
        summary="Connect a calendar by its secret iCal URL (its first fetch is queued)",
        opt=ADD_RAISES,
    )
    async def add(
        self, data: JSONBody[ExternalCalendarRequest], actor: Caller, scheduling: SchedulingDep
    ) -> ExternalCalendarView:
        added = await scheduling.add_external_calendar(actor, data.url, data.name)
        return ExternalCalendarView.of(added)

    @get(summary="Your external calendars (URLs masked) and their last fetch", opt=LIST_RAISES)
    async def list_calendars(
        self,
        actor: Caller,
        scheduling: SchedulingDep,
        page: PageNumber = 1,
        page_size: PageSize = 20,
    ) -> ExternalCalendarPage:
        found = await scheduling.list_external_calendars(actor)
        return ExternalCalendarPage.of(
            Page.of_whole(found, PageRequest(page, page_size)), ExternalCalendarView.of
        )

    @delete(
        "/{calendar_id:uuid}",
        summary="Disconnect a calendar (its busy time stops blocking)",
        opt=REMOVE_RAISES,
    )
    async def remove(
        self, calendar_id: FromPath[UUID], actor: Caller, scheduling: SchedulingDep
    ) -> None:
        await scheduling.remove_external_calendar(actor, ExternalCalendarId(calendar_id))
