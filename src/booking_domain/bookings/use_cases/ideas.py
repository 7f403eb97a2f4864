"""Ideas on a booking: its parties add them, everyone who sees the booking reads them, the
author (or an admin) edits and removes them. Rules: ``bookings/ideas.py``."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from booking_domain.bookings.access import load_visible
from booking_domain.bookings.booking import apply
from booking_domain.bookings.errors import IdeaNotFoundError, TooManyIdeasError
from booking_domain.bookings.history import HistoryKind
from booking_domain.bookings.ideas import (
    MAX_IDEAS_PER_BOOKING,
    Idea,
    IdeaId,
    check_idea_text,
    may_add_ideas,
)
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.recording import record_change
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.media import (
    ImageLink,
    StorageUnavailableError,
    UploadId,
    UploadPurpose,
    private_links,
    take_upload,
)
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase

IMAGE_URL_SECONDS = 300


@dataclass(frozen=True, slots=True)
class IdeaEntry:
    idea: Idea
    images: tuple[ImageLink, ...]  # signed URLs, valid IMAGE_URL_SECONDS


async def _entry(deps: BookingsDeps, idea: Idea) -> IdeaEntry:
    return IdeaEntry(idea, await private_links(deps.stores, idea.images, IMAGE_URL_SECONDS))


async def _visible_idea(uow: BookingsUnitOfWork, actor: Actor, idea_id: IdeaId) -> Idea:
    """The idea if ``actor`` sees its booking; to anyone else it does not exist."""
    idea = await uow.ideas.get(idea_id)
    if idea is None:
        raise IdeaNotFoundError()
    booking = await uow.bookings.get(BookingId(idea.booking_id))
    if booking is None or booking.role_of(actor) is None:
        raise IdeaNotFoundError()
    return idea


class AddIdea(UseCase[BookingsDeps]):
    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        *,
        description: str,
        upload_id: UploadId | None = None,
    ) -> IdeaEntry:
        check_idea_text(description)  # refused before anything is looked up
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking = await load_visible(uow, booking_id, actor, for_update=True)
            may_add_ideas(booking, actor)
            image = None
            if upload_id is not None:
                image = await take_upload(uow.uploads, upload_id, actor, UploadPurpose.IDEA, now)
            if len(await uow.ideas.for_booking(booking.id)) >= MAX_IDEAS_PER_BOOKING:
                raise TooManyIdeasError()
            idea = Idea.create(booking, actor, description, image, now)
            changed, entry = apply(booking, kind=HistoryKind.IDEA_ADDED, now=now, actor=actor)
            await uow.ideas.add(idea)
            if image is not None:
                await uow.uploads.update(image)
            await record_change(uow, changed, entry)
            await uow.commit()
        return await _entry(self._deps, idea)


class ListIdeas(UseCase[BookingsDeps]):
    async def __call__(self, actor: Actor, booking_id: BookingId) -> tuple[IdeaEntry, ...]:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            ideas = await uow.ideas.for_booking(booking.id)
        return tuple([await _entry(self._deps, idea) for idea in ideas])


class UpdateIdea(UseCase[BookingsDeps]):
    async def __call__(self, actor: Actor, idea_id: IdeaId, *, description: str) -> IdeaEntry:
        async with self._deps.uow() as uow:
            idea = await _visible_idea(uow, actor, idea_id)
            changed = idea.changed(actor, description, self._deps.clock.now())
            await uow.ideas.update(changed)
            await uow.commit()
        return await _entry(self._deps, changed)


class DeleteIdea(UseCase[BookingsDeps]):
    """Removes the idea, then its images (left behind only if storage fails meanwhile)."""

    async def __call__(self, actor: Actor, idea_id: IdeaId) -> None:
        async with self._deps.uow() as uow:
            idea = await _visible_idea(uow, actor, idea_id)
            idea.ensure_editable_by(actor)
            await uow.ideas.remove(idea.id)
            await uow.commit()
        for variant in idea.images:
            with contextlib.suppress(StorageUnavailableError):
                await self._deps.stores.uploads.delete(variant.key)
