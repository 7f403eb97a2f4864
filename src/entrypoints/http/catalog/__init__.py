"""The catalogue over HTTP. Its door: the views other contexts show (scheduling answers
with the artist, ``ArtistView``; search shows artists' pictures, ``ArtistImageView``)."""

from entrypoints.http.catalog.dto import ArtistImageView, ArtistView

__all__ = ["ArtistImageView", "ArtistView"]
