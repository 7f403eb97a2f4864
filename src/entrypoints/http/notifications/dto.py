"""Notifications on the wire: inbox items, channel preferences, reminder offsets, and the
admins' view of failed notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from booking_domain.notifications import (
    InboxItem,
    Notification,
    NotificationPreferences,
    ReminderOffsets,
    SentMessage,
)
from entrypoints.http.wire import Dto, PageView, View, utc


class InboxItemView(View, frozen=True):
    id: UUID
    kind: str
    title: str
    body: str
    link: str | None
    booking_id: UUID | None
    created_at: datetime
    read_at: datetime | None
    unread: bool

    @classmethod
    def of(cls, item: InboxItem) -> InboxItemView:
        return cls(
            id=item.id,
            kind=item.kind,
            title=item.title,
            body=item.body,
            link=item.link,
            booking_id=item.booking_id,
            created_at=utc(item.created_at),
            read_at=None if item.read_at is None else utc(item.read_at),
            unread=item.unread,
        )


class InboxPage(PageView[InboxItemView], frozen=True):
    items: list[InboxItemView]
    unread: int = 0  # unread items in the whole inbox, whatever the page


class UnreadCountView(View, frozen=True):
    unread: int


class MarkedView(View, frozen=True):
    marked: int


class PreferencesView(View, frozen=True):
    """Channels for non-essential messages (booking updates, reminders); payment and
    account messages always go."""

    email: bool
    sms: bool
    in_app: bool
    telegram: bool  # carries messages only once a chat is linked (/me/telegram/chat-link)

    @classmethod
    def of(cls, p: NotificationPreferences) -> PreferencesView:
        return cls(email=p.email, sms=p.sms, in_app=p.in_app, telegram=p.telegram)


class PreferencesChange(Dto, frozen=True):
    email: bool | UnsetType = UNSET
    sms: bool | UnsetType = UNSET
    in_app: bool | UnsetType = UNSET
    telegram: bool | UnsetType = UNSET


Minutes = Annotated[int, Meta(ge=0, le=1_000_000)]


class ReminderOffsetsRequest(Dto, frozen=True):
    offsets_minutes: Annotated[list[Minutes], Meta(max_length=10)]


class ReminderOffsetsView(View, frozen=True):
    artist_id: UUID
    offsets_minutes: list[int]

    @classmethod
    def of(cls, offsets: ReminderOffsets) -> ReminderOffsetsView:
        return cls(artist_id=offsets.artist_id, offsets_minutes=list(offsets.minutes))


class FailedNotificationView(View, frozen=True):
    id: UUID
    kind: str
    channel: str
    recipient_id: UUID | None  # the user's account, or
    client_id: UUID | None  # an artist's client record
    booking_id: UUID | None
    attempts: int
    last_error: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, n: Notification) -> FailedNotificationView:
        return cls(
            id=n.id,
            kind=n.kind,
            channel=n.channel.value,
            recipient_id=n.recipient_id,
            client_id=n.client_id,
            booking_id=n.booking_id,
            attempts=n.attempts,
            last_error=n.last_error,
            created_at=utc(n.created_at),
            updated_at=utc(n.updated_at),
        )


class FailedNotificationPage(PageView[FailedNotificationView], frozen=True):
    items: list[FailedNotificationView]


class SentMessageView(View, frozen=True):
    """One message about a booking: to whom (``customer`` or ``artist``), on which channel,
    what (its kind), when, and its outcome; never its text, and the address masked."""

    id: UUID
    kind: str
    channel: str  # email, sms, in_app, telegram
    recipient: str  # the recipient's part in the booking: customer, artist
    status: str  # pending, sent, failed, skipped
    at: datetime  # sent, failed or skipped then; pending: due then
    reason: str | None  # why skipped (e.g. text_limit, unserved_number), a text's error code
    delivery: str | None  # a sent text's delivery: queued, sent, delivered, undelivered, failed
    address: str | None  # masked: d***@example.com, +976 ** ** 12; None in-app and Telegram

    @classmethod
    def of(cls, m: SentMessage) -> SentMessageView:
        return cls(
            id=m.id,
            kind=m.kind,
            channel=m.channel.value,
            recipient=m.party.value,
            status=m.status.value,
            at=utc(m.at),
            reason=m.reason,
            delivery=None if m.delivery is None else m.delivery.value,
            address=m.address,
        )


class SentMessagesView(View, frozen=True):
    """The messages sent about a booking, oldest first (at most 500)."""

    items: list[SentMessageView]
