"""The messages after a session (docs/aftercare.md): planned on completion at the artist's
delays, to whom, keyed once per booking, and when they are not sent after all."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookedFor, Booking, BookingStatus, ClientId
from booking_domain.bookings.creation import request_booking
from booking_domain.bookings.lifecycle import complete, mark_no_show
from booking_domain.bookings.published import booking_outbox_event
from booking_domain.catalog import AftercareSettings
from booking_domain.catalog.aftercare import MAX_DELAY_MINUTES
from booking_domain.disputes import open_dispute, resolve_dispute
from booking_domain.notifications import (
    AFTERCARE,
    REVIEW_REQUEST,
    AfterSession,
    BookingFacts,
    Channel,
    Notification,
    SkipReason,
)
from booking_domain.notifications.facts import facts_for, skip_reason
from booking_domain.notifications.planning import plan
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Money, OutboxEvent
from booking_domain.testing import admin, artist, customer, make_policy, make_service, open_all_week
from booking_domain.testing.builders import ARTIST_ID, ARTIST_USER, CUSTOMER_USER
from tests.support.builders import START
from tests.unit.notifications.test_notification_rules import a_recipient, offsets

NOW = START
SESSION = NOW + timedelta(days=3)
DONE = SESSION + timedelta(hours=2)
TEXT = "Wash gently twice a day.\nNo swimming for two weeks."


def confirmed(party: BookedFor | None = None) -> Booking:
    booking, _ = request_booking(
        by=customer() if party is None else artist(), service=make_service(),
        artist_user_id=ARTIST_USER, policy=make_policy(), schedule=open_all_week(),
        busy=BusyTimeline(), start=SESSION, now=NOW, reference="INK-TEST22", party=party,
        deposit=None if party is None else False,
    )  # fmt: skip
    return booking


def completed(party: BookedFor | None = None) -> tuple[Booking, OutboxEvent]:
    booking, entry = complete(confirmed(party), artist(), DONE)
    return booking, booking_outbox_event(booking, entry)


def settings(text: str = TEXT, aftercare: int = 0, review: int = 3 * 24 * 60) -> AftercareSettings:
    return AftercareSettings.chosen(
        ARTIST_ID,
        text=text, aftercare_minutes=aftercare, review_minutes=review, touch_up_days=180,
        now=NOW,
    )  # fmt: skip


def planned(event: OutboxEvent, chosen: AftercareSettings | None = None) -> list[Notification]:
    found = plan(event, DONE, offsets(), lambda _: chosen or settings())
    return [n for n in found if n.kind in (AFTERCARE, REVIEW_REQUEST)]


@given(
    aftercare=st.integers(0, MAX_DELAY_MINUTES),
    review=st.integers(0, MAX_DELAY_MINUTES),
)
def test_completion_plans_aftercare_and_the_review_request_at_the_artists_delays(
    aftercare: int, review: int
) -> None:
    _, event = completed()
    found = planned(event, settings(aftercare=aftercare, review=review))
    told = {(n.kind, n.channel, n.recipient_id, n.send_at) for n in found}
    assert told == {
        (kind, channel, CUSTOMER_USER, DONE + timedelta(minutes=minutes))
        for kind, minutes in ((AFTERCARE, aftercare), (REVIEW_REQUEST, review))
        for channel in (Channel.EMAIL, Channel.IN_APP)
    }
    assert all(n.next_attempt_at == n.send_at and n.reminder_for is None for n in found)
    again = planned(event, settings(aftercare=aftercare, review=review))
    assert [n.key for n in again] == [n.key for n in found]


def test_without_an_aftercare_text_only_the_review_request_is_planned() -> None:
    _, event = completed()
    found = planned(event, AftercareSettings(ARTIST_ID))
    assert {n.kind for n in found} == {REVIEW_REQUEST}
    assert {n.send_at for n in found} == {DONE + timedelta(days=3)}  # the default delay


def test_a_client_record_gets_the_aftercare_by_email_and_no_review_request() -> None:
    client = ClientId(uuid4())
    _, event = completed(BookedFor(client_id=client))
    found = planned(event)
    assert {(n.kind, n.channel, n.client_id) for n in found} == {(AFTERCARE, Channel.EMAIL, client)}


def test_a_dispute_resolved_as_completed_plans_them_once_per_booking() -> None:
    """Completed, disputed, resolved as completed: the same keys, nothing new. A no-show
    resolved as completed is planned by its resolution."""
    booking, event = completed()
    dispute, disputed, _ = open_dispute(booking, customer(), DONE, reason="Smudged lines")
    _, resolved, entry = resolve_dispute(
        dispute, disputed, admin(), DONE + timedelta(days=1), outcome=BookingStatus.COMPLETED,
        refund=Money.zero("USD"), note="Healed fine",
    )  # fmt: skip
    resolution = booking_outbox_event(resolved, entry)
    assert resolution.type == "booking.dispute_resolved"
    assert {n.key for n in planned(resolution)} == {n.key for n in planned(event)}
    missed, missed_entry = mark_no_show(confirmed(), artist(), DONE)
    assert planned(booking_outbox_event(missed, missed_entry)) == []
    dispute, disputed, _ = open_dispute(missed, customer(), DONE, reason="I was there")
    _, resolved, entry = resolve_dispute(
        dispute, disputed, admin(), DONE + timedelta(days=1), outcome=BookingStatus.COMPLETED,
        refund=Money.zero("USD"), note="Checked",
    )  # fmt: skip
    found = planned(booking_outbox_event(resolved, entry))
    assert {n.send_at for n in found} == {DONE + timedelta(days=1), DONE + timedelta(days=4)}
    _, cancelled, entry = resolve_dispute(
        dispute, disputed, admin(), DONE + timedelta(days=1), outcome=BookingStatus.CANCELLED,
        refund=Money.zero("USD"), note="Refunded",
    )  # fmt: skip
    assert planned(booking_outbox_event(cancelled, entry)) == []


def facts(status: str, text: str = TEXT, reviewed: bool = False) -> BookingFacts:
    base = BookingFacts(
        confirmed().id, "INK-TEST22", status, SESSION, SESSION + timedelta(hours=1), "Bold Ink",
        "Ada", "session", Money(10_000, "USD"), "Asia/Ulaanbaatar", None, None, None,
        timedelta(hours=48),
    )  # fmt: skip
    return dataclasses.replace(base, after_session=AfterSession(text, reviewed))


def test_at_send_time_the_review_request_waits_for_a_completed_unreviewed_booking() -> None:
    _, event = completed()
    request = next(n for n in planned(event) if n.kind == REVIEW_REQUEST)
    at, to = request.send_at, a_recipient()
    assert skip_reason(request, to, facts("completed"), at) is None
    assert skip_reason(request, to, facts("disputed"), at) is SkipReason.STALE
    assert skip_reason(request, to, facts("completed", reviewed=True), at) is SkipReason.REVIEWED
    assert skip_reason(request, to, None, at) is SkipReason.STALE
    shown = facts_for(request, to, facts("completed"), "https://app.example", at)
    assert shown.review_link == f"https://app.example/bookings/{request.booking_id}/review"


def test_at_send_time_the_aftercare_reads_the_artists_text_as_it_is_then() -> None:
    _, event = completed()
    aftercare = next(n for n in planned(event) if n.kind == AFTERCARE)
    at, to = aftercare.send_at, a_recipient()
    assert skip_reason(aftercare, to, facts("disputed"), at) is None  # the session took place
    assert skip_reason(aftercare, to, facts("completed", text=""), at) is SkipReason.NO_TEXT
    changed = facts("completed", text="New words.")
    assert facts_for(aftercare, to, changed, "https://app", at).aftercare_text == "New words."
