"""The life of a profile: the owner submits it; an admin approves or rejects it, and
reinstates a suspended one (the rules are ``ArtistProfile``'s). Each change is recorded in
the outbox with it (``catalog/published.py``). Suspending is bookings' use case
(``SuspendArtist``): it cancels the artist's upcoming bookings in the same transaction,
through ``change_profile`` and ``suspended`` here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.ports import ArtistFilter, HasArtists
from booking_domain.catalog.published import (
    ArtistChange,
    artist_audit_entry,
    artist_outbox_event,
    artist_subject,
)
from booking_domain.catalog.use_cases.deps import CatalogDeps, load_artist
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase

Change = Callable[[ArtistProfile, datetime], ArtistProfile]


class ProfileChanges(HasArtists, HasOutbox, HasAudit, Protocol):
    """What a profile change needs of a unit of work (catalogue's own, or one above it that
    changes more in the same transaction: a suspension also cancels bookings)."""


async def change_profile(
    uow: ProfileChanges,
    actor: Actor,
    artist_id: ArtistId,
    change: Change,
    kind: ArtistChange,
    now: datetime,
) -> ArtistProfile:
    """Load (strangers get 404 for a profile they may not see), change, save with its event
    and its audit entry; the caller commits."""
    artist = await load_artist(uow.artists, artist_id)
    artist.ensure_visible_to(actor)
    updated = change(artist, now)
    await uow.artists.update(updated)
    sequence = await uow.outbox.next_sequence(artist_subject(artist_id))
    await uow.outbox.record(artist_outbox_event(updated, kind, actor, now, sequence=sequence))
    await uow.audit.record(artist_audit_entry(artist, updated, kind, actor, now))
    return updated


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


def suspended(actor: Actor) -> Change:
    """The change of a suspension (an admin's; see ``ArtistProfile.with_suspension``)."""
    return lambda artist, now: artist.with_suspension(actor, now, suspended=True)


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
