"""Sending one notification (a job's work), in the house shape with the network call
outside any transaction: read the notification and what it is about, decide, render, send,
then record the outcome under the notification's row lock, only if it is still due.

How each channel makes a resend harmless (a job runs again after a worker was killed
between the send and the record):
- in-app: the inbox item is written with the sent marker, in one transaction: it exists
  once or not at all;
- email: every attempt carries the same Message-ID (``<notification id@domain>``); mail
  stores drop a repeat they hold, and the local .eml writer overwrites the same file;
- SMS: every attempt carries the same idempotency key (the notification's id); the
  provider sends a key once.
"""

from __future__ import annotations

from dataclasses import replace

from booking_domain.notifications.facts import facts_for, skip_reason
from booking_domain.notifications.inbox import InboxItem, inbox_event
from booking_domain.notifications.messages import EmailMessage, SmsMessage
from booking_domain.notifications.notifications import (
    Attempted,
    Change,
    Notification,
    NotificationId,
    Sent,
    Skipped,
    SkipReason,
)
from booking_domain.notifications.ports import RenderedMessage
from booking_domain.notifications.rules import Channel
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.use_case import UseCase


class SendNotification(UseCase[NotificationsDeps]):
    """One attempt of a due notification; returns it as recorded (still ``pending`` with
    ``next_attempt_at`` when it must be tried again), or None when there was nothing to do
    (sent already, skipped, gone). Asked before its moment (a reminder's job run early), it
    sends nothing and returns it unchanged but for ``updated_at`` = now: in every answer,
    ``next_attempt_at - updated_at`` is how long to wait."""

    async def __call__(self, notification_id: NotificationId) -> Notification | None:
        async with self._deps.uow(read_only=True) as uow:
            notification = await uow.notifications.get(notification_id)
            if notification is None or not notification.due:
                return None
            now = self._deps.clock.now()
            if notification.send_at > now:  # a reminder's job, run early: not stored
                return replace(notification, updated_at=now)
            context = uow.notification_context
            recipient = await context.recipient(notification.recipient_id)
            booking = None
            if notification.booking_id is not None:
                booking = await context.booking(notification.booking_id)
        reason = skip_reason(notification, recipient, booking, now)
        if recipient is None or reason is not None:
            return await self._record(notification_id, Skipped(reason or SkipReason.NO_RECIPIENT))
        facts = facts_for(notification, recipient, booking, self._deps.app_url, now)
        message = self._deps.renderer.render(facts)
        if notification.channel is Channel.IN_APP:
            return await self._file_in_inbox(notification, message)
        if notification.channel is Channel.EMAIL:
            outcome = await self._deps.email.send(
                EmailMessage(
                    message_id=f"<{notification.id}@{self._deps.mail_domain}>",
                    to_address=recipient.email, to_name=recipient.name, subject=message.title,
                    text=message.text, html=message.html, locale=recipient.locale,
                )
            )  # fmt: skip
        else:
            assert recipient.phone is not None  # skip_reason saw to it
            outcome = await self._deps.sms.send(
                SmsMessage(key=str(notification.id), to=recipient.phone, text=message.sms)
            )
        return await self._record(notification_id, Attempted(outcome))

    async def _file_in_inbox(
        self, notification: Notification, message: RenderedMessage
    ) -> Notification | None:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            current = await uow.notifications.lock(notification.id)
            if current is None or not current.due:
                return None
            link = None
            if current.booking_id is not None:
                link = f"{self._deps.app_url.rstrip('/')}/bookings/{current.booking_id}"
            item = InboxItem(
                id=current.id, user_id=current.recipient_id, kind=current.kind,
                title=message.title, body=message.text, link=link,
                booking_id=current.booking_id, created_at=now,
            )  # fmt: skip
            await uow.inbox.add(item)
            await uow.outbox.record(inbox_event(item))
            sent = current.apply(Sent(), now, self._deps.retries)
            await uow.notifications.update(sent)
            await uow.commit()
        return sent

    async def _record(self, notification_id: NotificationId, change: Change) -> Notification | None:
        async with self._deps.uow() as uow:
            current = await uow.notifications.lock(notification_id)
            if current is None or not current.due:
                return None
            changed = current.apply(change, self._deps.clock.now(), self._deps.retries)
            await uow.notifications.update(changed)
            await uow.commit()
        return changed
