"""What the booking messages say is due and what there is to do: a request that needs only
its deposit asks its artist to approve nothing; before the deposit is paid a message says
the deposit is due now (and by when) and what is left at the studio after it; "left to pay
at the studio" is said only once the deposit is paid (or when none is asked)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.notifications import Party
from booking_domain.shared.money import Money
from tests.unit.adapters.test_notification_rendering import START, facts, plain

UNPAID: dict[str, Any] = {"status": "pending", "amount_paid": Money.zero("MNT"), "amount": None,
          "balance": Money(45_000_000, "MNT"), "hold_until": START - timedelta(days=2)}  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "approve"),
    [("en", "Approve or decline it in the app."), ("mn", "зөвшөөрөх")],
)
def test_a_deposit_only_request_asks_its_artist_to_approve_nothing(
    locale: str, approve: str
) -> None:
    deposit_only = facts("booking.requested", Party.ARTIST, locale, **UNPAID)
    text = plain(BabelRenderer().render(deposit_only).text)
    assert approve not in text
    lead = text.split("\n", 1)[0]
    assert ("MNT50,000" if locale == "en" else "₮ 50,000") in lead  # the deposit awaited
    needs_approval = facts(
        "booking.requested", Party.ARTIST, locale, asks_approval=True, awaiting_approval=True,
        **UNPAID,
    )  # fmt: skip
    assert approve in plain(BabelRenderer().render(needs_approval).text)


def test_before_the_deposit_is_paid_a_message_says_what_is_due_now_and_later() -> None:
    text = plain(BabelRenderer().render(facts("booking.requested", Party.CUSTOMER, "en",
                                              **UNPAID)).text)  # fmt: skip
    assert "Deposit to pay now: MNT50,000, by Sunday, November 29, 2026, 14:00" in text
    assert "Then left to pay at the studio: MNT400,000" in text
    assert "\nLeft to pay at the studio" not in text
    paid = facts("booking.confirmed", Party.CUSTOMER, "en")  # the deposit paid: MNT400,000 left
    text = plain(BabelRenderer().render(paid).text)
    assert "Left to pay at the studio: MNT400,000" in text and "to pay now" not in text
    assert "Deposit: MNT50,000" in text and "Paid: MNT50,000" in text


def test_a_deposit_awaiting_the_artists_approval_is_not_due_yet() -> None:
    waiting = facts(
        "booking.requested", Party.CUSTOMER, "mn", awaiting_approval=True, asks_approval=True,
        **UNPAID,
    )  # fmt: skip
    text = plain(BabelRenderer().render(waiting).text)
    assert "Уран бүтээлч зөвшөөрсний дараа төлөх урьдчилгаа: ₮ 50,000" in text
    assert "Студид төлөх үлдэгдэл" not in text
    assert "Дараа нь студид төлөх: ₮ 400,000" in text
