"""The ledger's filter: which kinds and statuses it lists, and what it refuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payments.ledger import (
    STATUSES,
    Transaction,
    TransactionFilter,
    TransactionKind,
)
from booking_domain.shared.errors import InvalidInputError
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
kinds = st.frozensets(st.sampled_from(TransactionKind))


@st.composite
def transactions(draw: st.DrawFn) -> Transaction:
    kind = draw(st.sampled_from(TransactionKind))
    at = T0 + timedelta(minutes=draw(st.integers(0, 100)))
    return Transaction(
        uuid4(), kind, draw(st.sampled_from(sorted(STATUSES[kind]))), BookingId(uuid4()),
        UserId(uuid4()), UserId(uuid4()), Money(1000, "MNT"), None, None, at, at, None,
    )  # fmt: skip


@st.composite
def filters(draw: st.DrawFn) -> TransactionFilter:
    listed = draw(kinds)
    allowed = sorted(frozenset().union(*(STATUSES[k] for k in listed or TransactionKind)))
    start = draw(st.none() | st.integers(0, 100))
    return TransactionFilter(
        kinds=listed,
        statuses=draw(st.frozensets(st.sampled_from(allowed), max_size=3)),
        created_from=None if start is None else T0 + timedelta(minutes=start),
        awaiting_settlement=draw(st.sampled_from([None, True, False])),
    )


@given(filters(), transactions())
def test_a_match_is_of_a_listed_kind_and_status_and_in_range(
    where: TransactionFilter, t: Transaction
) -> None:
    expected = (
        (not where.kinds or t.kind in where.kinds)
        and (not where.statuses or t.status in where.statuses)
        and (where.created_from is None or t.created_at >= where.created_from)
        and (where.awaiting_settlement is None
             or where.awaiting_settlement == (t.kind == "refund" and t.status == "manual"))
    )  # fmt: skip
    assert where.matches(t) == expected


@pytest.mark.parametrize(
    ("listed", "statuses"),
    [
        (frozenset(), frozenset({"lost"})),
        (frozenset({TransactionKind.DEPOSIT}), frozenset({"manual"})),
        (frozenset({TransactionKind.REFUND}), frozenset({"paid", "pending"})),
    ],
)
def test_a_status_no_listed_kind_has_is_refused(
    listed: frozenset[TransactionKind], statuses: frozenset[str]
) -> None:
    with pytest.raises(InvalidInputError) as refused:
        TransactionFilter(kinds=listed, statuses=statuses)
    assert [e.field for e in refused.value.errors] == ["status"]


def test_an_empty_or_reversed_range_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        TransactionFilter(created_from=T0, created_before=T0)
