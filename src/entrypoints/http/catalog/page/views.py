"""What the booking page shows and hands its script: plain values, money written out."""

from __future__ import annotations

from typing import Any

from booking_domain.catalog.services import Service
from booking_domain.catalog.use_cases import LinkLanding
from booking_domain.shared.money import Money
from entrypoints.http.catalog.page.dates import date_words


def money_text(money: Money) -> str:
    """``MNT 150,000``: whole units, with cents only when there are any (two minor digits,
    as every currency the platform takes has)."""
    whole, cents = divmod(money.amount, 100)
    return f"{money.currency} {whole:,}" + (f".{cents:02d}" if cents else "")


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
