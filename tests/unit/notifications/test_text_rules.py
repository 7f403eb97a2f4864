"""The rules of texts (``notifications.facts.skip_reason``, ``notifications.text_allowance``):
a text goes only to a proven number where texts go, and an account's actions cause at most
its daily bound of texts, for every order of planned messages."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookedFor, ClientId
from booking_domain.notifications import (
    Channel,
    Notification,
    NotificationStatus,
    Party,
    SkipReason,
)
from booking_domain.notifications.facts import skip_reason
from booking_domain.notifications.planning import plan
from booking_domain.notifications.text_allowance import (
    accounts_charged,
    charged_to,
    charges_of,
    within_allowance,
)
from booking_domain.shared.ids import UserId
from tests.unit.notifications.test_notification_rules import (
    NOW,
    a_recipient,
    booked_by_artist,
    facts,
    offsets,
    requested,
)

START = NOW + timedelta(days=3)


def customer_text() -> Notification:
    _, event = requested(START)
    return next(
        n
        for n in plan(event, NOW, offsets())
        if n.party is Party.CUSTOMER and n.channel is Channel.SMS
    )


def test_an_account_is_texted_only_on_a_number_it_proved_where_texts_go() -> None:
    sms = customer_text()
    proven = a_recipient(phone_verified=True)
    assert skip_reason(sms, proven, facts(START), NOW) is None
    unproven = a_recipient(phone_verified=False)
    assert skip_reason(sms, unproven, facts(START), NOW) is SkipReason.UNVERIFIED_PHONE
    nowhere = skip_reason(sms, proven, facts(START), NOW, lambda number: False)
    assert nowhere is SkipReason.UNSERVED_NUMBER
    assert skip_reason(sms, a_recipient(phone=None), facts(START), NOW) is SkipReason.NO_ADDRESS


def test_a_client_records_number_is_its_artists_word_but_still_goes_only_where_texts_go() -> None:
    event = booked_by_artist(BookedFor(client_id=ClientId(uuid4())), deposit=False)
    sms = next(n for n in plan(event, NOW, offsets()) if n.client_id and n.channel is Channel.SMS)
    client = a_recipient(user_id=None, preferences=None)
    assert skip_reason(sms, client, facts(START), NOW) is None
    assert skip_reason(sms, client, facts(START), NOW, lambda n: False) is (
        SkipReason.UNSERVED_NUMBER
    )
    assert charged_to(sms) is not None  # the artist who booked the client in


ACCOUNTS = [UserId(uuid4()) for _ in range(3)]


def a_text(
    actor: UserId | None, role: str = "customer", channel: Channel = Channel.SMS
) -> Notification:
    base = customer_text()
    change = {"kind": "x", "actor": None if actor is None else {"userId": str(actor), "role": role}}
    return dataclasses.replace(base, id=uuid4(), channel=channel, data={"change": change})  # type: ignore[arg-type]


planned_texts = st.lists(
    st.tuples(
        st.sampled_from([*ACCOUNTS, None]),
        st.sampled_from(["customer", "artist", "admin"]),
        st.sampled_from([Channel.SMS, Channel.EMAIL]),
    ),
    max_size=40,
).map(lambda rows: [a_text(*row) for row in rows])


@given(
    planned=planned_texts,
    used=st.lists(st.integers(min_value=0, max_value=6), min_size=3, max_size=3),
    limit=st.integers(min_value=1, max_value=6),
)
def test_no_account_is_charged_past_its_bound_and_only_its_excess_is_skipped(
    planned: list[Notification], used: list[int], limit: int
) -> None:
    already = dict(zip(ACCOUNTS, used, strict=True))
    allowance = within_allowance(planned, already, limit, NOW)
    assert len(allowance.planned) == len(planned)
    pairs = list(zip(planned, allowance.planned, strict=True))
    for account in ACCOUNTS:
        room = max(0, limit - already[account])
        theirs = [after for before, after in pairs if charged_to(before) == account]
        kept = min(room, len(theirs))
        assert allowance.charged.get(account, 0) == kept
        # The first texts planned are charged; every one after the bound is skipped.
        assert [a.skip_reason for a in theirs] == [None] * kept + [SkipReason.TEXT_LIMIT] * (
            len(theirs) - kept
        )
        assert all(a.status is NotificationStatus.SKIPPED for a in theirs[kept:])
    for before, after in pairs:
        if charged_to(before) is None:  # no actor, an admin's, or no text: untouched
            assert after == before
    assert charges_of(allowance.planned) == allowance.charged
    assert accounts_charged(planned) <= set(ACCOUNTS)
