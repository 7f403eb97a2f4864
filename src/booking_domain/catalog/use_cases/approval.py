"""The life of a profile: the owner submits it; an admin approves or rejects it, and
reinstates a suspended one (the rules are ``ArtistProfile``'s). Each change is recorded in
the outbox with it (``catalog/published.py``). Suspending is bookings' use case
(``SuspendArtist``): it cancels the artist's upcoming bookings in the same transaction,
through ``catalog/profile_changes.py``."""

from __future__ import annotations

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.ports import ArtistFilter
from booking_domain.catalog.profile_changes import Change, change_profile
from booking_domain.catalog.published import (
    ArtistChange,
)
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase


async def _change_profile(
    deps: CatalogDeps, actor: Actor, artist_id: ArtistId, change: Change, kind: ArtistChange
) -> ArtistProfile:
    async with deps.uow() as uow:
        updated = await change_profile(uow, actor, artist_id, change, kind, deps.clock.now())
        await uow.commit()
    return updated


class SubmitArtistProfile(UseCase[CatalogDeps]):
    """The owner submits a draft or rejected profile for review."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
        return await _change_profile(
            self._deps,
            actor,
            artist_id,
            lambda a, now: a.submitted(actor, now),
            ArtistChange.SUBMITTED,
        )


class ReviewArtistProfile(UseCase[CatalogDeps]):
    """An admin approves or rejects a submitted profile, with a note."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, *, approved: bool, note: str | None
    ) -> ArtistProfile:
        require_clean_text(multi_line=[("note", note)])
        return await _change_profile(
            self._deps,
            actor,
            artist_id,
            lambda a, now: a.reviewed(actor, now, approved=approved, note=note),
            ArtistChange.APPROVED if approved else ArtistChange.REJECTED,
        )


class ReinstateArtist(UseCase[CatalogDeps]):
    """An admin lifts a suspension: the profile is public and bookable again. Bookings the
    suspension cancelled stay cancelled (bookings' ``SuspendArtist``)."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
        return await _change_profile(
            self._deps,
            actor,
            artist_id,
            lambda a, now: a.with_suspension(actor, now, suspended=False),
            ArtistChange.REINSTATED,
        )


class ListArtistProfiles(UseCase[CatalogDeps]):
    """Admins list profiles, oldest first: by review state (the queue: ``pending``),
    suspension, city and text in the display name (``ArtistFilter``)."""

    async def __call__(
        self, actor: Actor, where: ArtistFilter, page: PageRequest
    ) -> Page[ArtistProfile]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        require_clean_text(single_line=[("city", where.city), ("q", where.text)])
        async with self._deps.uow(read_only=True) as uow:
            return await uow.artists.list(where, page)
