"""Flash designs: tags as stored, sizes as services (prices and deposits), the taken state."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.catalog import FixedDeposit, PercentageDeposit, Service
from booking_domain.catalog.errors import InvalidFlashDesignError, InvalidScheduleError
from booking_domain.catalog.flash import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MAX_VARIANTS,
    FlashDesign,
    check_size_labels,
    normalise_tags,
)
from booking_domain.media import Upload, Variant
from booking_domain.shared import Actor, ArtistId, BookingId, Money, Role, ServiceId, UserId
from booking_domain.shared.errors import InvalidInputError
from booking_domain.testing.flash import DrawnSize, sizes, typed_tags

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ARTIST = ArtistId(uuid4())
OWNER = Actor(UserId(uuid4()), Role.ARTIST)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _design(*, one_off: bool = True, title: str = "Swallow") -> FlashDesign:
    variants = (Variant("large", "img/f/large.webp", 1600, 1200, 900),)
    upload = Upload.request(OWNER, "portfolio", "image/jpeg", 10, NOW).complete(variants, NOW)
    return FlashDesign.create(ARTIST, upload, title, ["Old School"], one_off, NOW)


@given(st.lists(typed_tags(), max_size=MAX_TAGS))
def test_tags_are_stored_as_slugs_once_each_and_normalising_twice_changes_nothing(
    typed: list[str],
) -> None:
    try:
        kept = normalise_tags(typed)
    except InvalidFlashDesignError:
        # Refused only for a word run longer than a tag may be.
        assert any(len(re.sub(r"[\s_-]+", "-", t.strip().lower()).strip("-")) > 30 for t in typed)
        return
    assert len(kept) == len(set(kept)) <= MAX_TAGS
    assert all(SLUG.fullmatch(tag) and len(tag) <= MAX_TAG_LENGTH for tag in kept)
    assert normalise_tags(kept) == kept
    assert normalise_tags([t.upper() for t in typed]) == kept  # case never matters


def test_tags_examples() -> None:
    assert normalise_tags([" Black Work ", "black_work", "ROSE", "", "  "]) == (
        "black-work",
        "rose",
    )
    for bad in (["ü"], ["a" * 31], [f"t{i}" for i in range(MAX_TAGS + 1)], ["a\x00b"]):
        with pytest.raises(InvalidInputError):
            normalise_tags(bad)


def test_sizes_are_one_to_six_labels_none_twice() -> None:
    assert check_size_labels([" S ", "M  (10 cm)"]) == ("S", "M (10 cm)")
    for bad in ([], ["s", "S"], [f"{i}" for i in range(MAX_VARIANTS + 1)], [""], ["x" * 21]):
        with pytest.raises(InvalidFlashDesignError):
            check_size_labels(bad)


def _size_service(design: FlashDesign, size: DrawnSize) -> Service:
    deposit: FixedDeposit | PercentageDeposit | None = None
    if size.deposit_amount is not None:
        deposit = FixedDeposit(Money(size.deposit_amount, "MNT"))
    elif size.deposit_percent is not None:
        deposit = PercentageDeposit.percent(size.deposit_percent)
    return Service(
        ServiceId(uuid4()),
        ARTIST,
        design.variant_name(size.label),
        timedelta(minutes=size.minutes),
        Money(size.price, "MNT"),
        deposit,
        flash=design.offer(size.label, 10),
    )


@given(sizes())
def test_a_size_is_a_service_whose_deposit_never_exceeds_its_price(size: DrawnSize) -> None:
    design = _design()
    too_much = size.deposit_amount is not None and size.deposit_amount > size.price
    if too_much:
        with pytest.raises(InvalidScheduleError):
            _size_service(design, size)
        return
    service = _size_service(design, size)
    assert Money.zero("MNT") <= service.deposit_amount <= service.price
    assert service.flash is not None and service.flash.design_id == design.id
    assert service.flash.one_off and not service.flash.taken


@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and t.isprintable()))
def test_a_sizes_name_is_the_title_and_size_within_a_services_length(title: str) -> None:
    try:
        design = _design(title=title)
    except InvalidInputError:
        return  # a title too long once its spaces are collapsed
    name = design.variant_name("XL")
    assert name.endswith(" (XL)") and len(name) <= 120


@given(st.booleans(), st.booleans())
def test_only_a_claimed_one_off_design_is_taken(one_off: bool, claimed: bool) -> None:
    design = _design(one_off=one_off)
    if claimed:
        design = dataclasses.replace(design, claimed_by=BookingId(uuid4()))
    assert design.taken is (one_off and claimed)
    assert design.offer("S", None).taken is design.taken


def test_text_changes_by_the_same_rules_and_removal_keeps_the_claim() -> None:
    design = dataclasses.replace(_design(), claimed_by=BookingId(uuid4()))
    later = NOW + timedelta(hours=1)
    changed = design.changed(later, title="  Swallow   pair ", tags=["Bird", "bird"])
    assert (changed.title, changed.tags, changed.updated_at) == ("Swallow pair", ("bird",), later)
    with pytest.raises(InvalidFlashDesignError):
        design.changed(later, title="   ")
    removed = changed.removed_from_sheet(later)
    assert removed.removed and removed.taken
