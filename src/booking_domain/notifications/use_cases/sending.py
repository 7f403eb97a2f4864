"""Sending notifications (a job's work): the notifications an event planned at one moment
(its customer's and artist's email, text and inbox item; or one reminder moment's) go
together, in the house shape with the network calls outside any transaction: read them and
what they are about, decide and render each, send the emails and texts concurrently, then
record every outcome in one transaction under the notifications' row locks, only for those
still due.

How each channel makes a resend harmless (a job runs again after a worker was killed
between the sends and the record):
- in-app: the inbox item is written with the sent marker, in one transaction: it exists
  once or not at all;
- email: every attempt carries the same Message-ID (``<notification id@domain>``), and
  the local .eml writer overwrites the same file (docs/notifications.md says what SMTP
  itself cannot promise);
- SMS: every attempt carries the same idempotency key (the notification's id); the
  provider sends a key once;
- Telegram: the Bot API takes no key; as with Twilio, a message goes twice only when a worker
  is killed between Telegram's answer and the record (the group is recorded before the next
  goes). A 403 (the person blocked the bot) switches their chat off in the record's
  transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from uuid import UUID

from booking_domain.notifications.facts import (
    BookingFacts,
    Recipient,
    facts_for,
    link_of,
    skip_reason,
)
from booking_domain.notifications.inbox import InboxItem, inbox_event
from booking_domain.notifications.invitations import invitation_for
from booking_domain.notifications.messages import (
    EmailMessage,
    SendOutcome,
    SmsMessage,
    TelegramMessage,
)
from booking_domain.notifications.notifications import (
    Attempted,
    Change,
    Notification,
    NotificationId,
    Sent,
    Skipped,
    SkipReason,
)
from booking_domain.notifications.ports import NotificationsUnitOfWork, RenderedMessage
from booking_domain.notifications.rules import AFTERCARE, REVIEW_REQUEST, Channel
from booking_domain.notifications.telegram_facts import with_keyboard
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class SendRound:
    """What one round did: the notifications it recorded (sent, skipped, failed, or pending
    with their next attempt), and those it left waiting for their moment."""

    now: datetime
    recorded: tuple[Notification, ...]
    waiting: tuple[Notification, ...]

    @property
    def retry_in(self) -> timedelta | None:
        """How long until one of them is due again (None: all done)."""
        moments = [
            n.next_attempt_at
            for n in (*self.recorded, *self.waiting)
            if n.due and n.next_attempt_at is not None
        ]
        return None if not moments else max(timedelta(0), min(moments) - self.now)


@dataclass(frozen=True, slots=True)
class _Outcome:
    notification: Notification
    change: Change
    message: RenderedMessage | None = None  # in-app: filed with the record
    chat_id: int | None = None  # Telegram: the chat it went to (switched off on a 403)


class SendNotifications(UseCase[NotificationsDeps]):
    """One round over notifications (one job's: the groups a planning batch made, or one
    reminder moment's): each one due now is sent (or skipped) and recorded once; one not due
    yet (a reminder's moment, a retry's) waits.

    What is read is read once for the round (the notifications, their recipients and
    bookings). The groups go out one after another, each group's messages at once, and a
    group with an attempt that could reach someone twice if made again is recorded before
    the next one goes, so that a worker killed mid-round leaves at most one such group sent
    and unrecorded (sent again by the next run); groups told only in the app, or only by
    sends whose repeat reaches no one (``SendOutcome.repeat_reaches_no_one``: a local
    ``.eml`` file, a text whose provider drops a repeated key), are recorded together with
    the next."""

    async def __call__(self, notification_ids: Sequence[NotificationId]) -> SendRound:
        now = self._deps.clock.now()
        async with self._deps.uow(read_only=True) as uow:
            pending = [n for n in await uow.notifications.get_many(notification_ids) if n.due]
            due = [n for n in pending if (n.next_attempt_at or n.send_at) <= now]
            recipients, bookings = await _context(uow, due)
        # By id: comparing whole notifications (their data included) pair by pair cost a
        # round of a hundred a fiftieth of the worker's time.
        due_ids = {n.id for n in due}
        waiting = tuple(replace(n, updated_at=now) for n in pending if n.id not in due_ids)
        recorded: list[Notification] = []
        unrecorded: list[_Outcome] = []
        for group in _groups(due):
            attempts = (self._attempt(n, recipients, bookings, now) for n in group)
            unrecorded += await asyncio.gather(*attempts)
            if any(_may_reach_twice(o) for o in unrecorded):
                recorded += await self._record(unrecorded)
                unrecorded = []
        if unrecorded:
            recorded += await self._record(unrecorded)
        return SendRound(now, tuple(recorded), waiting)

    async def _attempt(
        self,
        n: Notification,
        recipients: dict[UUID, Recipient | None],
        bookings: dict[BookingId, BookingFacts | None],
        now: datetime,
    ) -> _Outcome:
        recipient = recipients.get(_addressee(n))
        booking = None if n.booking_id is None else bookings.get(n.booking_id)
        reason = skip_reason(n, recipient, booking, now, self._deps.texted)
        if recipient is None or reason is not None:
            return _Outcome(n, Skipped(reason or SkipReason.NO_RECIPIENT))
        if n.channel is Channel.TELEGRAM and self._deps.telegram_sender is None:
            return _Outcome(n, Skipped(SkipReason.NO_ADDRESS))  # the bot was turned off
        facts = facts_for(n, recipient, booking, self._deps.app_url, now)
        facts = with_keyboard(facts, n, booking, self._deps.app_url, now)
        message = self._deps.renderer.render(facts)
        if n.channel is Channel.IN_APP:
            return _Outcome(n, Sent(), message)
        sent = await self._send(n, recipient, booking, message, now)
        return _Outcome(n, Attempted(sent), chat_id=recipient.telegram_chat)

    def _send(
        self,
        n: Notification,
        recipient: Recipient,
        booking: BookingFacts | None,
        message: RenderedMessage,
        now: datetime,
    ) -> Awaitable[SendOutcome]:
        if n.channel is Channel.EMAIL:
            assert recipient.email is not None  # skip_reason saw to it
            invitation = invitation_for(
                n,
                recipient,
                booking,
                self._deps.calendar_writer,
                app_url=self._deps.app_url,
                mail_domain=self._deps.mail_domain,
                now=now,
            )
            return self._deps.email.send(
                EmailMessage(
                    message_id=f"<{n.id}@{self._deps.mail_domain}>",
                    to_address=recipient.email,
                    to_name=recipient.name,
                    subject=message.title,
                    text=message.text,
                    html=message.html,
                    locale=recipient.locale,
                    invitation=invitation,
                )
            )
        if n.channel is Channel.TELEGRAM:
            assert recipient.telegram_chat is not None  # skip_reason saw to it
            assert self._deps.telegram_sender is not None  # _attempt saw to it
            return self._deps.telegram_sender.send(
                TelegramMessage(
                    str(n.id), recipient.telegram_chat, message.telegram, message.buttons
                )
            )
        assert recipient.phone is not None  # skip_reason saw to it
        return self._deps.sms.send(SmsMessage(key=str(n.id), to=recipient.phone, text=message.sms))

    async def _record(self, outcomes: list[_Outcome]) -> tuple[Notification, ...]:
        """Every outcome still due, in one transaction under the notifications' row locks:
        their new states in one write, the inbox items filed in one more, their events
        with them."""
        now = self._deps.clock.now()
        recorded: list[Notification] = []
        filed: list[InboxItem] = []
        async with self._deps.uow() as uow:
            current = {
                n.id: n
                for n in await uow.notifications.lock_current([o.notification for o in outcomes])
            }
            for outcome in outcomes:
                found = current.get(outcome.notification.id)
                if found is None or not found.due:  # another run recorded it first
                    continue
                changed = found.apply(outcome.change, now, self._deps.retries)
                if outcome.message is not None and changed.status is not found.status:
                    filed.append(_inbox_item(changed, outcome.message, self._deps.app_url, now))
                if changed.skip_reason is SkipReason.BLOCKED:
                    await _switch_off(uow, changed, outcome.chat_id, now)
                recorded.append(changed)
            if filed:
                await uow.inbox.add_many(filed)
                for item in filed:
                    await uow.outbox.record(inbox_event(item))
            if recorded:
                await uow.notifications.update_many(recorded)
            await uow.commit()
        return tuple(recorded)


async def _switch_off(
    uow: NotificationsUnitOfWork, n: Notification, chat_id: int | None, now: datetime
) -> None:
    """The recipient blocked the bot: their chat (if it is still the one the message went
    to) is switched off, so nothing more is planned for it until they write to the bot."""
    chat = None if n.recipient_id is None else await uow.telegram_chats.of_user(n.recipient_id)
    if chat is not None and chat.chat_id == chat_id and chat.reachable:
        await uow.telegram_chats.put(chat.blocked(now))


def _may_reach_twice(outcome: _Outcome) -> bool:
    """Whether making this attempt again could tell someone twice: any attempt but a sent
    one whose repeat reaches no one (an in-app item is filed with its record: never)."""
    change = outcome.change
    return isinstance(change, Attempted) and not (
        change.outcome.sent and change.outcome.repeat_reaches_no_one
    )


def _groups(due: list[Notification]) -> list[list[Notification]]:
    """The notifications planned together (an event's, or one reminder moment's), in the
    order they were planned."""
    groups: dict[tuple[object, datetime], list[Notification]] = {}
    for n in due:
        groups.setdefault((n.event_id or n.id, n.send_at), []).append(n)
    return list(groups.values())


def _addressee(n: Notification) -> UUID:
    """The user's or client record's id (ids are unique across both: uuid7s)."""
    addressee = n.recipient_id or n.client_id
    assert addressee is not None  # a notification has exactly one
    return addressee


async def _context(
    uow: NotificationsUnitOfWork, due: list[Notification]
) -> tuple[dict[UUID, Recipient | None], dict[BookingId, BookingFacts | None]]:
    """Every recipient (account or client record) and booking the notifications are about:
    three reads at most, however many notifications."""
    context = uow.notification_context
    users = {n.recipient_id for n in due if n.recipient_id is not None}
    clients = {n.client_id for n in due if n.client_id is not None}
    booking_ids = {n.booking_id for n in due if n.booking_id is not None}
    found: dict[UUID, Recipient] = {}
    if users:
        found |= {user: r for user, r in (await context.recipients(users)).items()}
    if clients:
        found |= {client: r for client, r in (await context.client_recipients(clients)).items()}
    facts = dict(await context.bookings(booking_ids)) if booking_ids else {}
    finished = {n.booking_id for n in due if n.kind in AFTER_SESSION and n.booking_id}
    if finished:  # one more read, only for a round with messages after a session
        for booking_id, after in (await context.after_session(finished)).items():
            if booking_id in facts:
                facts[booking_id] = replace(facts[booking_id], after_session=after)
    recipients = {_addressee(n): found.get(_addressee(n)) for n in due}
    return recipients, {b: facts.get(b) for b in booking_ids}


AFTER_SESSION = frozenset({AFTERCARE, REVIEW_REQUEST})


def _inbox_item(
    n: Notification, message: RenderedMessage, app_url: str, now: datetime
) -> InboxItem:
    link = link_of(n, app_url)
    assert n.recipient_id is not None  # a client record is never told in an inbox
    return InboxItem(
        id=n.id,
        user_id=n.recipient_id,
        kind=n.kind,
        title=message.title,
        body=message.text,
        link=link,
        booking_id=n.booking_id,
        created_at=now,
    )


class SendNotification(UseCase[NotificationsDeps]):
    """One notification's round (``SendNotifications`` of one): it as recorded, or as it
    waits (``updated_at`` = now, so ``next_attempt_at - updated_at`` is the wait), or None
    when there was nothing to do (sent already, skipped, gone)."""

    async def __call__(self, notification_id: NotificationId) -> Notification | None:
        done = await SendNotifications(self._deps)([notification_id])
        return next(iter((*done.recorded, *done.waiting)), None)
