"""What a party's deleted account leaves of their tattoo requests (docs/privacy.md,
"Tattoo requests").

- a request still in play (open or accepted) closes: the leaving customer's as withdrawn,
  the leaving artist's as declined (``apply`` with ``Leave``; the other party is told);
- the request stays for the other party, with nothing the leaver wrote or uploaded: a
  leaving customer's idea and placement text are emptied and their reference pictures
  dropped; the leaver's messages keep their place in the thread (author, role, time) with
  their text emptied and their picture dropped;
- a leaving artist's quotes keep their terms (the numbers both parties agreed or were
  offered: sessions, price, deposit, gap, expiry) with their note, the artist's words,
  emptied (``erased_quote``); the customer wrote nothing on a quote;
- a project in play (active) is cancelled by the leaver (``projects.cancel_project``, either
  party may), so nothing more is booked on it; its sessions are bookings, cancelled or kept
  by the bookings' own rules for a leaver (``privacy.leaving``);
- what the other party wrote or uploaded is theirs and stays as it was.
"""

from __future__ import annotations

from dataclasses import replace

from booking_domain.commissions.quotes import Quote
from booking_domain.commissions.requests import RequestMessage, TattooRequest
from booking_domain.media import UploadId
from booking_domain.shared.ids import UserId


def erased_request(request: TattooRequest, leaver: UserId) -> TattooRequest:
    """The request without the leaver's words and pictures (only its customer's are on it)."""
    if request.customer_id != leaver:
        return request
    details = replace(
        request.details,
        idea="",
        placement=replace(request.details.placement, text=""),
    )
    return replace(request, details=details, images=())


def erased_quote(quote: Quote, leaver: UserId) -> Quote:
    """The quote without the leaver's words: its note emptied if the leaver is its artist
    (the only party who writes on a quote); its terms' numbers and its state stay."""
    if quote.artist_user_id != leaver:
        return quote
    return replace(quote, terms=replace(quote.terms, note=""))


def erased_message(message: RequestMessage) -> RequestMessage:
    """The message with its text emptied and its picture dropped (its author left)."""
    return replace(message, text="", upload_id=None, images=())


def leavers_uploads(
    request: TattooRequest, messages: tuple[RequestMessage, ...], leaver: UserId
) -> tuple[UploadId, ...]:
    """The uploads of the leaver that the request and its thread hold."""
    mine = [i.upload_id for i in request.images] if request.customer_id == leaver else []
    mine.extend(m.upload_id for m in messages if m.author_id == leaver and m.upload_id)
    return tuple(mine)
