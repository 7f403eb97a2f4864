"""Loading a profile for a use case, of the catalogue or of a context above it (scheduling
edits an artist's availability): the one place that says what a missing or a stranger's
profile answers."""

from __future__ import annotations

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.catalog.ports import ArtistRepository
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId


async def load_artist(artists: ArtistRepository, artist_id: ArtistId) -> ArtistProfile:
    """The artist, or ``ArtistNotFoundError``."""
    artist = await artists.get(artist_id)
    if artist is None:
        raise ArtistNotFoundError()
    return artist


async def load_editable_artist(
    artists: ArtistRepository, actor: Actor, artist_id: ArtistId
) -> ArtistProfile:
    """The artist if ``actor`` owns it or is an admin; a stranger gets 403 for a public
    profile and 404 for one they may not know exists."""
    artist = await load_artist(artists, artist_id)
    artist.ensure_editable_by(actor)
    return artist
