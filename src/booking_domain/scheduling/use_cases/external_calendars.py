"""External calendars of the caller's own artist profile: add (by the feed's secret URL),
list (masked), remove; and their refresh, which the worker runs (``RefreshExternalCalendar``
right after adding, ``RefreshDueExternalCalendars`` periodically).

A refresh reads the calendar and its artist, fetches the feed with no transaction open,
decides the busy spans in the domain (``external_busy``), then stores them and the outcome
in one transaction. A failed fetch records its error and keeps the spans it had.
"""

from __future__ import annotations

from booking_domain.catalog import ArtistNotFoundError, ArtistProfile
from booking_domain.scheduling.errors import (
    ExternalCalendarNotFoundError,
    InvalidExternalCalendarError,
    TooManyExternalCalendarsError,
)
from booking_domain.scheduling.external import (
    MAX_CALENDARS_PER_ARTIST,
    ExternalCalendar,
    ExternalCalendarId,
    FetchOutcome,
    feed_url,
)
from booking_domain.scheduling.external_busy import MAX_BUSY_EVENTS, busy_spans, fetch_window
from booking_domain.scheduling.ports import FetchFailedError, SchedulingUnitOfWork
from booking_domain.scheduling.use_cases.deps import SchedulingDeps
from booking_domain.shared.errors import FieldError, PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.use_case import UseCase

# Calendars fetched per periodic run: each fetch is bounded by the fetcher's timeout, and
# the next run (ten minutes on) takes the rest, the longest waiting first.
REFRESH_BATCH = 50


async def _own_artist(uow: SchedulingUnitOfWork, actor: Actor) -> ArtistProfile:
    if actor.role is not Role.ARTIST:
        raise PermissionDeniedError("Only artists connect external calendars.")
    artist = await uow.artists.get_by_user(actor.user_id)
    if artist is None:
        raise ArtistNotFoundError("Create your artist profile first.")
    return artist


class AddExternalCalendar(UseCase[SchedulingDeps]):
    """The calling artist connects a feed by its secret URL; its first fetch is queued."""

    async def __call__(self, actor: Actor, url: str, name: str | None = None) -> ExternalCalendar:
        url = feed_url(url)
        async with self._deps.uow(read_only=True) as uow:
            # Who may connect is settled first: the refusal resolves the host, and nobody
            # but an artist should learn what the server's DNS knows.
            await _own_artist(uow, actor)
        reason = await self._deps.calendar_fetcher.refusal(url)
        if reason is not None:
            raise InvalidExternalCalendarError(errors=(FieldError("url", reason),))
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor)
            if len(await uow.external_calendars.of_artist(artist.id)) >= MAX_CALENDARS_PER_ARTIST:
                raise TooManyExternalCalendarsError()
            calendar = ExternalCalendar.add(artist.id, name, url, self._deps.clock.now())
            await uow.external_calendars.add(calendar)
            await uow.calendar_refresh_queue.refresh_soon(calendar.id)
            await uow.commit()
        return calendar


class ListExternalCalendars(UseCase[SchedulingDeps]):
    """The calling artist's calendars, oldest first."""

    async def __call__(self, actor: Actor) -> tuple[ExternalCalendar, ...]:
        async with self._deps.uow(read_only=True) as uow:
            artist = await _own_artist(uow, actor)
            return await uow.external_calendars.of_artist(artist.id)


class RemoveExternalCalendar(UseCase[SchedulingDeps]):
    """Disconnect a calendar; its busy time stops blocking at once."""

    async def __call__(self, actor: Actor, calendar_id: ExternalCalendarId) -> None:
        async with self._deps.uow() as uow:
            artist = await _own_artist(uow, actor)
            calendar = await uow.external_calendars.get(calendar_id)
            if calendar is None or calendar.artist_id != artist.id:
                raise ExternalCalendarNotFoundError()
            await uow.external_calendars.remove(calendar_id)
            await uow.commit()


class RefreshExternalCalendar(UseCase[SchedulingDeps]):
    """Fetch one calendar now and store what it says; None when it (or its artist) is gone."""

    async def __call__(self, calendar_id: ExternalCalendarId) -> FetchOutcome | None:
        async with self._deps.uow(read_only=True) as uow:
            calendar = await uow.external_calendars.get(calendar_id)
            artist = None if calendar is None else await uow.artists.get(calendar.artist_id)
        if calendar is None or artist is None:
            return None
        return await refresh(self._deps, calendar, artist)


class RefreshDueExternalCalendars(UseCase[SchedulingDeps]):
    """Fetch the calendars not fetched for ``REFRESH_EVERY`` (at most ``REFRESH_BATCH`` a
    run); how many were fetched."""

    async def __call__(self) -> int:
        async with self._deps.uow(read_only=True) as uow:
            due = await uow.external_calendars.due(self._deps.clock.now(), REFRESH_BATCH)
            artists = {c.artist_id: await uow.artists.get(c.artist_id) for c in due}
        done = 0
        for calendar in due:
            artist = artists[calendar.artist_id]
            if artist is not None:
                await refresh(self._deps, calendar, artist)
                done += 1
        return done


async def refresh(
    deps: SchedulingDeps, calendar: ExternalCalendar, artist: ArtistProfile
) -> FetchOutcome:
    """Fetch (no transaction open), decide, store in one transaction."""
    now = deps.clock.now()
    window = fetch_window(now, artist.policy.horizon)
    spans = None
    try:
        events = await deps.calendar_fetcher.events(calendar.url, window, MAX_BUSY_EVENTS)
    except FetchFailedError as exc:
        kept = calendar.last_fetch.busy_count if calendar.last_fetch is not None else 0
        outcome = FetchOutcome.failed(now, str(exc), kept)
    else:
        spans = busy_spans(events, window, artist.policy.zone)
        outcome = FetchOutcome(now, len(spans))
    async with deps.uow() as uow:
        await uow.external_calendars.record_fetch(calendar.id, outcome, spans)
        await uow.commit()
    return outcome
