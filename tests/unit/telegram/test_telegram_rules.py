"""The Telegram rules: the channel derived from the table, what a message's buttons offer
and carry, commands, reading Telegram's updates, what the bot makes of them, a chat's life
(a state machine), the webhook's secret, and Telegram's 429 and 403 on a notification."""

from __future__ import annotations

import json
from datetime import timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from booking_domain.notifications import (
    RULES,
    BookingState,
    Channel,
    KeyAction,
    Notification,
    NotificationStatus,
    Party,
    RetrySchedule,
    SendOutcome,
    SkipReason,
    asking,
    keyboard_for,
    read_callback,
)
from booking_domain.notifications.notifications import Attempted
from booking_domain.notifications.planning import plan
from booking_domain.shared import OutboxEvent
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.telegram import (
    Ask,
    Command,
    InvalidTelegramUpdateError,
    Link,
    Press,
    TelegramWebhookRefusedError,
    Update,
    UpdateKind,
    command_of,
    decide,
    derived_secret,
    read_body,
    webhook_secret,
)
from booking_domain.telegram.webhook import check_secret
from booking_domain.testing.builders import ARTIST_USER, CUSTOMER_USER
from tests.support.builders import START

NOW = START
BOOKING = BookingId(UUID("0190f1a2-b3c4-7d5e-8f60-123456789abc"))
URL = f"https://app.example.mn/bookings/{BOOKING}"
NOTICE = timedelta(hours=48)
CHAT = 5550001


def an_event(event_type: str) -> OutboxEvent:
    kind = event_type.split(".")[0]
    subject = "artist" if kind == "artist" else "booking"
    audience = (CUSTOMER_USER,) if subject == "artist" else (CUSTOMER_USER, ARTIST_USER)
    return OutboxEvent(uuid4(), event_type, NOW, f"{subject}/{uuid4()}", 1, {}, audience)  # type: ignore[arg-type]


@given(st.sampled_from(sorted(RULES)), st.sets(st.sampled_from([CUSTOMER_USER, ARTIST_USER])))
def test_telegram_follows_every_line_told_in_the_app_to_an_account_with_a_chat(
    event_type: str, with_chats: set[UserId]
) -> None:
    event = an_event(event_type)
    planned = plan(event, NOW, lambda a: pytest.fail("no reminders here"), telegram=with_chats)
    by_account: dict[UserId | None, set[Channel]] = {}
    for n in planned:
        by_account.setdefault(n.recipient_id, set()).add(n.channel)
    for account, channels in by_account.items():
        telegram = account in with_chats and Channel.IN_APP in channels
        assert (Channel.TELEGRAM in channels) is telegram
    without = plan(event, NOW, lambda a: pytest.fail("no reminders here"))
    assert {n.key for n in without} == {n.key for n in planned if n.channel is not Channel.TELEGRAM}
    assert len({n.key for n in planned}) == len(planned)


def a_state(status: str = "confirmed", *, days: float = 3, awaiting: bool = False) -> BookingState:
    return BookingState(BOOKING, status, NOW + timedelta(days=days), awaiting, NOTICE)


def labels(keyboard: tuple[tuple[object, ...], ...]) -> list[str]:
    return [k.action.value for row in keyboard for k in row]  # type: ignore[attr-defined]


def test_the_buttons_fit_the_party_and_the_booking() -> None:
    assert labels(keyboard_for(Party.CUSTOMER, a_state(), NOW, URL)) == [
        "cancel",
        "reschedule",
        "open",
    ]
    # Inside the notice: no more moving it; cancelling stays (the policy keeps the deposit).
    assert labels(keyboard_for(Party.CUSTOMER, a_state(days=1), NOW, URL)) == ["cancel", "open"]
    assert labels(keyboard_for(Party.ARTIST, a_state("pending", awaiting=True), NOW, URL)) == [
        "confirm", "decline", "open",
    ]  # fmt: skip
    assert labels(keyboard_for(Party.ARTIST, a_state(), NOW, URL)) == ["open"]
    assert labels(keyboard_for(Party.CUSTOMER, a_state("cancelled"), NOW, URL)) == ["open"]
    assert labels(keyboard_for(None, a_state(), NOW, URL)) == ["open"]  # an admin: no party
    # Telegram opens https links only: without, the links stay in the message's text.
    local = keyboard_for(Party.CUSTOMER, a_state(), NOW, "http://127.0.0.1:8000/bookings/x")
    assert labels(local) == ["cancel"]


def test_a_waitlist_offer_is_taken_or_declined_by_its_customer_and_nothing_else() -> None:
    """Until its customer answers, nothing but the answer moves an offer: no Cancel or
    Reschedule for the customer, no Confirm or Decline for the artist, even of a service
    that needs approval; once its hold ran out, nothing but the link."""
    held = NOW + timedelta(minutes=30)
    offer = BookingState(BOOKING, "pending", NOW + timedelta(days=3), True, NOTICE, held)
    assert labels(keyboard_for(Party.CUSTOMER, offer, NOW, URL)) == ["take", "refuse", "open"]
    assert labels(keyboard_for(Party.ARTIST, offer, NOW, URL)) == ["open"]
    assert labels(keyboard_for(Party.CUSTOMER, offer, held, URL)) == ["open"]
    assert labels(asking(KeyAction.DECLINE_OFFER, BOOKING)) == ["refuse!", "keep"]


@given(
    st.sampled_from([Party.CUSTOMER, Party.ARTIST, None]),
    st.sampled_from(["pending", "confirmed", "cancelled", "completed", "expired"]),
    st.floats(-2, 30),
    st.booleans(),
    st.uuids(),
    st.booleans(),
    st.sampled_from([KeyAction.CANCEL, KeyAction.DECLINE, KeyAction.DECLINE_OFFER]),
)
def test_every_button_carries_at_most_64_bytes_that_read_back_and_no_more(
    party: Party | None,
    status: str,
    days: float,
    awaiting: bool,
    booking: UUID,
    offered: bool,
    asked: KeyAction,
) -> None:
    start = NOW + timedelta(days=days)
    held = NOW + timedelta(minutes=30) if offered else None
    state = BookingState(BookingId(booking), status, start, awaiting, NOTICE, held)
    keyboard = keyboard_for(party, state, NOW, URL) + asking(asked, BookingId(booking))
    for key in (k for row in keyboard for k in row):
        if key.action.is_link:
            assert key.callback_data is None and key.url is not None
            continue
        data = key.callback_data
        assert data is not None and len(data.encode()) <= 64
        assert read_callback(data) == (key.action, BookingId(booking))
    closed = status not in ("pending", "confirmed")
    assert closed <= (labels(keyboard_for(party, state, NOW, URL)) == ["open"])


@given(st.text(max_size=80))
def test_callback_data_that_is_no_button_of_ours_reads_as_none(data: str) -> None:
    found = read_callback(data)
    assert found is None or f"{found[0].value}:{found[1].hex}" == data


def test_commands_are_read_as_telegram_writes_them() -> None:
    assert command_of("/start abc_DEF-123") == Command("start", "abc_DEF-123")
    assert command_of("/Next@InkslotBot") == Command("next", "")
    assert command_of("  /help   me  ") == Command("help", "me")
    assert command_of("hello /start") is None
    assert command_of("/") is None


@given(st.text(max_size=200))
def test_any_text_is_a_command_or_none_never_an_error(text: str) -> None:
    found = command_of(text)
    if found is not None:
        assert text.strip().lower().startswith("/" + found.name)
        assert found.name == found.name.lower() and 1 <= len(found.name) <= 32
        assert found.argument == found.argument.strip()


def update(kind: UpdateKind, *, private: bool = True, **fields: object) -> Update:
    return Update(1, kind, CHAT, private, **fields)  # type: ignore[arg-type]


def test_what_the_bot_makes_of_each_update() -> None:

    def message(text: str) -> Update:
        return update(UpdateKind.MESSAGE, text=text)

    assert decide(message("/start tok_123456789abcdef"), linked=False) == Link(
        "tok_123456789abcdef"
    )
    assert decide(message("/start"), linked=False) is Ask.HOW_TO_LINK
    assert decide(message("/start"), linked=True) is Ask.GREET
    assert decide(message("/bookings"), linked=True) is Ask.UPCOMING
    assert decide(message("/bookings"), linked=False) is Ask.HOW_TO_LINK
    assert decide(message("/next"), linked=True) is Ask.NEXT
    assert decide(message("/stop"), linked=True) is Ask.UNLINK
    assert decide(message("/help"), linked=False) is Ask.HELP
    assert decide(message("hello"), linked=True) is Ask.HELP
    assert (
        decide(update(UpdateKind.MESSAGE, private=False, text="/next"), linked=True) is Ask.NOTHING
    )
    data = f"cancel:{BOOKING.hex}"
    assert decide(update(UpdateKind.PRESS, data=data), linked=True) == Press(
        KeyAction.CANCEL, BOOKING
    )
    assert decide(update(UpdateKind.PRESS, data=data), linked=False) is Ask.LINK_FIRST
    assert decide(update(UpdateKind.PRESS, data="buy:cheap"), linked=True) is Ask.STALE
    assert decide(update(UpdateKind.MEMBER, member_status="kicked"), linked=True) is Ask.BLOCKED
    assert decide(update(UpdateKind.MEMBER, member_status="member"), linked=False) is Ask.UNBLOCKED


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)
a_chat = st.fixed_dictionaries({"id": json_values | st.integers(), "type": json_values})
# Any text JSON can carry: NUL, and lone surrogates (escaped in JSON, no character in UTF-8).
any_text = st.text(st.characters(exclude_categories=()), max_size=40)
a_sender = st.fixed_dictionaries({"username": any_text, "language_code": any_text})
shaped = st.fixed_dictionaries(
    {"update_id": st.integers(-5, 2**64)},
    optional={
        "message": st.fixed_dictionaries(
            {"chat": a_chat, "text": json_values | any_text},
            optional={"from": json_values | a_sender},
        ),
        "callback_query": json_values,
        "my_chat_member": json_values,
    },
)  # fmt: skip


@given(json_values | shaped)
def test_any_json_is_an_update_the_bot_reads_or_none_or_refused_as_no_update(
    payload: object,
) -> None:
    body = json.dumps(payload).encode()
    try:
        found = read_body(body)
    except InvalidTelegramUpdateError:
        assert not isinstance(payload, dict)
        return
    assert isinstance(payload, dict)
    if found is not None:
        assert found.update_id == payload["update_id"] and 0 <= found.update_id < 2**63
        assert found.chat_id != 0 and len(found.text) <= 4096
        for text in (found.text, found.username or "", found.language or ""):  # storable
            assert "\x00" not in text
            text.encode("utf-8")  # no lone surrogate


@given(any_text, any_text)
@example("/help\x00 me", "\ud800name")
def test_a_messages_texts_are_kept_as_far_as_they_can_be_stored(text: str, name: str) -> None:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (UTF-8 has none): the storage
    then never refuses an update the bot reads, which Telegram would send again for ever."""
    sender = {"username": name, "language_code": name}
    message = {"chat": {"id": CHAT, "type": "private"}, "text": text, "from": sender}
    found = read_body(json.dumps({"update_id": 1, "message": message}).encode())
    assert found is not None
    for kept in (found.text, found.username or "", found.language or ""):
        assert "\x00" not in kept
        kept.encode("utf-8")  # no lone surrogate
    storable = "\x00" not in text and all(not 0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert storable <= (found.text == text)


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b"{" * 100_000])
def test_a_body_that_is_no_json_object_is_refused(body: bytes) -> None:
    with pytest.raises(InvalidTelegramUpdateError):
        read_body(body)


def test_the_webhook_secret_is_the_configured_one_or_derived_from_the_token() -> None:
    token = "123456789:AAH-inkslot-test-bot-token_0123456789"
    assert webhook_secret(None, "configured-secret-1") is None
    assert webhook_secret(token, "configured-secret-1") == "configured-secret-1"
    derived = webhook_secret(token, None)
    assert derived == derived_secret(token) != derived_secret(token + "x")
    assert derived is not None and len(derived) == 64 and derived.isalnum()
    check_secret(derived, derived)
    for wrong in (None, "", derived[:-1], derived + "0", derived.upper()):
        with pytest.raises(TelegramWebhookRefusedError):
            check_secret(wrong, derived)


def a_notification() -> Notification:
    event = an_event("booking.confirmed")
    found = plan(event, NOW, lambda a: pytest.fail("no reminders here"), telegram={CUSTOMER_USER})
    return next(n for n in found if n.channel is Channel.TELEGRAM)


def test_a_429_waits_as_long_as_telegram_says_and_a_403_skips_as_blocked() -> None:
    n = a_notification()
    later = n.apply(
        Attempted(SendOutcome.later("429", timedelta(seconds=37))), NOW, RetrySchedule()
    )
    assert later.status is NotificationStatus.PENDING and later.attempts == 1
    assert later.next_attempt_at == NOW + timedelta(seconds=37)
    blocked = n.apply(Attempted(SendOutcome.gone("403")), NOW, RetrySchedule())
    assert (blocked.status, blocked.skip_reason) == (NotificationStatus.SKIPPED, SkipReason.BLOCKED)
    once = RetrySchedule((timedelta(seconds=10),))
    tired = later.apply(Attempted(SendOutcome.later("429", timedelta(seconds=5))), NOW, once)
    assert tired.status is NotificationStatus.FAILED  # the schedule bounds 429s too
