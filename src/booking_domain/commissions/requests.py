"""A tattoo request: a customer asks an artist for a piece, the two talk it over in the
request's thread, and the artist accepts or declines it.

States and who moves them (``apply``, the one transition function):

| from | to | who |
|---|---|---|
| (none) | open | a customer sends it to a public artist, confirming they are 18 or older |
| open | accepted | the artist, with a message |
| open | declined | the artist, with a message |
| open | withdrawn | the customer, with an optional message |
| open, accepted | withdrawn | the customer's account is deleted (``Leave``) |
| open, accepted | declined | the artist's account is deleted (``Leave``) |

- ``declined`` and ``withdrawn`` are terminal: nothing moves them, and their thread takes no
  more messages. ``accepted`` is not: the thread stays open, and the artist quotes it
  (``quotes.py``); the request keeps its status while quotes and its project come and go.
- The steps of its quotes and project are the request's changes too (``Quoted``: its
  artist; ``QuoteAccepted``: its customer; ``ProjectCancelled``: either party), each only
  while the request is ``accepted``: a new version, the turn passed to the other party.
- Messages (text and an optional picture of the author's own) are posted by either party
  while the request is open or accepted, at most ``MAX_MESSAGES`` on a request.
- Admins read every request and its thread but act on none; anyone else is told the
  request does not exist (``RequestNotFoundError``).
- Whose turn it is: the artist's while the customer spoke last (a new request, or the
  customer's message), the customer's once the artist answered; ``turn_since`` is when the
  turn passed to its holder (a second message by the same party keeps it), so the artist's
  queue serves the longest waiting first.
- Every change numbers the request's ``version`` (the outbox sequence of its events).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, NewType
from uuid import UUID

from booking_domain.catalog import ArtistNotFoundError, ArtistProfile
from booking_domain.commissions.details import RequestDetails
from booking_domain.commissions.errors import (
    AgeNotConfirmedError,
    InvalidRequestError,
    RequestActionNotAllowedError,
    RequestClosedError,
    RequestNotFoundError,
    RequestNotOpenError,
    TooManyRequestMessagesError,
)
from booking_domain.commissions.parties import party_role
from booking_domain.media import Upload, UploadId, Variant
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, UserId, new_uuid7
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

if TYPE_CHECKING:
    from booking_domain.commissions.quotes import Quote

RequestId = NewType("RequestId", UUID)
RequestMessageId = NewType("RequestMessageId", UUID)

MAX_MESSAGE = 4000
MAX_MESSAGES = 500


class RequestStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


TERMINAL = frozenset({RequestStatus.DECLINED, RequestStatus.WITHDRAWN})


class Turn(StrEnum):
    """Whose answer the thread waits for."""

    ARTIST = "artist"
    CUSTOMER = "customer"


class RequestChange(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    MESSAGE_POSTED = "message_posted"
    QUOTED = "quoted"  # the artist offered a quote (or a revision)
    QUOTE_ACCEPTED = "quote_accepted"  # the customer accepted it: a project starts
    PROJECT_CANCELLED = "project_cancelled"  # a party ended the project


@dataclass(frozen=True, slots=True)
class RequestImage:
    """A reference picture: the customer's own upload, private to the two parties."""

    upload_id: UploadId
    variants: tuple[Variant, ...]


@dataclass(frozen=True, slots=True)
class TattooRequest:
    id: RequestId
    customer_id: UserId
    artist_id: ArtistId
    artist_user_id: UserId
    details: RequestDetails
    images: tuple[RequestImage, ...]
    status: RequestStatus
    turn: Turn
    turn_since: datetime
    created_at: datetime
    updated_at: datetime
    version: int = 1
    message_count: int = 0

    def role_of(self, actor: Actor) -> Role | None:
        """The actor's part: customer, artist or admin (None: a stranger)."""
        return party_role(actor, self.customer_id, self.artist_user_id)

    def ensure_visible_to(self, actor: Actor) -> Role:
        role = self.role_of(actor)
        if role is None:
            raise RequestNotFoundError()
        return role

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL


@dataclass(frozen=True, slots=True)
class RequestMessage:
    id: RequestMessageId
    request_id: RequestId
    author_id: UserId
    author_role: Role
    text: str
    upload_id: UploadId | None
    images: tuple[Variant, ...]
    created_at: datetime


# The steps a party takes on a request (``apply``'s actions).
@dataclass(frozen=True, slots=True)
class Accept:
    text: str


@dataclass(frozen=True, slots=True)
class Decline:
    text: str


@dataclass(frozen=True, slots=True)
class Withdraw:
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PostMessage:
    text: str
    image: Upload | None = None


@dataclass(frozen=True, slots=True)
class Leave:
    """The actor's account is being deleted: a request still in play closes without a
    message (the customer's as withdrawn, the artist's as declined; docs/privacy.md)."""


@dataclass(frozen=True, slots=True)
class Quoted:
    """The artist offered ``quote`` (decided by ``quotes.offer_quote``)."""

    quote: Quote


@dataclass(frozen=True, slots=True)
class QuoteAccepted:
    """The customer accepted ``quote`` (decided by ``quotes.accept_quote``)."""

    quote: Quote


@dataclass(frozen=True, slots=True)
class ProjectCancelled:
    """A party ended the request's project (decided by ``projects.cancel_project``)."""


Action = (
    Accept | Decline | Withdraw | PostMessage | Leave | Quoted | QuoteAccepted | ProjectCancelled
)


@dataclass(frozen=True, slots=True)
class RequestEvent:
    """One change: the request after it, who made it, and the message it carried."""

    change: RequestChange
    request: TattooRequest
    actor: Actor
    at: datetime
    message: RequestMessage | None
    quote: Quote | None = None  # the quote a ``quoted`` or ``quote_accepted`` change is about


def check_message_text(text: str, field: str = "text") -> str:
    """Plain text (line breaks allowed), 1 to ``MAX_MESSAGE`` characters after trimming."""
    bad = text_problem(field, text, multiline=True)
    if bad is not None:
        raise InvalidRequestError(errors=(bad,))
    cleaned = text.strip()
    if not 1 <= len(cleaned) <= MAX_MESSAGE:
        detail = f"1 to {MAX_MESSAGE} characters."
        raise InvalidRequestError(errors=(FieldError(field, detail, "length"),))
    return cleaned


def check_sender(actor: Actor, artist: ArtistProfile, *, adult: bool) -> None:
    """Who may send: a customer, to a public artist (approved, not suspended: any other is
    not found), confirming they are 18 or older."""
    if actor.role is not Role.CUSTOMER:
        raise RequestActionNotAllowedError("Only customers send tattoo requests.")
    if not artist.is_bookable:
        raise ArtistNotFoundError()
    if not adult:
        raise AgeNotConfirmedError()


def send_request(
    actor: Actor,
    artist: ArtistProfile,
    details: RequestDetails,
    images: tuple[Upload, ...],
    now: datetime,
    *,
    adult: bool,
    request_id: RequestId | None = None,
) -> RequestEvent:
    """A customer's new request to a public artist (the images already taken for it)."""
    now = require_aware(now, "now")
    check_sender(actor, artist, adult=adult)
    new = TattooRequest(
        id=request_id or RequestId(new_uuid7(int(now.timestamp() * 1000))),
        customer_id=actor.user_id,
        artist_id=artist.id,
        artist_user_id=artist.user_id,
        details=details,
        images=tuple(RequestImage(i.id, i.variants) for i in images),
        status=RequestStatus.OPEN,
        turn=Turn.ARTIST,
        turn_since=now,
        created_at=now,
        updated_at=now,
    )
    return RequestEvent(RequestChange.SENT, new, actor, now, None)


def apply(request: TattooRequest, action: Action, actor: Actor, now: datetime) -> RequestEvent:
    """The one way a request changes (the table above); raises and changes nothing when the
    step is not the actor's to take now."""
    now = require_aware(now, "now")
    role = request.ensure_visible_to(actor)
    if role is Role.ADMIN:
        raise RequestActionNotAllowedError("Admins read tattoo requests; only their parties act.")
    if isinstance(action, PostMessage):
        return _post(request, action, actor, role, now)
    if isinstance(action, Leave):
        return _leave(request, actor, role, now)
    if isinstance(action, Quoted | QuoteAccepted | ProjectCancelled):
        return _project_step(request, action, actor, role, now)
    change, status, needed = _decision(action)
    if role is not needed:
        raise RequestActionNotAllowedError()
    if request.status is not RequestStatus.OPEN:
        raise RequestNotOpenError()
    text = None if action.text is None else check_message_text(action.text)
    message = None if text is None else _message(request, actor, role, now, text, None)
    turn = Turn.CUSTOMER if role is Role.ARTIST else request.turn
    changed = _changed(request, now, status=status, turn=turn, message=message)
    return RequestEvent(change, changed, actor, now, message)


def _decision(action: Accept | Decline | Withdraw) -> tuple[RequestChange, RequestStatus, Role]:
    if isinstance(action, Accept):
        return RequestChange.ACCEPTED, RequestStatus.ACCEPTED, Role.ARTIST
    if isinstance(action, Decline):
        return RequestChange.DECLINED, RequestStatus.DECLINED, Role.ARTIST
    return RequestChange.WITHDRAWN, RequestStatus.WITHDRAWN, Role.CUSTOMER


def _leave(request: TattooRequest, actor: Actor, role: Role, now: datetime) -> RequestEvent:
    if request.is_terminal:
        raise RequestNotOpenError()
    if role is Role.CUSTOMER:
        change, status = RequestChange.WITHDRAWN, RequestStatus.WITHDRAWN
    else:
        change, status = RequestChange.DECLINED, RequestStatus.DECLINED
    changed = _changed(request, now, status=status, turn=request.turn, message=None)
    return RequestEvent(change, changed, actor, now, None)


def _post(
    request: TattooRequest, action: PostMessage, actor: Actor, role: Role, now: datetime
) -> RequestEvent:
    text = check_message_text(action.text)
    if request.is_terminal:
        raise RequestClosedError()
    if request.message_count >= MAX_MESSAGES:
        raise TooManyRequestMessagesError()
    message = _message(request, actor, role, now, text, action.image)
    turn = Turn.ARTIST if role is Role.CUSTOMER else Turn.CUSTOMER
    changed = _changed(request, now, status=request.status, turn=turn, message=message)
    return RequestEvent(RequestChange.MESSAGE_POSTED, changed, actor, now, message)


def _message(
    request: TattooRequest, actor: Actor, role: Role, now: datetime, text: str, image: Upload | None
) -> RequestMessage:
    return RequestMessage(
        id=RequestMessageId(new_uuid7(int(now.timestamp() * 1000))),
        request_id=request.id,
        author_id=actor.user_id,
        author_role=role,
        text=text,
        upload_id=None if image is None else image.id,
        images=() if image is None else image.variants,
        created_at=now,
    )


def _changed(
    request: TattooRequest,
    now: datetime,
    *,
    status: RequestStatus,
    turn: Turn,
    message: RequestMessage | None,
) -> TattooRequest:
    # Time never runs backwards on a request (a clock behind the last change is held at it).
    at = max(now, request.updated_at)
    return dataclasses.replace(
        request,
        status=status,
        turn=turn,
        turn_since=request.turn_since if turn is request.turn else at,
        updated_at=at,
        version=request.version + 1,
        message_count=request.message_count + (message is not None),
    )


def _project_step(
    request: TattooRequest,
    action: Quoted | QuoteAccepted | ProjectCancelled,
    actor: Actor,
    role: Role,
    now: datetime,
) -> RequestEvent:
    """A step of the request's quotes or project: its party's, while it is accepted; a new
    version and the turn passed to the other party."""
    if isinstance(action, Quoted):
        change, needed, quote = RequestChange.QUOTED, Role.ARTIST, action.quote
    elif isinstance(action, QuoteAccepted):
        change, needed, quote = RequestChange.QUOTE_ACCEPTED, Role.CUSTOMER, action.quote
    else:
        change, needed, quote = RequestChange.PROJECT_CANCELLED, role, None
    if role is not needed:
        raise RequestActionNotAllowedError()
    if request.status is not RequestStatus.ACCEPTED:
        raise RequestClosedError()
    turn = Turn.CUSTOMER if role is Role.ARTIST else Turn.ARTIST
    changed = _changed(request, now, status=request.status, turn=turn, message=None)
    return RequestEvent(change, changed, actor, now, None, quote)
