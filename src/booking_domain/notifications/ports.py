"""What notifications need from the outside world: storage of notifications, the inbox,
preferences and reminder offsets, and the chats linked with the Telegram bot; the dispatch
position in the outbox's feed; a queue that runs sends; what a message is about (the
recipient and the booking); and a renderer.

Every adapter passes the contract suite in ``tests/contract/notifications``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from booking_domain.bookings import ClientId, HasBookings
from booking_domain.catalog import HasAftercare
from booking_domain.consent import HasConsents
from booking_domain.notifications.facts import AfterSession, BookingFacts, MessageFacts, Recipient
from booking_domain.notifications.inbox import InboxItem
from booking_domain.notifications.messages import TelegramButton
from booking_domain.notifications.notifications import Notification, NotificationId
from booking_domain.notifications.preferences import NotificationPreferences
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.telegram_chats import ChatLinkToken, TelegramChat
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class NotificationRepository(Protocol):
    async def add_new(self, notifications: Sequence[Notification]) -> Sequence[Notification]:
        """Store those whose key is not stored yet; return them (the others were planned
        before: one notification per key, whatever runs twice)."""
        ...

    async def get(self, notification_id: NotificationId) -> Notification | None: ...

    async def get_many(self, ids: Sequence[NotificationId]) -> Sequence[Notification]:
        """Those of ``ids`` that exist, in id order."""
        ...

    async def lock(self, notification_id: NotificationId) -> Notification | None:
        """``get``, holding the notification until the unit of work ends."""
        ...

    async def lock_current(self, seen: Sequence[Notification]) -> Sequence[Notification]:
        """Those of ``seen`` still stored, as they are now, in id order, held until the unit
        of work ends (locked in id order, so two rounds over overlapping groups never
        deadlock). What a notification was planned with never changes after (its key,
        kind, recipient, data and moment): only its state does (``STATE_FIELDS``), so
        an adapter may read only that and return ``seen`` with it."""
        ...

    async def lock_sms_by_reference(self, reference: str) -> Notification | None:
        """The text message that its SMS provider answered with ``reference``
        (``SendOutcome.reference``), held until the unit of work ends; None when there is
        none. A provider reuses no reference; were one found twice, the newest text is the
        one."""
        ...

    async def update(self, notification: Notification) -> None:
        """Store its state: status, attempts, errors, reference, next attempt and delivery
        status."""
        ...

    async def update_many(self, notifications: Sequence[Notification]) -> None:
        """``update`` each of them, all at once (one statement where the store allows)."""
        ...

    async def failed(self, request: PageRequest) -> Page[Notification]:
        """Notifications that failed for good, newest first (what admins look into)."""
        ...

    async def of_booking(self, booking_id: BookingId, limit: int) -> Sequence[Notification]:
        """The booking's notifications (``booking_id``), oldest first (by id), the first
        ``limit`` of them."""
        ...


class InboxRepository(Protocol):
    async def add(self, item: InboxItem) -> None: ...

    async def add_many(self, items: Sequence[InboxItem]) -> None:
        """``add`` each of them, all at once (one statement where the store allows)."""
        ...

    async def page(
        self, user_id: UserId, request: PageRequest, *, unread_only: bool
    ) -> Page[InboxItem]:
        """The user's items, newest first."""
        ...

    async def unread_count(self, user_id: UserId) -> int: ...

    async def mark_read(
        self, user_id: UserId, item_id: NotificationId, now: datetime
    ) -> InboxItem | None:
        """Mark one of the user's items read (None: the user has no such item)."""
        ...

    async def mark_all_read(self, user_id: UserId, now: datetime) -> int:
        """Mark every unread item of the user read; return how many."""
        ...


class PreferencesRepository(Protocol):
    async def get(self, user_id: UserId) -> NotificationPreferences:
        """The user's choices (the defaults when never changed)."""
        ...

    async def put(self, preferences: NotificationPreferences) -> None: ...


class ReminderOffsetsRepository(Protocol):
    async def of_artists(self, artist_ids: Sequence[ArtistId]) -> dict[ArtistId, ReminderOffsets]:
        """Each artist's offsets (the defaults for artists who never chose)."""
        ...

    async def put(self, offsets: ReminderOffsets) -> None: ...


@dataclass(frozen=True, slots=True)
class NotificationPosition:
    after: str | None  # the feed cursor of the last event planned; None: none yet


class NotificationCursor(Protocol):
    async def claim(self) -> NotificationPosition | None:
        """Take the planning turn for this unit of work and return the position, or None
        when another planner has it now (one planner at a time, across processes)."""
        ...

    async def advance(self, cursor: str) -> None:
        """Move the position forward to ``cursor`` (``ConflictError`` rather than move it
        back: the unit of work is then rolled back)."""
        ...


class NotificationQueue(Protocol):
    async def enqueue(self, notifications: Sequence[Notification]) -> None:
        """Queue send jobs for the notifications in this unit of work (gone with a
        rollback), in the order queued: the groups planned together to send now (an
        event's), several to a job; each reminder moment's group in a job of its own, to run
        at its ``next_attempt_at``. A queue may keep a moment days ahead out of its jobs
        until shortly before it (PostgreSQL's does, by a mark stored with the notification
        and a sweep in every worker): it must still run at its moment."""
        ...


class NotificationContext(Protocol):
    """What messages are about, read when they are sent: for a whole round at once, each
    question one read however many messages ask it (those not found are left out)."""

    async def recipients(self, user_ids: Collection[UserId]) -> Mapping[UserId, Recipient]:
        """Users as recipients, with their channel choices."""
        ...

    async def client_recipients(
        self, client_ids: Collection[ClientId]
    ) -> Mapping[ClientId, Recipient]:
        """Artists' client records as recipients: name, phone and email, in their artist's
        language."""
        ...

    async def bookings(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, BookingFacts]:
        """Bookings with their artist, service, studio and customer (or client record)."""
        ...

    async def artist_owner(self, artist_id: ArtistId) -> UserId | None:
        """The account that owns the artist profile (None: no such artist)."""
        ...

    async def after_session(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, AfterSession]:
        """What the messages after a session need of these bookings now: their artist's
        aftercare text and whether their customer has reviewed them."""
        ...


class TelegramChatRepository(Protocol):
    """The chats linked with the Telegram bot: one per account, one account per chat."""

    async def of_user(self, user_id: UserId) -> TelegramChat | None: ...

    async def of_chat(self, chat_id: int) -> TelegramChat | None: ...

    async def reachable_among(self, user_ids: Collection[UserId]) -> frozenset[UserId]:
        """Those of ``user_ids`` with a chat that is not switched off (one read)."""
        ...

    async def put(self, chat: TelegramChat) -> None:
        """Store the account's chat (replacing the one it had). The chat must not serve
        another account: ``remove_chat`` it first."""
        ...

    async def remove_user(self, user_id: UserId) -> TelegramChat | None:
        """Unlink the account's chat; the chat unlinked (None: there was none)."""
        ...

    async def remove_chat(self, chat_id: int) -> TelegramChat | None:
        """Unlink the chat from whichever account it serves; the chat unlinked."""
        ...


class ChatLinkTokenRepository(Protocol):
    async def put(self, token: ChatLinkToken) -> None:
        """Store the account's token, replacing the one it had."""
        ...

    async def take(self, digest: str) -> ChatLinkToken | None:
        """The token with this digest, removed (a token is used once; None: none)."""
        ...

    async def remove_user(self, user_id: UserId) -> None: ...

    async def purge_expired(self, now: datetime) -> int:
        """Forget tokens that ran out; how many."""
        ...


class HasTelegramChats(Protocol):
    @property
    def telegram_chats(self) -> TelegramChatRepository: ...

    @property
    def chat_link_tokens(self) -> ChatLinkTokenRepository: ...


class TextAllowanceRepository(Protocol):
    """The texts charged to each account a UTC day (``text_allowance``)."""

    async def used(self, accounts: Collection[UserId], day: date) -> Mapping[UserId, int]:
        """The texts charged to each of ``accounts`` on ``day`` (an account charged none is
        left out), in one read."""
        ...

    async def charge(self, day: date, charged: Mapping[UserId, int]) -> None:
        """Add ``charged`` texts to each account's ``day``, in one write."""
        ...

    async def purge(self, before: date) -> int:
        """Forget the days before ``before``; how many account-days."""
        ...


class HasNotifications(HasOutbox, Protocol):
    @property
    def notifications(self) -> NotificationRepository: ...

    @property
    def inbox(self) -> InboxRepository: ...

    @property
    def notification_preferences(self) -> PreferencesRepository: ...

    @property
    def reminder_offsets(self) -> ReminderOffsetsRepository: ...

    @property
    def notification_cursor(self) -> NotificationCursor: ...

    @property
    def notification_queue(self) -> NotificationQueue: ...

    @property
    def notification_context(self) -> NotificationContext: ...

    @property
    def text_allowance(self) -> TextAllowanceRepository: ...


class NotificationsUnitOfWork(
    UnitOfWork,
    HasBookings,
    HasNotifications,
    HasTelegramChats,
    HasAudit,
    HasAftercare,
    HasConsents,
    Protocol,
):
    """What notification use cases open (the bookings: who may see a booking's messages;
    the artists' aftercare settings the messages after a session are planned by; the
    consents: which confirmed bookings' customers are still to be asked to sign; the chats
    with the Telegram bot)."""


NotificationsUnitOfWorkFactory = UnitOfWorkFactory[NotificationsUnitOfWork]


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    title: str  # the email's subject, the inbox item's title
    text: str  # the plain-text body (email, inbox)
    html: str  # the HTML body (email)
    sms: str  # the text message (short)
    telegram: str = ""  # a Telegram message: Telegram's HTML, escaped
    buttons: tuple[tuple[TelegramButton, ...], ...] = ()  # its keyboard, labelled


class MessageRenderer(Protocol):
    def render(self, facts: MessageFacts) -> RenderedMessage:
        """The message in ``facts.locale`` (English when the language is not offered)."""
        ...
