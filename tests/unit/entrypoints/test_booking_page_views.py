"""What the booking page makes of the artist for the browser: a portfolio picture's stored
variants as ``srcset`` (the smallest as ``src``), and the link preview's description and
image."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from booking_domain.catalog import PortfolioImage
from booking_domain.testing.commissions import a_public_artist
from entrypoints.web.catalog.views import DESCRIPTION_LENGTH, picture_view, preview_view

LARGE = PortfolioImage("large", "https://cdn.example/a-large.webp", 1600, 1200)
SMALL = PortfolioImage("small", "https://cdn.example/a-small.webp", 400, 300)


def test_a_picture_offers_every_variant_and_starts_from_the_smallest() -> None:
    picture = picture_view((LARGE, SMALL))
    assert picture["src"] == SMALL.url and (picture["width"], picture["height"]) == (400, 300)
    assert picture["srcset"] == f"{SMALL.url} 400w, {LARGE.url} 1600w"
    assert picture["sizes"]


def test_the_preview_names_the_artist_describes_them_and_shows_the_first_picture() -> None:
    artist = a_public_artist(datetime(2030, 1, 7, tzinfo=UTC))
    bare = preview_view(artist, [], "Book a session with Bold Ink.")
    assert bare == {
        "title": "Bold Ink",
        "description": "Book a session with Bold Ink.",
        "image": None,
    }
    wordy = dataclasses.replace(artist, bio="Fine   line\nwork. " + "botanical " * 40)
    preview = preview_view(wordy, [(SMALL, LARGE), (SMALL,)], "unused")
    text = preview["description"] or ""
    assert text.startswith("Fine line work. botanical") and text.endswith("botanical…")
    assert len(text) <= DESCRIPTION_LENGTH
    assert preview["image"] == LARGE.url  # the largest variant of the first picture
