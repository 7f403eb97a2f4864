"""The notification rules: who hears which event on which channel, reminders, the life of
a notification, channel choices, and when a message is not sent."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import BookedFor, ClientId, HistoryKind, apply
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.creation import request_booking
from booking_domain.bookings.lifecycle import cancel, reschedule
from booking_domain.bookings.published import booking_outbox_event
from booking_domain.catalog import FixedDeposit
from booking_domain.notifications import (
    DEFAULT_OFFSETS,
    REMINDER,
    RULES,
    STATE_FIELDS,
    BookingFacts,
    Category,
    Channel,
    DeliveryReport,
    DeliveryStatus,
    InvalidReminderOffsetsError,
    Notification,
    NotificationPreferences,
    NotificationStatus,
    Party,
    Recipient,
    ReminderOffsets,
    RetrySchedule,
    SendOutcome,
    SkipReason,
)
from booking_domain.notifications.facts import facts_for, skip_reason
from booking_domain.notifications.notifications import Attempted, Retried, Sent, Skipped
from booking_domain.notifications.planning import plan
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import OutboxEvent
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.money import Money
from booking_domain.testing import artist, customer, make_policy, make_service, open_all_week
from booking_domain.testing.builders import ARTIST_USER, CUSTOMER_USER
from tests.support.builders import START

NOW = START
# The channels the table names (Telegram is derived: tests/unit/telegram).
ALL_CHANNELS = (Channel.EMAIL, Channel.SMS, Channel.IN_APP)
SCHEDULE = RetrySchedule()
OffsetsOf = Callable[[ArtistId], ReminderOffsets]


def requested(start: datetime) -> tuple[Booking, OutboxEvent]:
    """A booking at ``start`` (no deposit, no approval: confirmed at once) and its event."""
    booking, event = request_booking(
        by=customer(), service=make_service(), artist_user_id=ARTIST_USER,
        policy=make_policy(), schedule=open_all_week(), busy=BusyTimeline(), start=start,
        now=NOW, reference="INK-TEST22",
    )  # fmt: skip
    return booking, booking_outbox_event(booking, event)


def offsets(*chosen: timedelta) -> OffsetsOf:
    return lambda artist_id: ReminderOffsets(artist_id, chosen or DEFAULT_OFFSETS)


def by_kind(planned: list[Notification], kind: str) -> list[Notification]:
    return [n for n in planned if n.kind == kind]


def test_a_confirmed_booking_tells_both_parties_on_their_channels_and_plans_reminders() -> None:
    _, event = requested(NOW + timedelta(days=3))
    assert event.type == "booking.confirmed"
    planned = plan(event, NOW, offsets())
    told = {(n.party, n.channel) for n in by_kind(planned, "booking.confirmed")}
    assert told == {
        (Party.CUSTOMER, Channel.EMAIL), (Party.CUSTOMER, Channel.SMS),
        (Party.CUSTOMER, Channel.IN_APP), (Party.ARTIST, Channel.EMAIL),
        (Party.ARTIST, Channel.IN_APP),
    }  # fmt: skip
    recipients = {n.party: n.recipient_id for n in planned}
    assert recipients == {Party.CUSTOMER: CUSTOMER_USER, Party.ARTIST: ARTIST_USER}
    reminders = by_kind(planned, REMINDER)
    moments = sorted({n.send_at for n in reminders})
    start = NOW + timedelta(days=3)
    assert moments == [start - timedelta(hours=24), start - timedelta(hours=2)]
    assert all(n.reminder_for == start and n.next_attempt_at == n.send_at for n in reminders)
    assert len(reminders) == 2 * 4  # customer: email, sms, in-app; artist: in-app


def booked_by_artist(party: BookedFor, *, deposit: bool) -> OutboxEvent:
    """The artist books ``party`` in (with the service's deposit or not) and its event."""
    service = make_service(deposit=FixedDeposit(Money(2_000, "USD")))
    booking, entry = request_booking(
        by=artist(), service=service, artist_user_id=ARTIST_USER, policy=make_policy(),
        schedule=open_all_week(), busy=BusyTimeline(), start=NOW + timedelta(days=3),
        now=NOW, reference="INK-TEST22", party=party, deposit=deposit,
    )  # fmt: skip
    return booking_outbox_event(booking, entry)


def test_a_customer_the_artist_booked_for_a_deposit_is_told_to_pay_it() -> None:
    event = booked_by_artist(BookedFor(customer_id=CUSTOMER_USER), deposit=True)
    assert event.type == "booking.booked"
    planned = plan(event, NOW, offsets())
    assert {(n.recipient_id, n.channel, n.category) for n in planned} == {
        (CUSTOMER_USER, channel, Category.PAYMENT) for channel in ALL_CHANNELS
    }


def test_a_client_record_plays_the_customers_part_by_text_and_email_only() -> None:
    """Its audience is the artist alone, so the customer's lines reach the client record
    (by the booking's clientId) on email and text, never an inbox; no customer message
    reaches the artist."""
    client = ClientId(uuid4())
    # (never for a deposit: a client record has no account to pay one in)
    event = booked_by_artist(BookedFor(client_id=client), deposit=False)
    assert event.audience == (ARTIST_USER,)
    planned = plan(event, NOW, offsets())
    told = {(n.party, n.recipient_id, n.client_id, n.channel) for n in planned}
    to_client = {t for t in told if t[2] is not None}
    assert to_client == {(Party.CUSTOMER, None, client, c) for c in (Channel.EMAIL, Channel.SMS)}
    assert all(t[1] == ARTIST_USER for t in told - to_client)
    assert all(n.party is Party.ARTIST for n in planned if n.recipient_id is not None)
    assert len({n.key for n in planned}) == len(planned)


def test_a_client_record_is_reminded_by_text_and_email() -> None:
    event = booked_by_artist(BookedFor(client_id=ClientId(uuid4())), deposit=False)
    reminders = by_kind(plan(event, NOW, offsets()), REMINDER)
    to_client = {(n.send_at, n.channel) for n in reminders if n.client_id is not None}
    assert len(to_client) == 2 * 2  # 24 h and 2 h before, each by email and text


def test_a_notification_is_for_an_account_or_a_client_record_exactly() -> None:
    n = plan(requested(NOW + timedelta(days=3))[1], NOW, offsets())[0]
    with pytest.raises(ValueError, match="exactly one"):
        dataclasses.replace(n, client_id=ClientId(uuid4()))
    with pytest.raises(ValueError, match="exactly one"):
        dataclasses.replace(n, recipient_id=None)


def test_planning_twice_makes_the_same_keys_and_every_key_is_unique() -> None:
    _, event = requested(NOW + timedelta(days=3))
    first, again = plan(event, NOW, offsets()), plan(event, NOW + timedelta(seconds=5), offsets())
    assert [n.key for n in first] == [n.key for n in again]
    assert len({n.key for n in first}) == len(first)


@given(
    ahead=st.integers(min_value=1, max_value=2 * 24 * 20).map(lambda half_hours: half_hours * 30),
    chosen=st.lists(st.integers(min_value=15, max_value=60 * 24 * 14), max_size=4, unique=True),
)
def test_reminders_are_planned_for_exactly_the_offsets_still_ahead(
    ahead: int, chosen: list[int]
) -> None:
    start = NOW + timedelta(minutes=ahead)
    _, event = requested(start)
    picked = ReminderOffsets.chosen(ArtistId(event.audience[1]), chosen, NOW)
    planned = by_kind(plan(event, NOW, lambda _a: picked), REMINDER)
    expected = {start - timedelta(minutes=m) for m in chosen if start - timedelta(minutes=m) > NOW}
    assert {n.send_at for n in planned} == expected
    assert all(n.send_at > NOW for n in planned)


def test_a_moved_booking_gets_reminders_with_new_keys_and_moved_back_the_old_keys() -> None:
    start = NOW + timedelta(days=3)
    booking, confirmed = requested(start)
    later = NOW + timedelta(hours=1)
    moved, to_friday = reschedule(
        booking, customer(), later, new_start=start + timedelta(days=1), service=make_service(),
        policy=make_policy(), schedule=open_all_week(), busy=BusyTimeline(),
    )  # fmt: skip
    back, to_thursday = reschedule(
        moved, customer(), later, new_start=start, service=make_service(),
        policy=make_policy(), schedule=open_all_week(), busy=BusyTimeline(),
    )  # fmt: skip

    def keys(event: OutboxEvent) -> set[str]:
        return {n.key for n in by_kind(plan(event, later, offsets()), REMINDER)}

    first = keys(confirmed)
    assert len(first) == 8
    assert keys(booking_outbox_event(moved, to_friday)).isdisjoint(first)
    assert keys(booking_outbox_event(back, to_thursday)) == first  # the old ones hold again


def test_a_reminder_is_stamped_with_its_moment_and_judged_at_the_change() -> None:
    start = NOW + timedelta(hours=3)
    _, event = requested(start)
    late_planner = NOW + timedelta(hours=1, minutes=30)  # past the 2-hour moment
    reminders = by_kind(plan(event, late_planner, offsets()), REMINDER)
    assert {n.send_at for n in reminders} == {start - timedelta(hours=2)}
    assert all(n.id.int >> 80 == int(n.send_at.timestamp() * 1000) for n in reminders)


def test_events_without_a_rule_plan_nothing_and_every_rule_names_a_known_party() -> None:
    _, event = requested(NOW + timedelta(days=3))
    stray = OutboxEvent(
        event.id, "notification.created", NOW, "notification/x", 1, {}, (CUSTOMER_USER,)
    )
    assert plan(stray, NOW, offsets()) == []
    for rule in RULES.values():
        parties = {tell.party for tell in rule.tells}
        if rule.event_type.startswith("artist."):
            assert parties == {Party.OWNER}
        else:
            assert Party.OWNER not in parties


def test_a_cancellation_tells_the_customer_as_a_payment_message_with_the_refund() -> None:
    booking, _ = requested(NOW + timedelta(days=3))
    cancelled, event = cancel(booking, customer(), NOW, make_policy())
    planned = plan(booking_outbox_event(cancelled, event), NOW, offsets())
    to_customer = [n for n in planned if n.party is Party.CUSTOMER]
    assert {n.category for n in to_customer} == {Category.PAYMENT}
    assert {n.channel for n in to_customer} == {Channel.EMAIL, Channel.SMS, Channel.IN_APP}
    assert by_kind(planned, REMINDER) == []


def a_notification(**changes: object) -> Notification:
    _, event = requested(NOW + timedelta(days=3))
    base = plan(event, NOW, offsets())[0]
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_failed_attempt_waits_by_the_schedule_then_fails_for_good() -> None:
    n = a_notification()
    moment = NOW
    for delay in SCHEDULE.delays:
        n = n.apply(Attempted(SendOutcome.failed("451 try later")), moment, SCHEDULE)
        assert n.status is NotificationStatus.PENDING and n.next_attempt_at == moment + delay
        moment += delay
    n = n.apply(Attempted(SendOutcome.failed("451 try later")), moment, SCHEDULE)
    assert n.status is NotificationStatus.FAILED and n.attempts == len(SCHEDULE.delays) + 1
    again = n.apply(Retried(), moment, SCHEDULE)
    assert again.status is NotificationStatus.PENDING and again.attempts == 0


def test_a_permanent_refusal_fails_at_once_and_errors_are_kept_short() -> None:
    refused = SendOutcome.failed("550 " + "x" * 1000, permanent=True)
    n = a_notification().apply(Attempted(refused), NOW, SCHEDULE)
    assert n.status is NotificationStatus.FAILED and n.last_error is not None
    assert len(n.last_error) <= 300


changes = st.sampled_from(
    [
        Sent("ref"),
        Skipped(SkipReason.OPTED_OUT),
        Attempted(SendOutcome.ok("ref")),
        Attempted(SendOutcome.failed("boom")),
        Attempted(SendOutcome.failed("no", permanent=True)),
    ]
)


@given(st.lists(changes, min_size=1, max_size=12))
def test_once_sent_or_skipped_nothing_changes_a_notification(steps: list[object]) -> None:
    n = a_notification()
    for step in steps:
        before = n
        n = n.apply(step, NOW, SCHEDULE)  # type: ignore[arg-type]
        if before.status is not NotificationStatus.PENDING:
            assert n == before
    assert n.attempts <= len(steps)


reports = st.builds(
    DeliveryReport,
    reference=st.sampled_from(["ref", "other"]),
    status=st.sampled_from(list(DeliveryStatus)),
    error_code=st.none() | st.just("30003"),
)


@given(
    st.lists(changes | st.just(Retried()) | reports, min_size=1, max_size=12),
    st.sampled_from(list(Channel)),
)
def test_what_changes_after_planning_is_the_state_alone(
    steps: list[object], channel: Channel
) -> None:
    """Whatever happens to a notification, only its ``STATE_FIELDS`` change: a send round
    may lock and read those alone (``NotificationRepository.lock_current``)."""
    planned = a_notification(channel=channel)
    n = planned
    for number, step in enumerate(steps):
        moment = NOW + timedelta(minutes=number)
        if isinstance(step, DeliveryReport):
            n = n.reported(step, moment)
        else:
            n = n.apply(step, moment, SCHEDULE)  # type: ignore[arg-type]
    changed = {
        f.name for f in dataclasses.fields(n) if getattr(n, f.name) != getattr(planned, f.name)
    }
    assert changed <= set(STATE_FIELDS)


@given(st.booleans(), st.booleans(), st.booleans(), st.booleans(), st.sampled_from(list(Category)))
def test_payment_and_account_messages_go_whatever_the_choices(
    email: bool, sms: bool, in_app: bool, telegram: bool, category: Category
) -> None:
    choices = NotificationPreferences(CUSTOMER_USER, email, sms, in_app, telegram=telegram)
    wanted = {c for c in Channel if choices.wants(c, category)}
    if category in (Category.PAYMENT, Category.ACCOUNT):
        assert wanted == set(Channel)
    else:
        on = {Channel.EMAIL: email, Channel.SMS: sms, Channel.IN_APP: in_app,
              Channel.TELEGRAM: telegram}  # fmt: skip
        assert wanted == {c for c, chosen in on.items() if chosen}


def a_recipient(**changes: object) -> Recipient:
    base = Recipient(
        CUSTOMER_USER, "Ada", "ada@example.com", "+97688112233", "en", True,
        NotificationPreferences(CUSTOMER_USER), phone_verified=True,
    )  # fmt: skip
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def facts(
    start: datetime, status: str = "confirmed", booking_id: BookingId | None = None
) -> BookingFacts:
    booking, _ = requested(start)
    return BookingFacts(
        booking_id or booking.id, booking.reference, status, start, start + timedelta(hours=1),
        "Bold Ink", "Ada", "session", Money(10_000, "USD"), "Asia/Ulaanbaatar", "Studio 9",
        "Peace Ave 12", (47.918, 106.917), timedelta(hours=48),
    )  # fmt: skip


def test_a_reminder_is_stale_once_the_booking_is_cancelled_or_moved() -> None:
    start = NOW + timedelta(days=3)
    _, event = requested(start)
    reminder = next(
        n for n in plan(event, NOW, offsets()) if n.kind == REMINDER and n.channel is Channel.EMAIL
    )
    due = reminder.send_at
    assert skip_reason(reminder, a_recipient(), facts(start), due) is None
    cancelled = facts(start, "cancelled")
    assert skip_reason(reminder, a_recipient(), cancelled, due) is SkipReason.STALE
    moved = facts(start + timedelta(hours=1))
    assert skip_reason(reminder, a_recipient(), moved, due) is SkipReason.STALE
    assert skip_reason(reminder, a_recipient(), None, due) is SkipReason.STALE


@given(late=st.integers(min_value=0, max_value=60 * 24 * 3))
def test_a_reminder_goes_only_until_half_its_lead_has_passed(late: int) -> None:
    start = NOW + timedelta(days=3)
    _, event = requested(start)
    for reminder in by_kind(plan(event, NOW, offsets()), REMINDER):
        at = reminder.send_at + timedelta(minutes=late)
        lead = start - reminder.send_at
        useful = at < start - lead / 2
        reason = skip_reason(reminder, a_recipient(), facts(start), at)
        assert (reason is None) == useful or reason in (SkipReason.NO_ADDRESS,)
        assert at < start or reason is SkipReason.STALE  # never after the appointment


def test_opted_out_channels_and_missing_phones_and_closed_accounts_are_skipped() -> None:
    start = NOW + timedelta(days=3)
    _, event = requested(start)
    planned = {n.channel: n for n in plan(event, NOW, offsets()) if n.party is Party.CUSTOMER}
    quiet = a_recipient(preferences=NotificationPreferences(CUSTOMER_USER, sms=False))
    sms, email, at = planned[Channel.SMS], planned[Channel.EMAIL], NOW
    assert skip_reason(sms, quiet, facts(start), at) is SkipReason.OPTED_OUT
    assert skip_reason(email, quiet, facts(start), at) is None
    no_phone = a_recipient(phone=None)
    assert skip_reason(sms, no_phone, facts(start), at) is SkipReason.NO_ADDRESS
    closed = a_recipient(active=False)
    assert skip_reason(email, closed, facts(start), at) is SkipReason.NO_RECIPIENT


def test_a_client_record_keeps_no_choices_and_without_an_email_gets_texts_only() -> None:
    start = NOW + timedelta(days=3)
    event = booked_by_artist(BookedFor(client_id=ClientId(uuid4())), deposit=False)
    planned = {n.channel: n for n in plan(event, NOW, offsets()) if n.client_id is not None}
    client = a_recipient(user_id=None, preferences=None, email=None)
    email, sms = planned[Channel.EMAIL], planned[Channel.SMS]
    assert skip_reason(sms, client, facts(start), NOW) is None
    assert skip_reason(email, client, facts(start), NOW) is SkipReason.NO_ADDRESS
    with_email = a_recipient(user_id=None, preferences=None)
    assert skip_reason(email, with_email, facts(start), NOW) is None
    told = facts_for(email, with_email, facts(start), "https://app.example/", NOW)
    assert told.to_client and told.party is Party.CUSTOMER


def test_message_facts_carry_the_booking_with_links_map_and_balance() -> None:
    start = NOW + timedelta(days=3)
    _, event = requested(start)
    email = next(n for n in plan(event, NOW, offsets()) if n.channel is Channel.EMAIL)
    assert email.booking_id is not None
    booked = facts(start, booking_id=email.booking_id)
    shown = facts_for(email, a_recipient(locale="mn"), booked, "https://app.example/", NOW)
    assert shown.locale == "mn" and shown.booking is not None
    b = shown.booking
    assert b.start == start and b.time_zone == "Asia/Ulaanbaatar" and b.artist_name == "Bold Ink"
    assert b.links.cancel == f"https://app.example/bookings/{email.booking_id}/cancel"
    assert b.map_url is not None and "47.918000,106.917000" in b.map_url
    assert b.balance == Money(10_000, "USD") and b.free_cancellation_hours == 48


@pytest.mark.parametrize(
    ("minutes", "problem"),
    [([10], "15 minutes"), ([60, 60], "once"), ([60, 120, 180, 240, 300], "at most 4"),
     ([60 * 24 * 15], "14 days")],
)  # fmt: skip
def test_reminder_offsets_are_checked(minutes: list[int], problem: str) -> None:
    with pytest.raises(InvalidReminderOffsetsError, match=problem):
        ReminderOffsets.chosen(ArtistId(ARTIST_USER), minutes, NOW)
    chosen = ReminderOffsets.chosen(ArtistId(ARTIST_USER), [120, 1440], NOW)
    assert chosen.minutes == (1440, 120)
    assert ReminderOffsets.chosen(ArtistId(ARTIST_USER), [], NOW).due_times(NOW, NOW) == ()


@pytest.mark.parametrize("author", ["customer", "artist"])
def test_an_idea_is_told_to_the_other_party_only(author: str) -> None:
    """Nobody is told of their own act: an idea the artist adds reaches the customer alone,
    and one the customer adds the artist alone."""
    booking, _ = requested(NOW + timedelta(days=3))
    by = customer() if author == "customer" else artist()
    changed, entry = apply(booking, kind=HistoryKind.IDEA_ADDED, now=NOW, actor=by)
    event = booking_outbox_event(changed, entry)
    assert event.type == "booking.idea_added"
    told = {n.recipient_id for n in plan(event, NOW, offsets())}
    assert told == ({ARTIST_USER} if author == "customer" else {CUSTOMER_USER})
