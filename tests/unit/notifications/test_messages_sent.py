"""What a booking's people see of the messages sent about it (``notifications.sent``): the
address masked, nothing of the message, the outcome with its reason; who sees which."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.notifications import (
    Channel,
    DeliveryStatus,
    NotificationId,
    NotificationStatus,
    Party,
    Recipient,
    SkipReason,
    masked_email,
    masked_phone,
    messages_for,
    sent_message,
)
from booking_domain.shared import Actor, Role, UserId, new_uuid7
from booking_domain.testing.builders import admin, artist, booking_at, customer
from tests.unit.notifications.test_notification_rules import NOW, a_notification


def test_an_email_shows_its_first_letter_and_its_domain() -> None:
    assert masked_email("dulmaa@example.com") == "d***@example.com"
    assert masked_email("a@b.mn") == "a***@b.mn"
    for broken in ("", "no-at-sign", "@example.com", "someone@"):
        assert masked_email(broken) == "***"


def test_a_phone_shows_its_country_code_and_last_two_digits() -> None:
    assert masked_phone("+97688001212") == "+976 ** ** 12"
    assert masked_phone("+12025550123") == "+1 ** ** 23"
    assert masked_phone("+447911123456") == "+44 ** ** 56"
    assert masked_phone("+9761234") == "+976 ***"  # too short to hide anything
    for broken in ("", "+", "97688001212", "+976 8800 1212", "+९७६८८००१२१२"):
        assert masked_phone(broken) == "***"


@given(st.text(max_size=30), st.text(max_size=30))
def test_a_masked_email_shows_only_the_mailboxs_first_letter_and_the_domain(
    mailbox: str, domain: str
) -> None:
    address = f"{mailbox}@{domain}"
    local, _, after = address.rpartition("@")  # the domain is after the last "@"
    expected = f"{local[0]}***@{after}" if local and after else "***"
    assert masked_email(address) == expected


@given(st.from_regex(r"\+[1-9][0-9]{6,14}", fullmatch=True))
def test_a_masked_phone_shows_its_country_code_and_two_digits_at_most(number: str) -> None:
    masked = masked_phone(number)
    code, _, rest = masked[1:].partition(" ")
    assert masked.startswith("+") and number[1:].startswith(code) and 1 <= len(code) <= 3
    assert rest in ("***", f"** ** {number[-2:]}")
    assert sum(c.isdigit() for c in masked) <= len(code) + 2


def _recipient(**changes: object) -> Recipient:
    base = Recipient(
        user_id=UserId(new_uuid7()), name="Dulmaa", email="dulmaa@example.com",
        phone="+97688001212", locale="mn", active=True, preferences=None,
    )  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_message_is_shown_by_its_kind_channel_party_outcome_and_masked_address() -> None:
    n = a_notification()
    later = NOW + timedelta(minutes=3)
    skipped = replace(
        n, channel=Channel.SMS, status=NotificationStatus.SKIPPED,
        skip_reason=SkipReason.UNSERVED_NUMBER, updated_at=later, last_error="token=secret",
    )  # fmt: skip
    shown = sent_message(skipped, _recipient())
    assert (shown.kind, shown.channel, shown.party) == (n.kind, Channel.SMS, n.party)
    assert (shown.status, shown.reason, shown.at) == (
        NotificationStatus.SKIPPED,
        "unserved_number",
        later,
    )
    assert shown.address == "+976 ** ** 12"
    assert "secret" not in repr(shown) and "data" not in shown.__slots__
    undelivered = replace(
        n, channel=Channel.SMS, status=NotificationStatus.SENT, updated_at=later,
        delivery_status=DeliveryStatus.UNDELIVERED, delivery_error="30003",
    )  # fmt: skip
    told = sent_message(undelivered, _recipient())
    assert (told.reason, told.delivery) == ("30003", DeliveryStatus.UNDELIVERED)
    email = sent_message(replace(n, channel=Channel.EMAIL), _recipient())
    assert email.address == "d***@example.com" and email.at == n.send_at  # pending: when due
    for channel in (Channel.IN_APP, Channel.TELEGRAM):
        assert sent_message(replace(n, channel=channel), _recipient()).address is None
    assert sent_message(replace(n, channel=Channel.EMAIL), None).address is None
    assert sent_message(replace(n, channel=Channel.EMAIL), _recipient(email=None)).address is None


def test_the_artist_and_admins_see_every_message_the_customer_their_own() -> None:
    booking = booking_at(NOW + timedelta(days=3), now=NOW)
    to_customer = replace(a_notification(), recipient_id=booking.customer_id)
    to_artist = replace(
        a_notification(),
        id=NotificationId(new_uuid7()),
        recipient_id=booking.artist_user_id,
        party=Party.ARTIST,
    )
    both = [to_customer, to_artist]
    assert messages_for(artist(), booking, both) == tuple(both)
    assert messages_for(admin(), booking, both) == tuple(both)
    assert messages_for(customer(), booking, both) == (to_customer,)
    # The artist's account in a customer's role is not the booking's artist.
    as_customer = Actor(booking.artist_user_id, Role.CUSTOMER)
    assert messages_for(as_customer, booking, both) == (to_artist,)
