"""The terms of a quote: how many sessions of what length, the price (fixed, or a range),
one deposit, the healing gap between sessions, until when the offer stands; and the service
a quote's sessions book.

Terms (``check_terms``: every problem at once, ``InvalidQuoteError``, 422):
- ``sessions``: 1 to ``MAX_SESSIONS``; each ``session_minutes`` long, 30 to
  ``MAX_SESSION_MINUTES`` in steps of 15;
- price: ``price_min <= price_max`` (equal: a fixed price), each above zero and at most
  ``MAX_AMOUNT``, in whole units of a circulating currency (a QPay invoice is whole
  tögrög); the deposit in the same currency, whole units, at most one session's share of
  the lower price (``session_prices``), zero for none;
- ``gap_days``: 0 to ``MAX_GAP_DAYS``, the least time from one session's start to the
  next one's (healing time);
- ``expires_at``: after now and at most ``MAX_VALID`` ahead;
- ``note``: plain text (line breaks allowed), at most ``MAX_NOTE`` characters (may be
  empty).
- The sessions' own service (``sessions_service``): the sessions' length, a session's share
  of the lower price, no deposit of its own (the project sets each session's), inactive and
  reserved: never offered, listed or changed; only the project's sessions book it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.catalog import Service
from booking_domain.commissions.errors import InvalidQuoteError
from booking_domain.shared.currencies import CIRCULATING_CURRENCIES
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId, ServiceId
from booking_domain.shared.money import Money
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

MAX_SESSIONS = 20
MIN_SESSION_MINUTES = 30
MAX_SESSION_MINUTES = 720
SESSION_STEP_MINUTES = 15
MAX_GAP_DAYS = 365
MAX_VALID = timedelta(days=90)
MAX_NOTE = 4000
MAX_AMOUNT = 10**12
WHOLE = 100  # minor units in a whole unit of the currency (a tögrög is 100 möngö)
# The name of a project's own service: no words of the request (they are the customer's, and
# a service's name is shown wherever its bookings are: mails, feeds, admin lists).
SESSIONS_SERVICE_NAME = "Tattoo project session"


@dataclass(frozen=True, slots=True)
class DraftTerms:
    """The terms as a client sent them, before the rules: plain values."""

    sessions: int
    session_minutes: int
    price_min: int
    price_max: int
    deposit: int
    currency: str
    gap_days: int
    expires_at: datetime
    note: str = ""


@dataclass(frozen=True, slots=True)
class QuoteTerms:
    sessions: int
    session_length: timedelta
    price_min: Money
    price_max: Money
    deposit: Money
    gap: timedelta
    expires_at: datetime
    note: str

    @property
    def is_fixed(self) -> bool:
        return self.price_min == self.price_max


def session_prices(sessions: int, price: Money) -> tuple[Money, ...]:
    """``price`` shared across ``sessions``: each the same whole units, rounded down, the
    last one the rest (so the shares always add up to the price)."""
    share = price.amount // sessions // WHOLE * WHOLE
    last = price.amount - share * (sessions - 1)
    currency = price.currency
    return (*(Money(share, currency) for _ in range(sessions - 1)), Money(last, currency))


def check_terms(draft: DraftTerms, now: datetime) -> QuoteTerms:
    """The terms, or ``InvalidQuoteError`` naming every field that breaks a rule."""
    now = require_aware(now, "now")
    problems = [
        *_session_problems(draft),
        *_price_problems(draft),
        *_gap_problems(draft.gap_days),
        *_expiry_problems(draft.expires_at, now),
        *_note_problems(draft.note),
    ]
    if problems:
        raise InvalidQuoteError(errors=tuple(problems))
    currency = draft.currency
    return QuoteTerms(
        sessions=draft.sessions,
        session_length=timedelta(minutes=draft.session_minutes),
        price_min=Money(draft.price_min, currency),
        price_max=Money(draft.price_max, currency),
        deposit=Money(draft.deposit, currency),
        gap=timedelta(days=draft.gap_days),
        expires_at=require_aware(draft.expires_at, "expiresAt"),
        note=draft.note.strip(),
    )


def _session_problems(draft: DraftTerms) -> list[FieldError]:
    problems = []
    if not 1 <= draft.sessions <= MAX_SESSIONS:
        problems.append(FieldError("sessions", f"1 to {MAX_SESSIONS} sessions.", "out_of_range"))
    minutes = draft.session_minutes
    if not (
        MIN_SESSION_MINUTES <= minutes <= MAX_SESSION_MINUTES
        and minutes % SESSION_STEP_MINUTES == 0
    ):
        detail = (
            f"{MIN_SESSION_MINUTES} to {MAX_SESSION_MINUTES} minutes, "
            f"in steps of {SESSION_STEP_MINUTES}."
        )
        problems.append(FieldError("sessionMinutes", detail, "out_of_range"))
    return problems


def _price_problems(draft: DraftTerms) -> list[FieldError]:
    if draft.currency not in CIRCULATING_CURRENCIES:
        detail = "Use a circulating ISO 4217 currency."
        return [FieldError("currency", detail, "unknown_currency")]
    problems = []
    for field, amount, least in (
        ("priceMin", draft.price_min, 1),
        ("priceMax", draft.price_max, 1),
        ("deposit", draft.deposit, 0),
    ):
        if not least <= amount <= MAX_AMOUNT:
            problems.append(FieldError(field, "Out of range.", "out_of_range"))
        elif amount % WHOLE:
            problems.append(FieldError(field, "Whole units of the currency.", "not_whole"))
    if problems:
        return problems
    if draft.price_min > draft.price_max:
        detail = "The lower price must not exceed the upper one."
        return [FieldError("priceMin", detail, "price_range")]
    if 1 <= draft.sessions <= MAX_SESSIONS:
        share = session_prices(draft.sessions, Money(draft.price_min, draft.currency))[0]
        if draft.deposit > share.amount:
            detail = "At most one session's share of the lower price."
            return [FieldError("deposit", detail, "deposit_too_high")]
    return []


def _gap_problems(gap_days: int) -> list[FieldError]:
    if not 0 <= gap_days <= MAX_GAP_DAYS:
        return [FieldError("gapDays", f"0 to {MAX_GAP_DAYS} days.", "out_of_range")]
    return []


def _expiry_problems(expires_at: datetime, now: datetime) -> list[FieldError]:
    try:
        expires_at = require_aware(expires_at, "expiresAt")
    except InvalidInputError as refused:  # naive, or outside the years the house takes
        return list(refused.errors)
    if not now < expires_at <= now + MAX_VALID:
        detail = f"After now and at most {MAX_VALID.days} days ahead."
        return [FieldError("expiresAt", detail, "out_of_range")]
    return []


def _note_problems(note: str) -> list[FieldError]:
    bad = text_problem("note", note, multiline=True)
    if bad is not None:
        return [bad]
    if len(note.strip()) > MAX_NOTE:
        return [FieldError("note", f"At most {MAX_NOTE} characters.", "length")]
    return []


def sessions_service(artist_id: ArtistId, terms: QuoteTerms, service_id: ServiceId) -> Service:
    """The service a quote's sessions book (the module's rules)."""
    return Service(
        id=service_id,
        artist_id=artist_id,
        name=SESSIONS_SERVICE_NAME,
        duration=terms.session_length,
        price=session_prices(terms.sessions, terms.price_min)[0],
        active=False,
        reserved=True,
    )
