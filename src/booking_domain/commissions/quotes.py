"""Quotes: the artist's answer to an accepted tattoo request: how many sessions of what
length, the price (fixed, or a range), one deposit, the healing gap between sessions, and
until when the offer stands.

States (``offer_quote`` and ``accept_quote``, the only two ways a quote changes):

| from | to | who |
|---|---|---|
| (none) | offered | the request's artist, while the request is ``accepted`` (1) |
| offered | accepted | the request's customer, before ``expires_at`` (2) |
| offered | superseded | a newer quote of the artist on the same request (a *revision*) |

(1) and while no quote of it was accepted; the quote offered before (if any) becomes
``superseded``. (2) The customer books the first session in the same step.

- ``expired`` is never stored: an offered quote reads as expired from ``expires_at`` on
  (``Quote.state_at``). Accepting it is ``QuoteExpiredError``; accepting a superseded quote
  is ``QuoteSupersededError``; accepting one accepted already is ``QuoteNotOfferedError``
  (all 409, and nothing changes).
- One quote of a request can be accepted: from then on the work is a project
  (``projects.py``) and the artist cannot quote the request again
  (``QuoteAlreadyAcceptedError``, 409).
- Revisions are numbered 1, 2, ... per request; only the artist's latest is live.
- Quotes are seen by the request's parties and admins, like the request itself.

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
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.commissions.errors import (
    InvalidQuoteError,
    QuoteAlreadyAcceptedError,
    QuoteExpiredError,
    QuoteNotOfferedError,
    QuoteSupersededError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotAcceptedError,
)
from booking_domain.commissions.requests import RequestId, RequestStatus, TattooRequest
from booking_domain.shared.currencies import CIRCULATING_CURRENCIES
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, ServiceId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

QuoteId = NewType("QuoteId", UUID)

MAX_SESSIONS = 20
MIN_SESSION_MINUTES = 30
MAX_SESSION_MINUTES = 720
SESSION_STEP_MINUTES = 15
MAX_GAP_DAYS = 365
MAX_VALID = timedelta(days=90)
MAX_NOTE = 4000
MAX_AMOUNT = 10**12
WHOLE = 100  # minor units in a whole unit of the currency (a tögrög is 100 möngö)


class QuoteStatus(StrEnum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"


class QuoteState(StrEnum):
    """What a quote is at a given instant: its status, or ``expired`` for an offered quote
    whose time ran out."""

    OFFERED = "offered"
    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"
    EXPIRED = "expired"


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


@dataclass(frozen=True, slots=True)
class Quote:
    id: QuoteId
    request_id: RequestId
    artist_id: ArtistId
    artist_user_id: UserId
    customer_id: UserId
    revision: int
    terms: QuoteTerms
    service_id: ServiceId  # the sessions' own service, made with the quote, never offered
    status: QuoteStatus
    created_at: datetime
    updated_at: datetime

    def state_at(self, now: datetime) -> QuoteState:
        if self.status is QuoteStatus.OFFERED and now >= self.terms.expires_at:
            return QuoteState.EXPIRED
        return QuoteState(self.status.value)


@dataclass(frozen=True, slots=True)
class QuoteOffered:
    quote: Quote
    superseded: Quote | None  # the revision it replaces, now superseded


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


def offer_quote(
    request: TattooRequest,
    quotes: tuple[Quote, ...],
    actor: Actor,
    terms: QuoteTerms,
    now: datetime,
    *,
    service_id: ServiceId,
    quote_id: QuoteId | None = None,
) -> QuoteOffered:
    """The request's artist quotes it (``quotes``: the request's quotes so far; its
    sessions will book ``service_id``, made for it); the live quote, if any, is superseded
    by the new revision."""
    now = require_aware(now, "now")
    role = request.ensure_visible_to(actor)
    if role is not Role.ARTIST:
        raise RequestActionNotAllowedError("Only the request's artist quotes it.")
    if request.status is RequestStatus.OPEN:
        raise RequestNotAcceptedError()
    if request.status is not RequestStatus.ACCEPTED:
        raise RequestClosedError()
    if any(q.status is QuoteStatus.ACCEPTED for q in quotes):
        raise QuoteAlreadyAcceptedError()
    live = next((q for q in quotes if q.status is QuoteStatus.OFFERED), None)
    at = max([now, *(q.updated_at for q in quotes)])  # time never runs backwards on a request
    quote = Quote(
        id=quote_id or QuoteId(new_uuid7(int(at.timestamp() * 1000))),
        request_id=request.id,
        artist_id=request.artist_id,
        artist_user_id=request.artist_user_id,
        customer_id=request.customer_id,
        revision=max((q.revision for q in quotes), default=0) + 1,
        terms=terms,
        service_id=service_id,
        status=QuoteStatus.OFFERED,
        created_at=at,
        updated_at=at,
    )
    superseded = None
    if live is not None:
        superseded = dataclasses.replace(live, status=QuoteStatus.SUPERSEDED, updated_at=at)
    return QuoteOffered(quote, superseded)


def accept_quote(request: TattooRequest, quote: Quote, actor: Actor, now: datetime) -> Quote:
    """The request's customer takes the quote (the first session is booked by the caller in
    the same step); refused, and nothing changes, unless it is offered and unexpired."""
    now = require_aware(now, "now")
    role = request.ensure_visible_to(actor)
    if role is not Role.CUSTOMER:
        raise RequestActionNotAllowedError("Only the request's customer accepts its quote.")
    if request.status is not RequestStatus.ACCEPTED:
        raise RequestClosedError()
    match quote.state_at(now):
        case QuoteState.SUPERSEDED:
            raise QuoteSupersededError()
        case QuoteState.EXPIRED:
            raise QuoteExpiredError()
        case QuoteState.ACCEPTED:
            raise QuoteNotOfferedError()
        case QuoteState.OFFERED:
            at = max(now, quote.updated_at)
            return dataclasses.replace(quote, status=QuoteStatus.ACCEPTED, updated_at=at)
