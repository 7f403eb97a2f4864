"""The owner's side-by-side day of a studio (``bookings.studio_day``)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from booking_domain.bookings.ports import BookingFilter, BookingsUnitOfWork
from booking_domain.bookings.studio_day import (
    COLUMN_LIMIT,
    STUDIO_DAY_STATUSES,
    StudioColumn,
    StudioDay,
    column_of,
    ensure_may_see_studio_day,
)
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.catalog import ArtistProfile, Studio, StudioNotFoundError
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import StudioId
from booking_domain.shared.pages import PageRequest
from booking_domain.shared.time import zone
from booking_domain.shared.use_case import UseCase


def day_bounds(day: date, where: ZoneInfo) -> tuple[datetime, datetime]:
    """The day's first instant and the next day's, in ``where`` (a DST day is 23 or 25
    hours long); the calendar's first and last days have no neighbour and are refused."""
    if not date.min < day < date.max:
        raise InvalidInputError(errors=(FieldError("date", "Choose another day.", "range"),))
    return (
        datetime.combine(day, time(), where),
        datetime.combine(day + timedelta(days=1), time(), where),
    )


class ShowStudioDay(UseCase[BookingsDeps]):
    """The day (``day`` in ``time_zone``: an IANA name; by default the zone of the owner's
    own artist profile, else UTC) of every member of the studio, side by side: to its owner
    and admins only (``studio_day``)."""

    async def __call__(
        self, actor: Actor, studio_id: StudioId, day: date, time_zone: str | None = None
    ) -> StudioDay:
        where = None if time_zone is None else zone(time_zone)
        async with self._deps.uow(read_only=True) as uow:
            studio = await uow.studios.get(studio_id)
            if studio is None:
                raise StudioNotFoundError()
            ensure_may_see_studio_day(studio, actor)
            if where is None:
                where = zone(await _owner_zone(uow, studio))
            first, following = day_bounds(day, where)
            members = await uow.artists.in_studio(studio.id)
            columns = [await _column(uow, m, first, following) for m in members]
        return StudioDay(studio, day, where.key, tuple(columns))


async def _owner_zone(uow: BookingsUnitOfWork, studio: Studio) -> str:
    if studio.owner_user_id is None:
        return "UTC"
    owner = await uow.artists.get_by_user(studio.owner_user_id)
    return "UTC" if owner is None else owner.time_zone


async def _column(
    uow: BookingsUnitOfWork, artist: ArtistProfile, first: datetime, following: datetime
) -> StudioColumn:
    where = BookingFilter(
        artist_id=artist.id,
        statuses=STUDIO_DAY_STATUSES,
        starts_from=first,
        starts_before=following,
        soonest_first=True,
    )
    found = await uow.bookings.list_named(where, PageRequest(1, COLUMN_LIMIT))
    return column_of(artist, found.items, found.total > len(found.items))
