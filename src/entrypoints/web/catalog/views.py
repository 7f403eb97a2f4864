"""What the booking page shows and hands its script: plain values, money written out."""

from __future__ import annotations

from typing import Any

from booking_domain.catalog import ArtistProfile, PortfolioImage, SchedulingPolicy
from booking_domain.catalog.services import Service
from booking_domain.catalog.use_cases import LinkLanding
from entrypoints.web.shared.dates import date_words
from entrypoints.web.shared.money import money_text

# How wide a portfolio picture is shown (book.css: a grid of columns at least 9rem wide in
# a page at most 46rem wide: four columns of about 176 px, two on a phone): what the browser
# picks a variant by, so a phone and a desktop both fetch the 400 px one.
PICTURE_SIZES = "(min-width: 46rem) 11rem, 50vw"
DESCRIPTION_LENGTH = 160  # what link previews and search results show of a description


def picture_view(images: tuple[PortfolioImage, ...]) -> dict[str, Any]:
    """A picture's stored variants as ``srcset`` (each URL with its width), the smallest as
    ``src`` (and its size, for the layout), and ``sizes``: the browser downloads the
    smallest variant that is wide enough instead of the largest."""
    ordered = sorted(images, key=lambda image: image.width)
    smallest = ordered[0]
    return {
        "src": smallest.url,
        "srcset": ", ".join(f"{image.url} {image.width}w" for image in ordered),
        "sizes": PICTURE_SIZES,
        "width": smallest.width,
        "height": smallest.height,
    }


def preview_view(
    artist: ArtistProfile, pictures: list[tuple[PortfolioImage, ...]], fallback: str
) -> dict[str, str | None]:
    """What a link preview (Open Graph) and a search result show of the page: the artist's
    name, a description (the bio, else ``fallback``, cut at a word to 160 characters), and
    the largest variant of the first portfolio picture (None without one)."""
    text = " ".join((artist.bio or fallback).split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    image = max(pictures[0], key=lambda i: i.width).url if pictures else None
    return {"title": artist.display_name, "description": text, "image": image}


def policy_view(policy: SchedulingPolicy) -> dict[str, int]:
    """The artist's cancellation policy as the page states it, in whole hours and minutes:
    the free-cancellation notice (cancel with the deposit back, or move, until this long
    before the start) and the deposit hold (how long a booking waits for its deposit)."""
    return {
        "noticeHours": int(policy.free_cancellation_notice.total_seconds() // 3600),
        "holdMinutes": int(policy.deposit_hold.total_seconds() // 60),
    }


def service_view(service: Service) -> dict[str, Any]:
    deposit = service.deposit_amount
    return {
        "id": str(service.id),
        "name": service.name,
        "minutes": int(service.duration.total_seconds() // 60),
        "price": money_text(service.price),
        "deposit": None if deposit.is_zero else money_text(deposit),
        "needsApproval": service.needs_approval,
    }


def page_data(
    landing: LinkLanding,
    services: tuple[Service, ...],
    token: str,
    locale: str,
    texts: dict[str, str],
) -> dict[str, Any]:
    """The JSON block the script reads: the link's token, the visit's ticket, the artist,
    the services it offers (a service link's own service only), the language, its words
    and its date names and patterns."""
    link = landing.link
    offered = [s for s in services if s.active]
    if link.service_id is not None:
        offered = [s for s in offered if s.id == link.service_id] or offered
    return {
        "token": token,
        "visit": landing.ticket,  # what the slot view posts back (catalog.visits)
        "artistId": str(landing.artist.id),
        "artistZone": landing.artist.time_zone,
        "services": [service_view(s) for s in offered],
        "lang": locale,
        "texts": texts,
        "dates": date_words(locale),
    }
