"""Portfolio items: what an item may say, and how it changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.catalog.errors import InvalidPortfolioItemError
from booking_domain.catalog.portfolio import MAX_TAGS, PortfolioItem, check_tags
from booking_domain.media import Upload, Variant
from booking_domain.shared import Actor, ArtistId, Role, UserId

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ARTIST = ArtistId(uuid4())
OWNER = Actor(UserId(uuid4()), Role.ARTIST)
VARIANTS = (Variant("large", "img/u/large.webp", 1600, 1200, 900),)
SLUG = st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,9})?", fullmatch=True)


def _ready_upload() -> Upload:
    return Upload.request(OWNER, "portfolio", "image/jpeg", 10, NOW).complete(VARIANTS, NOW)


@given(st.lists(SLUG, max_size=MAX_TAGS))
def test_slug_tags_are_kept_once_each_in_their_order(tags: list[str]) -> None:
    kept = check_tags(tags)
    assert list(kept) == list(dict.fromkeys(tags))


@given(
    st.lists(SLUG, max_size=3), st.sampled_from(["Blackwork", "fine line", "", "-x", "a" * 31, "ü"])
)
def test_tags_that_are_not_slugs_are_refused(tags: list[str], bad: str) -> None:
    with pytest.raises(InvalidPortfolioItemError):
        check_tags([*tags, bad])


def test_too_many_tags_are_refused() -> None:
    with pytest.raises(InvalidPortfolioItemError):
        check_tags([f"t{i}" for i in range(MAX_TAGS + 1)])


def test_an_item_keeps_its_uploads_images_and_changes_by_the_same_rules() -> None:
    item = PortfolioItem.create(
        ARTIST, _ready_upload(), "  Sleeve, session 3\n", ["blackwork"], 4, NOW
    )
    assert item.images == VARIANTS
    assert item.description == "Sleeve, session 3"
    later = NOW + timedelta(minutes=5)
    moved = item.changed(later, at_position=0)
    assert (moved.position, moved.description, moved.updated_at) == (0, item.description, later)
    with pytest.raises(InvalidPortfolioItemError):
        item.changed(later, tags=["Not A Slug"])
    with pytest.raises(InvalidPortfolioItemError):
        item.changed(later, text="x" * 2001)
    with pytest.raises(InvalidPortfolioItemError):
        item.changed(later, at_position=-1)
