"""Where studios and artists are: a client's coordinates, checked into a ``GeoPoint``."""

from __future__ import annotations

from booking_domain.catalog.artists import GeoPoint

Coordinates = tuple[float, float]
"""Latitude and longitude as a client gave them; the use case checks them into a GeoPoint."""


def geo_point(coordinates: Coordinates | None) -> GeoPoint | None:
    """A checked point (``InvalidInputError`` with ``location.lat``/``.lng`` field errors)."""
    return None if coordinates is None else GeoPoint(*coordinates)
