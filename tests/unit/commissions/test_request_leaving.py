"""What a party's deleted account leaves of a tattoo request (``commissions.leaving``): nothing
the leaver wrote or uploaded, everything the other party did."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.commissions import (
    PostMessage,
    RequestImage,
    RequestMessage,
    apply,
    erased_message,
    erased_request,
    leavers_uploads,
)
from booking_domain.media import Upload, UploadId, UploadPurpose, UploadStatus, Variant
from booking_domain.shared.identity import Actor
from booking_domain.testing import artist, customer
from booking_domain.testing.commissions import a_request

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
