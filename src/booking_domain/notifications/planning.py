"""Planning: the notifications an event causes, by the table in ``rules``.

Pure: given the event, the moment, the artist's reminder offsets and aftercare settings, and
the accounts that have a chat with the Telegram bot, it returns what is to be sent. Keys are
stable, so planning one event twice plans the same notifications (storage keeps the first of
each key).

Telegram is derived, not written in the table (``channels_of``): every line that tells an
account in the app tells it on Telegram too, when the account has a chat with the bot that
can be reached. Never a client record (it has no account, so no chat).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import datetime, timedelta
from uuid import UUID

from booking_domain.bookings import ClientId, artist_of_booking_event
from booking_domain.catalog import AftercareSettings
from booking_domain.notifications.notifications import (
    Notification,
    NotificationId,
    NotificationStatus,
)
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.rules import (
    AFTER_SESSION_TRIGGERS,
    AFTERCARE,
    AFTERCARE_TELLS,
    CLIENT_CHANNELS,
    CONSENT_REQUEST,
    CONSENT_REQUEST_TELLS,
    CONSENT_REQUEST_TRIGGERS,
    REMINDER,
    REMINDER_TELLS,
    REMINDER_TRIGGERS,
    REVIEW_REQUEST,
    REVIEW_REQUEST_TELLS,
    RULES,
    Channel,
    Party,
    Tell,
)
from booking_domain.shared.ids import ArtistId, BookingId, UserId, new_uuid7
from booking_domain.shared.outbox import JsonValue, OutboxEvent

OffsetsOf = Callable[[ArtistId], ReminderOffsets]
AftercareOf = Callable[[ArtistId], AftercareSettings]
# Whom one line of the table reaches: a user's account, or an artist's client record.
Addressee = tuple[UserId | None, ClientId | None]


def plan(
    event: OutboxEvent,
    now: datetime,
    offsets_of: OffsetsOf,
    aftercare_of: AftercareOf = AftercareSettings,
    *,
    telegram: Collection[UserId] = frozenset(),
) -> list[Notification]:
    """Every notification ``event`` causes now, reminders and the messages after a session
    included (``aftercare_of``: the artist's settings, the defaults unless given;
    ``telegram``: the accounts with a chat with the bot that can be reached)."""
    rule = RULES.get(event.type)
    planned: list[Notification] = []
    if rule is not None:
        actor = actor_of(event) if rule.not_the_actor else None
        for tell in rule.tells:
            if _told_by_receipt(event, tell):
                continue
            for channel, addressee, tag in _reached(event, tell, telegram):
                if actor is not None and addressee[0] == actor:
                    continue
                key = f"{event.id}:{tag}:{channel.value}"
                planned.append(_made(event, tell, channel, addressee, key, now, now, None))
    if event.type in REMINDER_TRIGGERS:
        planned.extend(_reminders(event, now, offsets_of, telegram))
    if event.type in AFTER_SESSION_TRIGGERS:
        planned.extend(_after_session(event, now, aftercare_of, telegram))
    return planned


def _told_by_receipt(event: OutboxEvent, tell: Tell) -> bool:
    """A balance taken in the studio (its change's reason ``studio_<method>``) reaches its
    customer as the receipt (``payment.studio_recorded``), not twice."""
    if event.type != "booking.balance_paid" or tell.party is not Party.CUSTOMER:
        return False
    change = event.data.get("change")
    reason = change.get("reason") if isinstance(change, Mapping) else None
    return isinstance(reason, str) and reason.startswith("studio_")


def asks_for_consent(event: OutboxEvent) -> BookingId | None:
    """The booking of an event after which its customer may be asked to sign a consent form
    (the planner asks storage which of them are still to sign)."""
    return booking_id_of(event) if event.type in CONSENT_REQUEST_TRIGGERS else None


def consent_requests(
    event: OutboxEvent, now: datetime, telegram: Collection[UserId] = frozenset()
) -> list[Notification]:
    """The request to sign the consent form of ``event``'s booking, keyed by the booking:
    planned after its booking and again after its confirmation, it is sent once. Only to a
    customer's account (a client record signs in person at the studio)."""
    booking = booking_id_of(event)
    planned = []
    for tell in CONSENT_REQUEST_TELLS:
        recipient = recipient_of(event, tell.party)
        if recipient is None or booking is None:
            continue
        for channel in channels_of(tell, recipient in telegram):
            key = f"consent:{booking}:{recipient}:{channel.value}"
            made = _made(event, tell, channel, (recipient, None), key, now, now, None)
            planned.append(dataclasses.replace(made, kind=CONSENT_REQUEST))
    return planned


def channels_of(tell: Tell, has_chat: bool) -> tuple[Channel, ...]:
    """The channels one line reaches an account on: the line's own, and Telegram wherever
    the line tells the account in the app and the account has a chat with the bot."""
    if has_chat and Channel.IN_APP in tell.channels:
        return (*tell.channels, Channel.TELEGRAM)
    return tell.channels


def accounts_told(events: Iterable[OutboxEvent]) -> set[UserId]:
    """Every account the events may tell (their audiences): whose chats planning asks for."""
    return {user for event in events for user in event.audience}


def _reached(
    event: OutboxEvent, tell: Tell, telegram: Collection[UserId]
) -> list[tuple[Channel, Addressee, str]]:
    """Each channel ``tell`` reaches its party on, with the addressee and its key's tag:
    the party's account on every channel of the line (Telegram derived: ``channels_of``),
    or for the customer's part of a booking made for a client record, that record on the
    line's email and text channels."""
    recipient = recipient_of(event, tell.party)
    if recipient is not None:
        channels = channels_of(tell, recipient in telegram)
        return [(c, (recipient, None), str(recipient)) for c in channels]
    client = client_of(event, tell.party)
    if client is None:
        return []
    return [(c, (None, client), f"client-{client}") for c in tell.channels if c in CLIENT_CHANNELS]


def actor_of(event: OutboxEvent) -> UserId | None:
    """Who made the change (``data.change.actor.userId``), when the event names them."""
    change = event.data.get("change")
    actor = change.get("actor") if isinstance(change, Mapping) else None
    user = actor.get("userId") if isinstance(actor, Mapping) else None
    return UserId(UUID(user)) if isinstance(user, str) else None


def artist_of(event: OutboxEvent) -> ArtistId | None:
    """The artist of a booking event that plans reminders (None for any other event)."""
    return artist_of_booking_event(event) if event.type in REMINDER_TRIGGERS else None


def finished_artist_of(event: OutboxEvent) -> ArtistId | None:
    """The artist of a booking event that may plan the messages after a session (None for
    any other event)."""
    return artist_of_booking_event(event) if event.type in AFTER_SESSION_TRIGGERS else None


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
    return _client_id(event) is not None


def client_of(event: OutboxEvent, party: Party) -> ClientId | None:
    """The client record playing the customer's part of a booking the artist made for it
    (None for any other party or booking)."""
    return _client_id(event) if party is Party.CUSTOMER else None


def _client_id(event: OutboxEvent) -> ClientId | None:
    booking = _booking_data(event)
    value = None if booking is None else booking.get("clientId")
    return ClientId(UUID(value)) if isinstance(value, str) else None


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


def _reminders(
    event: OutboxEvent, now: datetime, offsets_of: OffsetsOf, telegram: Collection[UserId]
) -> list[Notification]:
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
            for channel, addressee, tag in _reached(event, tell, telegram):
                key = _reminder_key(event, start, offset, tag, channel.value)
                planned.append(_made(event, tell, channel, addressee, key, now, moment, start))
    return planned


def _after_session(
    event: OutboxEvent, now: datetime, aftercare_of: AftercareOf, telegram: Collection[UserId]
) -> list[Notification]:
    """A booking completed (or a dispute resolved as completed): the aftercare message (if
    the artist has a text) and the review request (to a customer's account), each at the
    artist's delay after the change. Keyed by the booking, so a booking is sent each at most
    once however often it is completed: one resolved as completed after being completed
    before plans nothing new."""
    booking, artist = _booking_data(event), artist_of_booking_event(event)
    if booking is None or artist is None or booking.get("status") != "completed":
        return []
    settings = aftercare_of(artist)
    wanted = [(REVIEW_REQUEST, REVIEW_REQUEST_TELLS, settings.review_delay)]
    if settings.has_text:
        wanted.insert(0, (AFTERCARE, AFTERCARE_TELLS, settings.aftercare_delay))
    planned = []
    for kind, tells, delay in wanted:
        for tell in tells:
            for channel, addressee, tag in _reached(event, tell, telegram):
                if kind == REVIEW_REQUEST and addressee[0] is None:
                    continue  # a client record has no account to review with
                name = kind.removeprefix("booking.")
                key = f"{name}:{booking_id_of(event)}:{tag}:{channel.value}"
                at = event.occurred_at + delay
                planned.append(_made(event, tell, channel, addressee, key, now, at, None, kind))
    return planned


def _reminder_key(
    event: OutboxEvent, start: datetime, offset: timedelta, addressee: str, channel: str
) -> str:
    minutes = int(offset.total_seconds()) // 60
    return f"reminder:{booking_id_of(event)}:{start.isoformat()}:{minutes}:{addressee}:{channel}"


def _made(
    event: OutboxEvent,
    tell: Tell,
    channel: Channel,
    addressee: Addressee,
    key: str,
    now: datetime,
    send_at: datetime,
    reminder_for: datetime | None,
    kind: str | None = None,
) -> Notification:
    kind = kind or (REMINDER if reminder_for is not None else event.type)
    stamp = event.occurred_at if kind == event.type else send_at
    return Notification(
        # Stamped with the moment it is about (the change, or a scheduled message's moment):
        # the inbox lists newest first by id, in the order things happened to its reader.
        id=NotificationId(new_uuid7(int(stamp.timestamp() * 1000))),
        key=key,
        kind=kind,
        category=tell.category,
        channel=channel,
        recipient_id=addressee[0],
        client_id=addressee[1],
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
