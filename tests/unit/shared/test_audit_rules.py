"""The audit trail's rules: an entry's id is of its moment, it carries the current request,
and the filter's matching (which both stores follow)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import Actor, Role, UserId
from booking_domain.shared.audit import REQUEST_ID, AuditEntry, AuditFilter, audit_entry
from booking_domain.shared.errors import InvalidInputError

T0 = datetime(2026, 3, 2, 10, tzinfo=UTC)
ACTIONS = ["booking.cancelled", "booking.confirmed", "bookings.x", "account.locked"]
PEOPLE = [UserId(UUID(int=n)) for n in (1, 2)]


def _ms_of(entry_id: UUID) -> int:
    return entry_id.int >> 80


@given(st.integers(0, 10**6))
def test_an_entry_id_begins_with_its_millisecond(offset_ms: int) -> None:
    at = T0 + timedelta(milliseconds=offset_ms, microseconds=500)
    entry = audit_entry("account.locked", "user/1", at)
    assert _ms_of(entry.id) == int(at.timestamp() * 1000)


def test_an_entry_carries_the_request_and_the_actor() -> None:
    admin = Actor(UserId(uuid4()), Role.ADMIN)
    token = REQUEST_ID.set("r" * 100)
    try:
        entry = audit_entry("account.locked", "user/1", T0, actor=admin)
    finally:
        REQUEST_ID.reset(token)
    assert (entry.actor_id, entry.actor_role, entry.request_id) == (admin.user_id, Role.ADMIN,
                                                                    "r" * 64)  # fmt: skip
    assert audit_entry("booking.expired", "booking/1", T0).request_id is None  # no request


def test_action_and_target_are_shaped() -> None:
    with pytest.raises(ValueError, match="action"):
        audit_entry("locked", "user/1", T0)
    with pytest.raises(ValueError, match="action"):
        audit_entry("account.locked", "user", T0)


@st.composite
def entries(draw: st.DrawFn) -> AuditEntry:
    who = draw(st.sampled_from([None, *PEOPLE]))
    at = T0 + timedelta(minutes=draw(st.integers(0, 60)))
    made = audit_entry(draw(st.sampled_from(ACTIONS)), "booking/1", at, actor_id=who)
    return replace(made, request_id=draw(st.sampled_from([None, "r-1", "r-2"])))


filters = st.builds(
    AuditFilter,
    actor_id=st.sampled_from([None, *PEOPLE]),
    action=st.sampled_from([None, "booking.", "booking.cancelled", "account.", "booking"]),
    request_id=st.sampled_from([None, "r-1"]),
    at_from=st.sampled_from([None, T0 + timedelta(minutes=30)]),
)


@given(filters, entries())
def test_a_match_has_every_named_property(where: AuditFilter, entry: AuditEntry) -> None:
    kind_or_action = (
        where.action is None
        or entry.action == where.action
        or (where.action.endswith(".") and entry.action.split(".")[0] + "." == where.action)
    )
    expected = (
        kind_or_action
        and where.actor_id in (None, entry.actor_id)
        and where.request_id in (None, entry.request_id)
        and (where.at_from is None or entry.at >= where.at_from)
    )
    assert where.matches(entry) == expected


def test_an_empty_or_reversed_range_is_refused() -> None:
    with pytest.raises(InvalidInputError):
        AuditFilter(at_from=T0, at_before=T0)
