"""What a waiting customer is told of an offer: by text, email and in the app, with the
time and the hold's end in the artist's zone and the booking's page to answer on (nothing
to move, cancel or pay yet), in English and Mongolian; the artist hears of an acceptance
in the app. A customer's decline tells nobody."""

from __future__ import annotations

from datetime import timedelta

from adapters.notifications.rendering import BabelRenderer
from booking_domain.notifications import Channel, Party
from booking_domain.notifications.rules import RULES, Category
from tests.unit.adapters.test_notification_rendering import START, facts


def test_an_offer_is_told_on_every_channel_and_its_acceptance_to_the_artist_in_the_app() -> None:
    offered = RULES["booking.offered"].tells
    assert [(t.party, set(t.channels), t.category) for t in offered] == [
        (Party.CUSTOMER, {Channel.EMAIL, Channel.SMS, Channel.IN_APP}, Category.BOOKING)
    ]
    accepted = {t.party: set(t.channels) for t in RULES["booking.offer_accepted"].tells}
    assert accepted[Party.ARTIST] == {Channel.IN_APP}
    assert "booking.offer_declined" not in RULES


def test_the_offer_names_the_hold_s_end_in_the_artist_s_zone_in_both_languages() -> None:
    until = START + timedelta(minutes=30)
    english = BabelRenderer().render(
        facts("booking.offered", Party.CUSTOMER, "en", status="pending", hold_until=until)
    )
    assert "held for you until" in english.text and "Ulaanbaatar" in english.text
    assert "/reschedule" not in english.text and "/cancel" not in english.text
    assert "A time opened up with Bold Ink" in english.title
    mongolian = BabelRenderer().render(
        facts("booking.offered", Party.CUSTOMER, "mn", status="pending", hold_until=until)
    )
    assert "хүртэл танд барьж байна" in mongolian.text
    assert mongolian.sms.startswith("Bold Ink-д цаг чөлөөлөгдлөө")
