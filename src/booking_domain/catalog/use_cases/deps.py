"""What every catalogue use case is given, and the loading rules they share."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog.artists import ArtistProfile, GeoPoint
from booking_domain.catalog.errors import ArtistNotFoundError
from booking_domain.catalog.ports import ArtistRepository, CatalogUnitOfWorkFactory
from booking_domain.media import MediaStores
from booking_domain.shared.clock import Clock
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId

Coordinates = tuple[float, float]
"""Latitude and longitude as a client gave them; the use case checks them into a GeoPoint."""


@dataclass(frozen=True, slots=True)
class CatalogDeps:
    uow: CatalogUnitOfWorkFactory
    clock: Clock
    stores: MediaStores  # where portfolio images live (their URLs; removal with the item)


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


def geo_point(coordinates: Coordinates | None) -> GeoPoint | None:
    """A checked point (``InvalidInputError`` with ``location.lat``/``.lng`` field errors)."""
    return None if coordinates is None else GeoPoint(*coordinates)
