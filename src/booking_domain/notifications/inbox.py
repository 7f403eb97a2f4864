"""The in-app inbox: what a user reads in the app, newest first, each read or unread.

An inbox item is the in-app channel's message: it is written with the notification's sent
marker in one transaction (so it exists exactly once), and announced on the real-time
stream as ``notification.created`` through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from booking_domain.notifications.notifications import NotificationId
from booking_domain.shared.ids import BookingId, UserId, new_uuid7
from booking_domain.shared.outbox import EventId, OutboxEvent, subject_of
from booking_domain.shared.time import utc_text

NOTIFICATION = "notification"


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: NotificationId  # the in-app notification's id
    user_id: UserId
    kind: str
    title: str
    body: str
    link: str | None
    booking_id: BookingId | None
    created_at: datetime
    read_at: datetime | None = None

    @property
    def unread(self) -> bool:
        return self.read_at is None

    def read(self, now: datetime) -> InboxItem:
        return self if self.read_at is not None else replace(self, read_at=now)


def inbox_event(item: InboxItem) -> OutboxEvent:
    """``notification.created``: heard by its recipient (and admins) on the stream."""
    return OutboxEvent(
        id=EventId(new_uuid7(int(item.created_at.timestamp() * 1000))),
        type="notification.created",
        occurred_at=item.created_at,
        subject=subject_of(NOTIFICATION, item.id),
        sequence=1,
        data={
            "notification": {
                "id": str(item.id),
                "kind": item.kind,
                "title": item.title,
                "body": item.body,
                "link": item.link,
                "bookingId": None if item.booking_id is None else str(item.booking_id),
                "createdAt": utc_text(item.created_at),
                "readAt": None,
            }
        },
        audience=(item.user_id,),
    )
