"""What a party's deleted account leaves of a tattoo request (``commissions.leaving``): nothing
the leaver wrote or uploaded, everything the other party did; of its quotes, the terms
without a leaving artist's note; of its project, nothing more to book."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.commissions import (
    DraftTerms,
    PostMessage,
    ProjectClosedError,
    ProjectStatus,
    QuoteStatus,
    RequestImage,
    RequestMessage,
    accept_quote,
    apply,
    cancel_project,
    check_terms,
    erased_message,
    erased_quote,
    erased_request,
    leavers_uploads,
    offer_quote,
    start_project,
)
from booking_domain.media import Upload, UploadId, UploadPurpose, UploadStatus, Variant
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ServiceId, UserId
from booking_domain.testing import artist, customer
from booking_domain.testing.commissions import a_request, an_accepted_request, valid_terms

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def a_picture(owner: Actor, n: int) -> Upload:
    return Upload(
        UploadId(UUID(int=1000 + n)), owner.user_id, UploadPurpose.IDEA, "image/jpeg", 10,
        UploadStatus.READY, T0, T0, variants=(Variant("small", f"private/{n}/s.webp", 1, 1, 1),),
    )  # fmt: skip


@given(speakers=st.lists(st.sampled_from([customer(), artist()]), max_size=8))
def test_a_leaver_keeps_nothing_on_the_request_and_the_other_party_everything(
    speakers: list[Actor],
) -> None:
    reference = a_picture(customer(), 0)
    request = replace(a_request(T0), images=(RequestImage(reference.id, reference.variants),))
    thread: list[RequestMessage] = []
    for n, who in enumerate(speakers, start=1):
        event = apply(request, PostMessage(f"said {n}", a_picture(who, n)), who, T0 + timedelta(n))
        request = event.request
        assert event.message is not None
        thread.append(event.message)
    messages = tuple(thread)
    for leaver, other in ((customer(), artist()), (artist(), customer())):
        erased = erased_request(request, leaver.user_id)
        if leaver == customer():
            assert (erased.details.idea, erased.details.placement.text, erased.images) == (
                "",
                "",
                (),
            )
        else:
            assert erased == request  # the details and pictures are the customer's
        assert (erased.status, erased.version, erased.message_count) == (
            request.status, request.version, request.message_count,
        )  # fmt: skip
        taken = set(leavers_uploads(request, messages, leaver.user_id))
        theirs = {m.upload_id for m in messages if m.author_id == leaver.user_id}
        assert taken == theirs | ({reference.id} if leaver == customer() else set())
        for message in messages:
            if message.author_id == other.user_id:
                assert message.upload_id not in taken
        gone = erased_message(messages[0]) if messages else None
        if gone is not None:
            assert (gone.text, gone.upload_id, gone.images) == ("", None, ())
            assert (gone.id, gone.author_id, gone.created_at) == (
                messages[0].id, messages[0].author_id, messages[0].created_at,
            )  # fmt: skip


STRANGER = Actor(UserId(UUID(int=77)), Role.ARTIST)


@given(draft=valid_terms(T0), note=st.text(max_size=40), accepted=st.booleans())
def test_a_leaving_artist_s_quote_keeps_its_terms_without_their_note(
    draft: DraftTerms, note: str, accepted: bool
) -> None:
    terms = replace(check_terms(draft, T0), note=note)
    request = an_accepted_request(T0)
    quote = offer_quote(request, (), artist(), terms, T0, service_id=ServiceId(UUID(int=5))).quote
    if accepted:
        quote = accept_quote(request, quote, customer(), T0)
    erased = erased_quote(quote, artist().user_id)
    assert erased.terms.note == ""
    assert replace(erased, terms=replace(erased.terms, note=note)) == quote  # nothing else
    assert erased_quote(erased, artist().user_id) == erased
    # The customer (and anyone else) wrote nothing on a quote: their leaving keeps it whole.
    for leaver in (customer(), STRANGER):
        assert erased_quote(quote, leaver.user_id) == quote


@pytest.mark.parametrize("leaver", [customer(), artist()], ids=["customer", "artist"])
def test_either_leaving_party_cancels_the_project_once(leaver: Actor) -> None:
    request = an_accepted_request(T0)
    draft = DraftTerms(2, 180, 600_000_00, 600_000_00, 0, "MNT", 14, T0 + timedelta(days=7))
    offered = offer_quote(
        request, (), artist(), check_terms(draft, T0), T0, service_id=ServiceId(UUID(int=5))
    )
    project = start_project(accept_quote(request, offered.quote, customer(), T0), T0)
    assert offered.quote.status is QuoteStatus.OFFERED
    left = cancel_project(project, leaver, T0 + timedelta(days=1))
    assert (left.status, left.updated_at) == (ProjectStatus.CANCELLED, T0 + timedelta(days=1))
    assert replace(left, status=project.status, updated_at=project.updated_at) == project
    with pytest.raises(ProjectClosedError):  # the deletion cancels active projects only
        cancel_project(left, leaver, T0 + timedelta(days=1))
