"""What the outbox's events mean to loyalty: each followed event reads as its cue with the
ids and amounts it carries; anything else, or data of the wrong shape, is no cue and never
an error (the earner must not stop at a strange event)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.loyalty import EARNING_EVENT_TYPES
from booking_domain.loyalty.cues import (
    BalancePaid,
    Completed,
    Cue,
    Refunded,
    Reviewed,
    Unreviewed,
    cue_of,
)
from booking_domain.shared import ArtistId, BookingId, EventId, OutboxEvent, UserId

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


def event(type_: str, data: dict[str, Any]) -> OutboxEvent:
    return OutboxEvent(EventId(uuid4()), type_, NOW, f"x/{uuid4()}", 1, data, ())


def test_each_followed_event_reads_as_its_cue() -> None:
    booking, review = BookingId(uuid4()), uuid4()
    customer, artist = UserId(uuid4()), ArtistId(uuid4())
    money = {"amountPaid": {"amount": 900, "currency": "MNT"},
             "amountRefunded": {"amount": 300, "currency": "MNT"}}  # fmt: skip
    refunded = event("booking.refund_recorded", {"booking": {"id": str(booking), **money}})
    assert cue_of(refunded) == Refunded(refunded.id, booking, 900, 300)
    done = event("booking.completed", {"booking": {"id": str(booking)}})
    assert cue_of(done) == Completed(done.id, booking)  # holds nothing it says: earns nothing
    owed = {**money, "refundDue": {"amount": 100, "currency": "MNT"}}
    kept = event("booking.completed", {"booking": {"id": str(booking), **owed}})
    assert cue_of(kept) == Completed(kept.id, booking, 500, "MNT")  # paid, less given back
    change = {"kind": "balance_paid", "amount": {"amount": 1_200, "currency": "MNT"}}
    balance = event("booking.balance_paid", {"booking": {"id": str(booking)}, "change": change})
    assert cue_of(balance) == BalancePaid(balance.id, booking, 1_200, "MNT")
    body = {"id": str(review), "bookingId": str(booking), "customerId": str(customer),
            "artistId": str(artist)}  # fmt: skip
    for kind in ("review.created", "review.restored"):
        seen = event(kind, {"review": body})
        assert cue_of(seen) == Reviewed(seen.id, review, booking, customer, artist)
    hidden = event("review.hidden", {"review": body})
    assert cue_of(hidden) == Unreviewed(hidden.id, review, customer)
    assert cue_of(event("booking.confirmed", {"booking": {"id": str(booking)}})) is None


@given(
    type_=st.sampled_from(sorted(EARNING_EVENT_TYPES | {"booking.cancelled"})),
    data=st.dictionaries(
        st.sampled_from(["booking", "review", "change", "other"]), JSON, max_size=3
    ),
)
def test_data_of_any_shape_is_a_cue_or_nothing_never_an_error(
    type_: str, data: dict[str, Any]
) -> None:
    cue = cue_of(event(type_, data))
    if cue is not None:
        assert type_ in EARNING_EVENT_TYPES
        assert all(isinstance(v, UUID) for k, v in vars_of(cue).items() if k.endswith("_id"))


def vars_of(cue: Cue) -> dict[str, object]:
    return {f.name: getattr(cue, f.name) for f in dataclasses.fields(cue)}
