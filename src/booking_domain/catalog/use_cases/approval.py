"""The life of a profile: the owner submits it; an admin approves or rejects it, and
suspends or reinstates an approved one (the rules are ``ArtistProfile``'s). Each change is
recorded in the outbox with it (``catalog/published.py``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.published import ArtistChange, artist_outbox_event, artist_subject
from booking_domain.catalog.use_cases.deps import CatalogDeps, load_artist
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.use_case import UseCase

Change = Callable[[ArtistProfile, datetime], ArtistProfile]


async def _change_profile(
    deps: CatalogDeps, actor: Actor, artist_id: ArtistId, change: Change, kind: ArtistChange
) -> ArtistProfile:
    """Load (strangers get 404 for a profile they may not see), change, save with its event,
    commit."""
    async with deps.uow() as uow:
        artist = await load_artist(uow.artists, artist_id)
        artist.ensure_visible_to(actor)
        now = deps.clock.now()
        updated = change(artist, now)
        await uow.artists.update(updated)
        sequence = await uow.outbox.next_sequence(artist_subject(artist_id))
        await uow.outbox.record(artist_outbox_event(updated, kind, actor, now, sequence=sequence))
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


class SuspendArtist(UseCase[CatalogDeps]):
    """An admin takes an approved artist out of public view and bookings."""

    suspended = True

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> ArtistProfile:
        suspended = self.suspended
        return await _change_profile(
            self._deps,
            actor,
            artist_id,
            lambda a, now: a.with_suspension(actor, now, suspended=suspended),
            ArtistChange.SUSPENDED if suspended else ArtistChange.REINSTATED,
        )


class ReinstateArtist(SuspendArtist):
    """An admin lifts a suspension."""

    suspended = False
