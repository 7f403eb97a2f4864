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
- What a quote says, and the rules of it: ``terms.py``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.commissions.errors import (
    QuoteAlreadyAcceptedError,
    QuoteExpiredError,
    QuoteNotOfferedError,
    QuoteSupersededError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotAcceptedError,
)
from booking_domain.commissions.requests import RequestId, RequestStatus, TattooRequest
from booking_domain.commissions.terms import QuoteTerms
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, ServiceId, UserId, new_uuid7
from booking_domain.shared.time import require_aware

QuoteId = NewType("QuoteId", UUID)


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


def ensure_quoter(request: TattooRequest, quotes: tuple[Quote, ...], actor: Actor) -> None:
    """Whether ``actor`` may quote the request now (its artist, the request accepted, no quote
    of it accepted), or the refusal: asked before the terms are read, so a party who may not
    quote learns that first."""
    role = request.ensure_visible_to(actor)
    if role is not Role.ARTIST:
        raise RequestActionNotAllowedError("Only the request's artist quotes it.")
    if request.status is RequestStatus.OPEN:
        raise RequestNotAcceptedError()
    if request.status is not RequestStatus.ACCEPTED:
        raise RequestClosedError()
    if any(q.status is QuoteStatus.ACCEPTED for q in quotes):
        raise QuoteAlreadyAcceptedError()


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
    ensure_quoter(request, quotes, actor)
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
