"""What the artist may do with a tattoo request now (``artist_steps``): offered exactly when
the step itself would be taken. A property over every state, turn, thread size and set of
quotes a request can have, for its artist, its customer, an admin, a stranger and an
impostor, against ``apply`` and ``ensure_quoter``."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.commissions import (
    MAX_MESSAGES,
    Accept,
    ArtistStep,
    Decline,
    DraftTerms,
    PostMessage,
    Quote,
    QuoteId,
    QuoteStatus,
    RequestStatus,
    Turn,
    apply,
    artist_steps,
    check_terms,
    ensure_quoter,
)
from booking_domain.shared import DomainError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import SERVICE_ID
from booking_domain.testing.commissions import a_request

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRANGER = Actor(UserId(UUID(int=77)), Role.ARTIST)
IMPOSTOR = Actor(artist().user_id, Role.CUSTOMER)


def _taken(step: object) -> bool:
    try:
        step()  # type: ignore[operator]
    except DomainError:
        return False
    return True


def _quote(status: QuoteStatus, revision: int) -> Quote:
    terms = check_terms(
        DraftTerms(1, 60, 10_000, 10_000, 0, "MNT", 0, NOW + timedelta(days=3)), NOW
    )
    request = a_request(NOW)
    return Quote(
        id=QuoteId(UUID(int=revision)),
        request_id=request.id,
        artist_id=request.artist_id,
        artist_user_id=request.artist_user_id,
        customer_id=request.customer_id,
        revision=revision,
        terms=terms,
        service_id=SERVICE_ID,
        status=status,
        created_at=NOW,
        updated_at=NOW,
    )


@given(
    st.sampled_from(RequestStatus),
    st.sampled_from(Turn),
    st.sampled_from([0, 1, MAX_MESSAGES - 1, MAX_MESSAGES]),
    st.lists(st.sampled_from(QuoteStatus), max_size=3),
    st.sampled_from([customer(), artist(), admin(), STRANGER, IMPOSTOR]),
)
def test_a_step_is_offered_exactly_when_it_is_taken(
    status: RequestStatus,
    turn: Turn,
    messages: int,
    quote_states: list[QuoteStatus],
    actor: Actor,
) -> None:
    request = dataclasses.replace(a_request(NOW), status=status, turn=turn, message_count=messages)
    quotes = tuple(_quote(s, n) for n, s in enumerate(quote_states, start=1))
    offered = artist_steps(request, quotes, actor)
    assert len(set(offered)) == len(offered)
    assert (ArtistStep.ACCEPT in offered) == _taken(
        lambda: apply(request, Accept("Yes"), actor, NOW)
    )
    assert (ArtistStep.DECLINE in offered) == _taken(
        lambda: apply(request, Decline("Sorry"), actor, NOW)
    )
    # A reply is the artist's only: the customer's messages are not the console's.
    replies = actor == artist() and _taken(lambda: apply(request, PostMessage("Hi"), actor, NOW))
    assert (ArtistStep.REPLY in offered) == replies
    assert (ArtistStep.QUOTE in offered) == _taken(lambda: ensure_quoter(request, quotes, actor))
    if actor != artist():
        assert offered == ()
