"""Free slots of a service, computed by the domain from one read of the artist's calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.catalog import ArtistProfile, Service, ServiceNotFoundError, load_artist
from booking_domain.scheduling.bookability import free_slot_epochs
from booking_domain.scheduling.errors import ArtistNotBookableError
from booking_domain.scheduling.intervals import from_epoch
from booking_domain.scheduling.use_cases.deps import SchedulingDeps
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.freshness import browsing
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.time import Interval, require_aware
from booking_domain.shared.use_case import UseCase

MAX_SLOT_RANGE = timedelta(days=62)
# One answer holds at most this many starts (about 150 kB of JSON); a client continues from
# ``next_from``. A 62-day range on a one-minute grid would otherwise be ~40,000 (5.6 MB).
MAX_SLOTS_PER_QUERY = 1000


@dataclass(frozen=True, slots=True)
class FreeSlots:
    """The first free starts of the range, as ascending Unix-epoch seconds (``starts`` gives
    them as datetimes); ``next_from`` is where the next ones are looked for (ask again from
    there), or None when these are all of them."""

    artist: ArtistProfile
    service: Service
    epochs: tuple[int, ...]
    next_from: datetime | None = None

    @property
    def starts(self) -> tuple[datetime, ...]:
        """The starts in UTC."""
        return tuple([from_epoch(s) for s in self.epochs])


class FindFreeSlots(UseCase[SchedulingDeps]):
    """Free starts for a service in ``[start, end)`` (at most 62 days), the first ``limit``
    of them (at most ``MAX_SLOTS_PER_QUERY``). Strangers get 404 for an artist they may not
    see; a service that is inactive is 404 to all but its owner and admins, to whom it (like
    a suspended artist's) is not bookable. A size of a one-off flash design that is taken
    has no free start."""

    async def __call__(
        self,
        actor: Actor | None,
        artist_id: ArtistId,
        service_id: ServiceId,
        start: datetime,
        end: datetime,
        limit: int = MAX_SLOTS_PER_QUERY,
    ) -> FreeSlots:
        start, end = require_aware(start, "from"), require_aware(end, "to")
        if not 1 <= limit <= MAX_SLOTS_PER_QUERY:
            message = f"Ask for 1 to {MAX_SLOTS_PER_QUERY} slots at a time."
            raise InvalidInputError(errors=(FieldError("limit", message, "out_of_range"),))
        if not start < end or end - start > MAX_SLOT_RANGE:
            raise InvalidInputError(
                errors=(
                    FieldError(
                        "to", "Ask for a range of up to 62 days after 'from'.", "out_of_range"
                    ),
                )
            )
        window = Interval(start, end)
        now = self._deps.clock.now()
        may_lag = browsing(actor)
        async with self._deps.uow(read_only=True, may_lag=may_lag) as uow:
            context = await uow.scheduling.context(artist_id, service_id, window, now)
        if context is None:
            async with self._deps.uow(read_only=True, may_lag=may_lag) as uow:
                (await load_artist(uow.artists, artist_id)).ensure_visible_to(actor)
            raise ServiceNotFoundError()
        artist, service = context.artist, context.service
        artist.ensure_visible_to(actor)
        privileged = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
        if not service.active and not privileged:
            raise ServiceNotFoundError()
        if not artist.is_bookable or not service.active:
            raise ArtistNotBookableError()
        if service.flash is not None and service.flash.taken:
            return FreeSlots(artist, service, ())  # a one-off flash design booked already
        epochs = free_slot_epochs(
            service=service,
            policy=artist.policy,
            schedule=context.schedule,
            busy=context.busy,
            between=window,
            now=now,
            limit=limit + 1,  # one more tells whether the answer is complete
        )
        if len(epochs) > limit:
            next_from = from_epoch(epochs[limit])
            return FreeSlots(artist, service, tuple(epochs[:limit]), next_from=next_from)
        return FreeSlots(artist, service, tuple(epochs))
