"""What a tattoo request's artist may do with it now: the steps a console offers.

The same rules as the steps themselves (``requests.apply`` and ``quotes.ensure_quoter``),
asked ahead so that a screen offers only what would be taken (the step still decides, and
a race between the offer and the tap still gets its refusal):

- an ``open`` request: **accept** or **decline** it (each with a message);
- an ``open`` or ``accepted`` request whose thread is not full (``MAX_MESSAGES``):
  **reply** in its thread;
- an ``accepted`` request none of whose quotes was accepted: **quote** it (a first quote,
  or a revision of the live one).

Only the request's artist is offered anything: its customer, an admin or a stranger none.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from booking_domain.commissions.quotes import Quote, QuoteStatus
from booking_domain.commissions.requests import MAX_MESSAGES, RequestStatus, TattooRequest
from booking_domain.shared.identity import Actor, Role


class ArtistStep(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    REPLY = "reply"
    QUOTE = "quote"


def artist_steps(
    request: TattooRequest, quotes: Sequence[Quote], actor: Actor
) -> tuple[ArtistStep, ...]:
    """The steps ``actor`` may take on ``request`` (``quotes``: its quotes so far), in the
    order a screen shows them (the module's docstring has the rules)."""
    if request.role_of(actor) is not Role.ARTIST:
        return ()
    steps: list[ArtistStep] = []
    if request.status is RequestStatus.OPEN:
        steps += (ArtistStep.ACCEPT, ArtistStep.DECLINE)
    if not request.is_terminal and request.message_count < MAX_MESSAGES:
        steps.append(ArtistStep.REPLY)
    if request.status is RequestStatus.ACCEPTED and not any(
        q.status is QuoteStatus.ACCEPTED for q in quotes
    ):
        steps.append(ArtistStep.QUOTE)
    return tuple(steps)


__all__ = ["ArtistStep", "artist_steps"]
