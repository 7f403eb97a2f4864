"""Search queries: what a customer may ask, checked once, before any adapter sees it.

Rules (docs/api.md, "Search"):
- ``q``: 1-100 characters of clean single-line text with 1-8 words (runs of letters and
  digits once folded); every word must match a word of the artist's name, styles, city, bio
  or studio name, exactly or nearly (the known words within trigram similarity 0.3);
- ``styles``: up to 10, each 1-40 characters, lower-cased; an artist matches with any of
  them, or with all of them under ``StylesMatch.ALL``;
- ``near``: a point and a radius of 0-20,000 km (0: exactly at the point), 25 km if not
  given; a radius without a point is refused;
- price bounds are minor units (0 to 10^15) of one currency (``MNT`` unless given): some
  active service of the artist costs between them;
- ``rating_min``: 1 to 5, the mean of visible reviews (artists without reviews never
  match);
- ``free_within_days``: 1 to ``MAX_FREE_WITHIN_DAYS``: the domain's ``free_slots`` offers
  a start in ``[now, now + N days)`` for a matching active service: the one named by
  ``service_id``, the ones at least ``duration_minutes`` long, or any;
- ``sort=distance`` needs ``near``; ``sort=relevance`` without ``q`` is by rating.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum

from booking_domain.search.text import words
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ServiceId, StudioId
from booking_domain.shared.text import require_clean_text

MAX_QUERY = 100
MAX_QUERY_WORDS = 8
MAX_STYLES = 10
MAX_STYLE = 40
MAX_RADIUS_KM = 20_000.0
DEFAULT_RADIUS_KM = 25.0
MAX_PRICE = 10**15
MAX_FREE_WITHIN_DAYS = 30
MAX_DURATION_MINUTES = 1440
MAX_PAGE_SIZE = 50
EARTH_RADIUS_M = 6378168.0  # the sphere of PostgreSQL's earthdistance
BOX_MARGIN = 1e-9  # degrees: rounding never leaves a point of the circle outside its box
DEFAULT_PAGE_SIZE = 20


class ArtistSort(StrEnum):
    RELEVANCE = "relevance"
    DISTANCE = "distance"
    RATING = "rating"
    PRICE = "price"
    SOONEST = "soonest"


class StylesMatch(StrEnum):
    ANY = "any"
    ALL = "all"
    # One of the styles is the artist's, or a tag of an open design on their flash sheet
    # (not removed, not a taken one-off): what recommendations ask; not offered over HTTP.
    ANY_OR_FLASH = "any_or_flash"


@dataclass(frozen=True, slots=True)
class Near:
    lat: float
    lng: float
    radius_km: float = DEFAULT_RADIUS_KM

    @property
    def radius_m(self) -> float:
        return self.radius_km * 1000.0

    def box(self) -> tuple[float, float, float | None, float | None]:
        """(lat low, lat high, lng low, lng high) holding every point within the radius on
        the sphere the distances are measured on; lng None when the circle reaches a pole
        or the antimeridian (then only latitude narrows the search)."""
        angle = self.radius_m / EARTH_RADIUS_M
        lat = math.radians(self.lat)
        low, high = math.degrees(lat - angle), math.degrees(lat + angle)
        if low <= -90.0 or high >= 90.0 or math.sin(angle) >= math.cos(lat):
            return max(low, -90.0) - BOX_MARGIN, min(high, 90.0) + BOX_MARGIN, None, None
        spread = math.degrees(math.asin(math.sin(angle) / math.cos(lat)))
        west, east = self.lng - spread, self.lng + spread
        if west < -180.0 or east > 180.0:
            return low - BOX_MARGIN, high + BOX_MARGIN, None, None
        return low - BOX_MARGIN, high + BOX_MARGIN, west - BOX_MARGIN, east + BOX_MARGIN

    @classmethod
    def parse(cls, text: str, radius_km: float | None) -> Near:
        """``"lat,lng"`` (decimal degrees) and a radius; the ranges are checked by
        ``ArtistQuery.check``."""
        lat, sep, lng = text.partition(",")
        try:
            if not sep:
                raise ValueError(text)
            point = float(lat), float(lng)
        except ValueError:
            raise InvalidInputError(
                errors=(FieldError("near", "Give near=lat,lng in decimal degrees."),)
            ) from None
        return cls(*point, DEFAULT_RADIUS_KM if radius_km is None else radius_km)


def _problems_of_text(q: str | None) -> list[FieldError]:
    if q is None:
        return []
    require_clean_text(single_line=[("q", q)])
    if not 1 <= len(q.strip()) <= MAX_QUERY:
        return [FieldError("q", f"1 to {MAX_QUERY} characters.", "out_of_range")]
    if not 1 <= len(words(q)) <= MAX_QUERY_WORDS:
        return [FieldError("q", f"1 to {MAX_QUERY_WORDS} words of letters or digits.")]
    return []


def _problems_of_styles(styles: tuple[str, ...]) -> list[FieldError]:
    require_clean_text(single_line=[("styles", s) for s in styles])
    if len(styles) > MAX_STYLES or any(not 1 <= len(s) <= MAX_STYLE for s in styles):
        detail = f"Up to {MAX_STYLES} styles of 1-{MAX_STYLE} characters."
        return [FieldError("styles", detail, "out_of_range")]
    return []


def _problems_of_place(near: Near | None, radius_given: bool) -> list[FieldError]:
    if near is None:
        return [FieldError("radiusKm", "Give near=lat,lng with a radius.")] if radius_given else []
    problems = []
    if not (-90.0 <= near.lat <= 90.0 and -180.0 <= near.lng <= 180.0):
        problems.append(FieldError("near", "lat -90 to 90, lng -180 to 180.", "out_of_range"))
    if not 0.0 <= near.radius_km <= MAX_RADIUS_KM:
        problems.append(FieldError("radiusKm", f"0 to {MAX_RADIUS_KM:.0f}.", "out_of_range"))
    return problems


def _problems_of_price(low: int | None, high: int | None, currency: str) -> list[FieldError]:
    problems = []
    for name, value in (("priceMin", low), ("priceMax", high)):
        if value is not None and not 0 <= value <= MAX_PRICE:
            problems.append(FieldError(name, f"0 to {MAX_PRICE}.", "out_of_range"))
    if low is not None and high is not None and low > high and not problems:
        problems.append(FieldError("priceMax", "At least priceMin."))
    if not (len(currency) == 3 and currency.isascii() and currency.isupper()):
        problems.append(FieldError("currency", "Three upper-case letters, such as MNT."))
    return problems


@dataclass(frozen=True, slots=True)
class FreeWithin:
    """Has a bookable start within ``days`` for the service, or one at least
    ``duration_minutes`` long, or any active service."""

    days: int
    service_id: ServiceId | None = None
    duration_minutes: int | None = None


def _problems_of_free(free: FreeWithin | None, service_or_duration: bool) -> list[FieldError]:
    if free is None:
        if service_or_duration:
            return [FieldError("freeWithinDays", "serviceId and durationMinutes need it.")]
        return []
    problems = []
    if not 1 <= free.days <= MAX_FREE_WITHIN_DAYS:
        detail = f"1 to {MAX_FREE_WITHIN_DAYS}."
        problems.append(FieldError("freeWithinDays", detail, "out_of_range"))
    if free.service_id is not None and free.duration_minutes is not None:
        problems.append(FieldError("durationMinutes", "Give serviceId or durationMinutes."))
    minutes = free.duration_minutes
    if minutes is not None and not 1 <= minutes <= MAX_DURATION_MINUTES:
        detail = f"1 to {MAX_DURATION_MINUTES}."
        problems.append(FieldError("durationMinutes", detail, "out_of_range"))
    return problems


@dataclass(frozen=True, slots=True)
class ArtistQuery:
    q: str | None = None
    styles: tuple[str, ...] = ()
    styles_match: StylesMatch = StylesMatch.ANY
    near: Near | None = None
    city: str | None = None
    studio_id: StudioId | None = None
    price_min: int | None = None
    price_max: int | None = None
    currency: str = "MNT"
    rating_min: float | None = None
    free_within: FreeWithin | None = None
    sort: ArtistSort = ArtistSort.RELEVANCE
    page_size: int = DEFAULT_PAGE_SIZE
    after: str | None = None  # the cursor of the previous page
    # Set by ``check`` from the raw parameters, so that a lone radius is refused.
    radius_given: bool = field(default=False, compare=False)
    service_or_duration_given: bool = field(default=False, compare=False)

    def check(self) -> ArtistQuery:
        """This query if it keeps every rule of the module; ``InvalidInputError`` listing
        every field that does not, otherwise. Styles come back lower-cased, once each."""
        styles = tuple(dict.fromkeys(s.strip().lower() for s in self.styles))
        problems = [
            *_problems_of_text(self.q),
            *_problems_of_styles(styles),
            *_problems_of_place(self.near, self.radius_given),
            *_problems_of_price(self.price_min, self.price_max, self.currency),
            *_problems_of_free(self.free_within, self.service_or_duration_given),
            *_problems_of_page(self.page_size),
        ]
        require_clean_text(single_line=[("city", self.city)])
        if self.city is not None and not 1 <= len(self.city.strip()) <= MAX_QUERY:
            problems.append(FieldError("city", f"1 to {MAX_QUERY} characters.", "out_of_range"))
        if self.rating_min is not None and not 1.0 <= self.rating_min <= 5.0:
            problems.append(FieldError("ratingMin", "1 to 5.", "out_of_range"))
        if self.sort is ArtistSort.DISTANCE and self.near is None:
            problems.append(FieldError("sort", "Sorting by distance needs near=lat,lng."))
        if problems:
            raise InvalidInputError(errors=tuple(problems))
        q = None if self.q is None else self.q.strip()
        city = None if self.city is None else self.city.strip()
        return replace(self, q=q, styles=styles, city=city)


def _problems_of_page(size: int) -> list[FieldError]:
    if not 1 <= size <= MAX_PAGE_SIZE:
        return [FieldError("pageSize", f"1 to {MAX_PAGE_SIZE}.", "out_of_range")]
    return []


@dataclass(frozen=True, slots=True)
class PortfolioQuery:
    """Portfolio items of visible artists: ``q`` (every word, as for artists) on the folded
    description and tags, ``styles`` (any of the item's tags), ``near`` (the artist's
    place); newest first."""

    q: str | None = None
    styles: tuple[str, ...] = ()
    near: Near | None = None
    page_size: int = DEFAULT_PAGE_SIZE
    after: str | None = None
    radius_given: bool = field(default=False, compare=False)

    def check(self) -> PortfolioQuery:
        styles = tuple(dict.fromkeys(s.strip().lower() for s in self.styles))
        problems = [
            *_problems_of_text(self.q),
            *_problems_of_styles(styles),
            *_problems_of_place(self.near, self.radius_given),
            *_problems_of_page(self.page_size),
        ]
        if problems:
            raise InvalidInputError(errors=tuple(problems))
        q = None if self.q is None else self.q.strip()
        return replace(self, q=q, styles=styles)
