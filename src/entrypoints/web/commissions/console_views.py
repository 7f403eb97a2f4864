"""What the console's request pages show, as plain values in the artist's zone, and the
quote form read as the terms' rules read it (``console.py`` serves them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from booking_domain.commissions import DraftTerms, TattooRequest
from booking_domain.commissions.use_cases import InboxEntry, QuoteEntry, RequestFile
from booking_domain.media import ImageLink
from entrypoints.web.shared.console import Desk
from entrypoints.web.shared.money import money_text

_IDEA_SHOWN: Final = 140  # characters of the idea in the inbox
_MOST_DAYS: Final = 100_000  # days a quote could stand for, beyond its own rule's 90
_DIGITS: Final = 13  # more digits than any amount the quote takes (its own rule refuses it)


def picture(links: tuple[ImageLink, ...], name: str) -> str | None:
    """The URL of the variant ``name`` (else the first one), None without any."""
    chosen = next((link for link in links if link.variant.name == name), None)
    if chosen is None and links:
        chosen = links[0]
    return None if chosen is None else chosen.url


def short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _IDEA_SHOWN else flat[: _IDEA_SHOWN - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class RequestLine:
    """A request as the console lists and shows it: plain values in the artist's zone."""

    id: str
    customer: str
    idea: str
    short_idea: str
    area: str
    placement: str
    size_cm: int
    colour: str
    budget: str
    dates: tuple[str, ...]
    first_tattoo: bool
    status: str
    turn: str
    since: str
    messages: int
    pictures: int
    thumbnail: str | None


def budget(request: TattooRequest) -> str:
    budget = request.details.budget
    low, high = money_text(budget.minimum), money_text(budget.maximum)
    return low if low == high else f"{low} – {high}"  # noqa: RUF001 (an en dash)


def request_line(
    request: TattooRequest, customer: str | None, desk: Desk, thumb: str | None
) -> RequestLine:
    details = request.details
    return RequestLine(
        id=str(request.id),
        customer=customer or "",
        idea=details.idea,
        short_idea=short(details.idea),
        area=details.placement.area.value,
        placement=details.placement.text,
        size_cm=details.size_cm,
        colour=details.colour.value,
        budget=budget(request),
        dates=tuple(d.isoformat() for d in details.preferred_dates),
        first_tattoo=details.first_tattoo,
        status=request.status.value,
        turn=request.turn.value,
        since=desk.local(request.turn_since).strftime("%Y-%m-%d %H:%M"),
        messages=request.message_count,
        pictures=len(request.images),
        thumbnail=thumb,
    )


def inbox_line(found: InboxEntry, desk: Desk) -> RequestLine:
    return request_line(found.request, found.customer, desk, picture(found.picture, "small"))


def quote_line(entry: QuoteEntry, desk: Desk) -> dict[str, Any]:
    terms = entry.quote.terms
    low, high = money_text(terms.price_min), money_text(terms.price_max)
    return {
        "revision": entry.quote.revision,
        "state": entry.state.value,
        "sessions": terms.sessions,
        "minutes": int(terms.session_length.total_seconds()) // 60,
        "price": low if terms.is_fixed else f"{low} – {high}",  # noqa: RUF001
        "deposit": money_text(terms.deposit),
        "gap_days": terms.gap.days,
        "until": desk.local(terms.expires_at).strftime("%Y-%m-%d %H:%M"),
        "note": terms.note,
    }


def project_facts(file: RequestFile, desk: Desk) -> dict[str, Any] | None:
    seen = file.project
    if seen is None:
        return None
    done, terms = seen.progress, seen.project.terms
    return {
        "state": done.state.value,
        "planned": done.planned,
        "booked": done.booked,
        "completed": done.completed,
        "deposit": None if terms.deposit.is_zero else money_text(terms.deposit),
        "deposit_held": done.deposit_held,
        "deposit_credited": done.deposit_credited,
        "sessions": [
            {
                "booking_id": str(s.booking_id),
                "start": desk.local(s.start).strftime("%Y-%m-%d %H:%M"),
                "status": s.status.value,
            }
            for s in seen.sessions
        ],
    }


def quote_defaults(file: RequestFile) -> dict[str, str]:
    """The quote form's first values: one session of two hours, the budget's currency,
    valid two weeks (the artist changes what they will)."""
    return {
        "sessions": "1",
        "session_minutes": "120",
        "currency": file.seen.request.details.budget.minimum.currency,
        "gap_days": "14",
        "deposit": "0",
        "valid_days": "14",
    }


def whole(text: str, scale: int = 1) -> int:
    """A whole number the artist typed (ASCII digits, spaces and commas between them
    ignored), times ``scale``; -1, which every rule of the terms refuses, when it is none."""
    digits = text.replace(",", "").replace(" ", "").strip()
    if not digits or len(digits) > _DIGITS or not (digits.isascii() and digits.isdigit()):
        return -1
    return int(digits) * scale


def expires(text: str, now: datetime) -> datetime:
    """``now`` and the days the quote stands for; days that cannot be read, or more than
    the calendar holds, are ``now``, which the terms' rule refuses."""
    days = whole(text)
    if not 0 < days <= _MOST_DAYS:
        return now
    return now + timedelta(days=days)


def quote_draft(form: dict[str, str], now: datetime) -> DraftTerms:
    """The quote form as the terms' rules read it (amounts typed in whole units)."""
    return DraftTerms(
        sessions=whole(form.get("sessions", "")),
        session_minutes=whole(form.get("session_minutes", "")),
        price_min=whole(form.get("price_min", ""), 100),
        price_max=whole(form.get("price_max", "") or form.get("price_min", ""), 100),
        deposit=whole(form.get("deposit", "") or "0", 100),
        currency=form.get("currency", "").strip().upper(),
        gap_days=whole(form.get("gap_days", "") or "0"),
        expires_at=expires(form.get("valid_days", ""), now),
        note=form.get("note", ""),
    )
