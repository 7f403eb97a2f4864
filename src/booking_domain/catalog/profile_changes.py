"""Changing a profile in a unit of work with its outbox event and its audit entry: the
catalogue's own approvals, and a context above it that changes more in the same transaction
(bookings' ``SuspendArtist`` also cancels the artist's upcoming bookings)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.loading import load_artist
from booking_domain.catalog.ports import HasArtists
from booking_domain.catalog.published import (
    ArtistChange,
    artist_audit_entry,
    artist_outbox_event,
    artist_subject,
)
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.ports import HasOutbox

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


def suspended(actor: Actor) -> Change:
    """The change of a suspension (an admin's; see ``ArtistProfile.with_suspension``)."""
    return lambda artist, now: artist.with_suspension(actor, now, suspended=True)
