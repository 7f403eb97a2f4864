"""Planning: the notifications an event causes, by the table in ``rules``.

Pure: given the event, the moment, and the artist's reminder offsets, it returns what is to
be sent. Keys are stable, so planning one event twice plans the same notifications (storage
keeps the first of each key).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from uuid import UUID

from booking_domain.bookings import artist_of_booking_event
from booking_domain.notifications.notifications import (
    Notification,
    NotificationId,
    NotificationStatus,
)
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.rules import (
    REMINDER,
    REMINDER_TELLS,
    REMINDER_TRIGGERS,
    RULES,
    Channel,
    Party,
    Tell,
)
from booking_domain.shared.ids import ArtistId, BookingId, UserId, new_uuid7
from booking_domain.shared.outbox import JsonValue, OutboxEvent

OffsetsOf = Callable[[ArtistId], ReminderOffsets]


def plan(event: OutboxEvent, now: datetime, offsets_of: OffsetsOf) -> list[Notification]:
    """Every notification ``event`` causes now, reminders included."""
    rule = RULES.get(event.type)
    planned: list[Notification] = []
    if rule is not None:
        for tell in rule.tells:
            recipient = recipient_of(event, tell.party)
            if recipient is None:
                continue
            for channel in tell.channels:
                key = f"{event.id}:{recipient}:{channel.value}"
                planned.append(_made(event, tell, channel, recipient, key, now, now, None))
    if event.type in REMINDER_TRIGGERS:
        planned.extend(_reminders(event, now, offsets_of))
    return planned


def artist_of(event: OutboxEvent) -> ArtistId | None:
    """The artist of a booking event that plans reminders (None for any other event)."""
    return artist_of_booking_event(event) if event.type in REMINDER_TRIGGERS else None


def recipient_of(event: OutboxEvent, party: Party) -> UserId | None:
    """A booking's (payment's, refund's) audience is (customer, artist); an artist
    profile's is (owner,). A booking the artist made for a client record has no customer
    account: its audience is (artist,) alone."""
    if party is Party.OWNER and event.subject_kind != "artist":
        return None
    if _for_client_record(event):
        return event.audience[0] if party is Party.ARTIST and event.audience else None
    index = {Party.CUSTOMER: 0, Party.OWNER: 0, Party.ARTIST: 1}[party]
    return event.audience[index] if index < len(event.audience) else None


def _for_client_record(event: OutboxEvent) -> bool:
    booking = _booking_data(event)
    return booking is not None and booking.get("clientId") is not None


def booking_id_of(event: OutboxEvent) -> BookingId | None:
    parts = (("booking", "id"), ("payment", "bookingId"), ("refund", "bookingId"))
    for name, field in (*parts, ("review", "bookingId")):
        part = event.data.get(name)
        if isinstance(part, Mapping) and isinstance(part.get(field), str):
            return BookingId(UUID(str(part[field])))
    return None


def _booking_data(event: OutboxEvent) -> Mapping[str, JsonValue] | None:
    booking = event.data.get("booking")
    return booking if isinstance(booking, Mapping) else None


def _reminders(event: OutboxEvent, now: datetime, offsets_of: OffsetsOf) -> list[Notification]:
    booking, artist = _booking_data(event), artist_of(event)
    if booking is None or artist is None or booking.get("status") != "confirmed":
        return []
    start_text = booking.get("start")
    if not isinstance(start_text, str):
        return []
    start = datetime.fromisoformat(start_text)
    planned = []
    # Judged at the change, not at planning: a planner running late still plans a reminder
    # whose moment passed meanwhile (it is then sent at once, while still useful).
    for offset, moment in offsets_of(artist).due_times(start, event.occurred_at):
        for tell in REMINDER_TELLS:
            recipient = recipient_of(event, tell.party)
            if recipient is None:
                continue
            for channel in tell.channels:
                key = _reminder_key(event, start, offset, recipient, channel.value)
                planned.append(_made(event, tell, channel, recipient, key, now, moment, start))
    return planned


def _reminder_key(
    event: OutboxEvent, start: datetime, offset: timedelta, recipient: UserId, channel: str
) -> str:
    minutes = int(offset.total_seconds()) // 60
    return f"reminder:{booking_id_of(event)}:{start.isoformat()}:{minutes}:{recipient}:{channel}"


def _made(
    event: OutboxEvent,
    tell: Tell,
    channel: Channel,
    recipient: UserId,
    key: str,
    now: datetime,
    send_at: datetime,
    reminder_for: datetime | None,
) -> Notification:
    stamp = send_at if reminder_for is not None else event.occurred_at
    return Notification(
        # Stamped with the moment it is about (the change, or the reminder's moment): the
        # inbox lists newest first by id, in the order things happened to its reader.
        id=NotificationId(new_uuid7(int(stamp.timestamp() * 1000))),
        key=key,
        kind=REMINDER if reminder_for is not None else event.type,
        category=tell.category,
        channel=channel,
        recipient_id=recipient,
        party=tell.party,
        event_id=event.id,
        booking_id=booking_id_of(event),
        data=event.data,
        send_at=send_at,
        status=NotificationStatus.PENDING,
        attempts=0,
        created_at=now,
        updated_at=now,
        next_attempt_at=send_at,
        reminder_for=reminder_for,
    )
