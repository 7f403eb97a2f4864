"""Search queries: the rules of ``booking_domain.search.queries`` and the radius box."""

from __future__ import annotations

import base64
import json
import math
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.search import (
    ArtistQuery,
    ArtistSort,
    FreeWithin,
    InvalidSearchCursorError,
    Near,
    PortfolioQuery,
    cursor,
)
from booking_domain.search.queries import EARTH_RADIUS_M
from booking_domain.search.text import fold, words
from booking_domain.shared.errors import InvalidInputError


def _destination(lat: float, lng: float, bearing: float, metres: float) -> tuple[float, float]:
    """The point ``metres`` along a great circle from (lat, lng) at ``bearing`` radians."""
    d = metres / EARTH_RADIUS_M
    la, lo = math.radians(lat), math.radians(lng)
    la2 = math.asin(math.sin(la) * math.cos(d) + math.cos(la) * math.sin(d) * math.cos(bearing))
    lo2 = lo + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(la), math.cos(d) - math.sin(la) * math.sin(la2)
    )
    return math.degrees(la2), math.degrees(lo2)


@given(
    st.floats(-89.9, 89.9),
    st.floats(-179.9, 179.9),
    st.floats(0, 2000),
    st.floats(0, 2 * math.pi),
    st.floats(0, 1),
)
def test_every_point_of_the_circle_is_inside_its_box(
    lat: float, lng: float, radius_km: float, bearing: float, share: float
) -> None:
    near = Near(lat, lng, radius_km)
    low, high, west, east = near.box()
    point_lat, point_lng = _destination(lat, lng, bearing, near.radius_m * share)
    assert low <= point_lat <= high
    if west is not None and east is not None:
        assert west <= point_lng <= east


def test_a_circle_around_a_pole_or_over_the_antimeridian_narrows_by_latitude_only() -> None:
    assert Near(89.9, 0, 100).box()[2:] == (None, None)
    assert Near(0, 179.95, 100).box()[2:] == (None, None)
    assert Near(47.9, 106.9, 5).box()[2] is not None


@pytest.mark.parametrize(
    "query",
    [
        ArtistQuery(sort=ArtistSort.DISTANCE),
        ArtistQuery(radius_given=True),
        ArtistQuery(near=Near(91, 0)),
        ArtistQuery(near=Near(0, 0, -1)),
        ArtistQuery(near=Near(float("nan"), 0)),
        ArtistQuery(q="!!!"),
        ArtistQuery(q="one two three four five six seven eight nine"),
        ArtistQuery(q="x" * 101),
        ArtistQuery(styles=tuple(f"s{n}" for n in range(11))),
        ArtistQuery(price_min=5, price_max=4),
        ArtistQuery(currency="mnt"),
        ArtistQuery(rating_min=0.5),
        ArtistQuery(free_within=FreeWithin(31)),
        ArtistQuery(free_within=FreeWithin(3, duration_minutes=0)),
        ArtistQuery(service_or_duration_given=True),
        ArtistQuery(page_size=51),
        PortfolioQuery(q=""),
    ],
)
def test_queries_breaking_a_rule_are_refused(query: ArtistQuery | PortfolioQuery) -> None:
    with pytest.raises(InvalidInputError):
        query.check()


def test_a_checked_query_has_its_styles_lower_case_once_each() -> None:
    checked = ArtistQuery(q="  Blackwork ", styles=("Blackwork", "blackwork ", "Dotwork")).check()
    assert (checked.q, checked.styles) == ("Blackwork", ("blackwork", "dotwork"))


def test_near_parses_lat_lng_and_refuses_anything_else() -> None:
    assert Near.parse("47.9,106.9", None) == Near(47.9, 106.9, 25.0)
    for bad in ("47.9", "a,b", "1,2,3", ""):
        with pytest.raises(InvalidInputError):
            Near.parse(bad, 5)


def test_words_are_folded_runs_of_letters_and_digits() -> None:
    assert words("Өлзий-Бат, crème 2024!") == ("2024", "bat", "creme", "olzii")
    assert fold("ҮҮРИЙН ЦЭЦЭГ") == "uuriin tsetseg"


@pytest.mark.parametrize(
    ("order", "forged"),
    [
        ("rating", ["rating", 1.0, 5]),  # an id that is not a string
        ("rating", ["rating", "abc", "00000000-0000-0000-0000-000000000001"]),
        ("price", ["price", 1.5, "00000000-0000-0000-0000-000000000001"]),
        ("price", ["price", 2**70, "00000000-0000-0000-0000-000000000001"]),
        ("rating", ["rating", True, "00000000-0000-0000-0000-000000000001"]),
        ("newest", ["newest", "not-a-uuid", "00000000-0000-0000-0000-000000000001"]),
        ("rating", ["price", 1, "00000000-0000-0000-0000-000000000001"]),
        ("rating", ["rating", 1.0]),
        ("rating", {"rating": 1.0}),
    ],
)
def test_forged_cursors_are_refused(order: str, forged: object) -> None:
    raw = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode()
    with pytest.raises(InvalidSearchCursorError):
        cursor.decode(order, raw)


@given(st.sampled_from(sorted(cursor.KEY_TYPES)), st.uuids())
def test_a_cursor_reads_back_what_it_was_made_of(order: str, row_id: UUID) -> None:
    keys: dict[type, cursor.SortKey] = {float: 3.25, int: 150000, str: str(row_id)}
    key = keys[cursor.KEY_TYPES[order]]
    assert cursor.decode(order, cursor.encode(order, key, row_id)) == (key, row_id)
