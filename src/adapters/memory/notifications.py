"""In-memory notifications, inbox, preferences, reminder offsets, planning position, send
queue, and what a message is about (read from the other in-memory repositories).

The queue keeps the ids of queued notifications in order (``notification_jobs``): nothing
runs them in memory; a test or an embedding service drains them with ``queued``.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from adapters.memory.accounts import InMemoryUserRepository
from adapters.memory.aftercare import InMemoryAftercareRepository
from adapters.memory.bookings import InMemoryBookingRepository
from adapters.memory.catalog import (
    InMemoryArtistRepository,
    InMemoryServiceRepository,
    InMemoryStudioRepository,
)
from adapters.memory.clients import InMemoryClientRepository
from adapters.memory.reviews import InMemoryReviewRepository
from adapters.memory.store import StagedTable, TableRepository
from adapters.memory.telegram_chats import InMemoryTelegramChatRepository
from booking_domain.accounts import DEFAULT_LOCALE, User
from booking_domain.bookings import BookingStatus, Client, ClientId
from booking_domain.notifications import (
    AfterSession,
    BookingFacts,
    Channel,
    InboxItem,
    Notification,
    NotificationId,
    NotificationPreferences,
    NotificationStatus,
    Recipient,
    ReminderOffsets,
)
from booking_domain.notifications.ports import (
    InboxRepository,
    NotificationContext,
    NotificationCursor,
    NotificationPosition,
    NotificationQueue,
    NotificationRepository,
    PreferencesRepository,
    ReminderOffsetsRepository,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

NOTIFICATION_JOBS = "notification_jobs"
_job_numbers = itertools.count(1)


class InMemoryNotificationRepository(
    TableRepository[NotificationId, Notification], NotificationRepository
):
    def __init__(
        self,
        table: StagedTable[NotificationId, Notification],
        keys: StagedTable[str, NotificationId],
    ) -> None:
        super().__init__(table)
        self._keys = keys

    async def add_new(self, notifications: Sequence[Notification]) -> Sequence[Notification]:
        made = []
        for n in notifications:
            if self._keys.get(n.key) is None:
                self._keys.put(n.key, n.id)
                self._rows.put(n.id, n)
                made.append(n)
        return made

    async def get(self, notification_id: NotificationId) -> Notification | None:
        return self._rows.get(notification_id)

    async def lock(self, notification_id: NotificationId) -> Notification | None:
        return self._rows.get(notification_id)  # writing units of work run one at a time

    async def get_many(self, ids: Sequence[NotificationId]) -> Sequence[Notification]:
        return sorted((n for i in set(ids) if (n := self._rows.get(i))), key=lambda n: n.id)

    async def lock_current(self, seen: Sequence[Notification]) -> Sequence[Notification]:
        return await self.get_many([n.id for n in seen])

    async def lock_sms_by_reference(self, reference: str) -> Notification | None:
        found = [
            n for n in self._rows.values() if n.channel is Channel.SMS and n.reference == reference
        ]
        return max(found, key=lambda n: n.id, default=None)

    async def update(self, notification: Notification) -> None:
        self._rows.put(notification.id, notification)

    async def update_many(self, notifications: Sequence[Notification]) -> None:
        for notification in notifications:
            self._rows.put(notification.id, notification)

    async def failed(self, request: PageRequest) -> Page[Notification]:
        found = sorted(
            (n for n in self._rows.values() if n.status is NotificationStatus.FAILED),
            key=lambda n: n.id,
            reverse=True,
        )
        chosen = found[request.offset : request.offset + request.page_size]
        return Page(tuple(chosen), len(found), request)

    async def of_booking(self, booking_id: BookingId, limit: int) -> Sequence[Notification]:
        found = sorted(
            (n for n in self._rows.values() if n.booking_id == booking_id), key=lambda n: n.id
        )
        return tuple(found[:limit])


class InMemoryInboxRepository(TableRepository[NotificationId, InboxItem], InboxRepository):
    async def add(self, item: InboxItem) -> None:
        if self._rows.get(item.id) is not None:
            raise ConflictError("this inbox item exists")
        self._rows.put(item.id, item)

    async def add_many(self, items: Sequence[InboxItem]) -> None:
        if any(self._rows.get(i.id) is not None for i in items) or len(
            {i.id for i in items}
        ) != len(items):
            raise ConflictError("an inbox item exists")
        for item in items:
            self._rows.put(item.id, item)

    def _of(self, user_id: UserId, unread_only: bool) -> list[InboxItem]:
        found = [
            i for i in self._rows.values() if i.user_id == user_id and (i.unread or not unread_only)
        ]
        return sorted(found, key=lambda i: i.id, reverse=True)

    async def page(
        self, user_id: UserId, request: PageRequest, *, unread_only: bool
    ) -> Page[InboxItem]:
        found = self._of(user_id, unread_only)
        chosen = found[request.offset : request.offset + request.page_size]
        return Page(tuple(chosen), len(found), request)

    async def unread_count(self, user_id: UserId) -> int:
        return len(self._of(user_id, True))

    async def mark_read(
        self, user_id: UserId, item_id: NotificationId, now: datetime
    ) -> InboxItem | None:
        item = self._rows.get(item_id)
        if item is None or item.user_id != user_id:
            return None
        read = item.read(now)
        self._rows.put(item_id, read)
        return read

    async def mark_all_read(self, user_id: UserId, now: datetime) -> int:
        unread = self._of(user_id, True)
        for item in unread:
            self._rows.put(item.id, item.read(now))
        return len(unread)


class InMemoryPreferencesRepository(
    TableRepository[UserId, NotificationPreferences], PreferencesRepository
):
    async def get(self, user_id: UserId) -> NotificationPreferences:
        return self._rows.get(user_id) or NotificationPreferences(user_id)

    async def put(self, preferences: NotificationPreferences) -> None:
        self._rows.put(preferences.user_id, preferences)


class InMemoryReminderOffsetsRepository(
    TableRepository[ArtistId, ReminderOffsets], ReminderOffsetsRepository
):
    async def of_artists(self, artist_ids: Sequence[ArtistId]) -> dict[ArtistId, ReminderOffsets]:
        return {a: found for a in artist_ids if (found := self._rows.get(a)) is not None}

    async def put(self, offsets: ReminderOffsets) -> None:
        self._rows.put(offsets.artist_id, offsets)


class InMemoryNotificationCursor(TableRepository[str, str | None], NotificationCursor):
    async def claim(self) -> NotificationPosition | None:
        return NotificationPosition(self._rows.get("notifications"))

    async def advance(self, cursor: str) -> None:
        current = self._rows.get("notifications")
        if current is not None and current >= cursor:
            raise ConflictError("the notification planning position moved meanwhile")
        self._rows.put("notifications", cursor)


class InMemoryNotificationQueue(TableRepository[int, NotificationId], NotificationQueue):
    async def enqueue(self, notifications: Sequence[Notification]) -> None:
        for n in notifications:
            self._rows.put(next(_job_numbers), n.id)

    def queued(self) -> list[NotificationId]:
        return list(self._rows.values())


class InMemoryNotificationContext(NotificationContext):
    def __init__(
        self,
        users: InMemoryUserRepository,
        preferences: InMemoryPreferencesRepository,
        bookings: InMemoryBookingRepository,
        artists: InMemoryArtistRepository,
        services: InMemoryServiceRepository,
        studios: InMemoryStudioRepository,
        clients: InMemoryClientRepository,
        reviews: InMemoryReviewRepository,
        aftercare: InMemoryAftercareRepository,
        chats: InMemoryTelegramChatRepository,
    ) -> None:
        self._users, self._preferences, self._bookings = users, preferences, bookings
        self._artists, self._services, self._studios = artists, services, studios
        self._clients, self._reviews, self._aftercare = clients, reviews, aftercare
        self._chats = chats

    async def after_session(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, AfterSession]:
        found = {}
        for booking_id in booking_ids:
            booking = await self._bookings.get(booking_id)
            if booking is not None:
                text = (await self._aftercare.get(booking.artist_id)).text
                reviewed = await self._reviews.for_booking(booking_id) is not None
                found[booking_id] = AfterSession(text, reviewed)
        return found

    async def recipients(self, user_ids: Collection[UserId]) -> Mapping[UserId, Recipient]:
        found = {u: await self._recipient(u) for u in user_ids}
        return {u: r for u, r in found.items() if r is not None}

    async def client_recipients(
        self, client_ids: Collection[ClientId]
    ) -> Mapping[ClientId, Recipient]:
        found = {c: await self._client_recipient(c) for c in client_ids}
        return {c: r for c, r in found.items() if r is not None}

    async def bookings(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, BookingFacts]:
        found = {b: await self._booking(b) for b in booking_ids}
        return {b: f for b, f in found.items() if f is not None}

    async def _recipient(self, user_id: UserId) -> Recipient | None:
        user = await self._users.get(user_id)
        if user is None:
            return None
        chat = await self._chats.of_user(user_id)
        return Recipient(
            user_id=user.id,
            name=user.name,
            email=user.email,
            phone=user.phone,
            locale=user.locale,
            active=not user.disabled,
            preferences=await self._preferences.get(user_id),
            telegram_chat=chat.chat_id if chat is not None and chat.reachable else None,
            phone_verified=user.phone_verified,
        )

    async def _client_recipient(self, client_id: ClientId) -> Recipient | None:
        client = await self._clients.get(client_id)
        if client is None:
            return None
        artist = await self._artists.get(client.artist_id)
        owner = None if artist is None else await self._users.get(artist.user_id)
        return Recipient(
            user_id=None,
            name=client.name,
            email=client.email,
            phone=client.phone,
            locale=DEFAULT_LOCALE if owner is None else owner.locale,
            active=True,
            preferences=None,
        )

    async def _booking(self, booking_id: BookingId) -> BookingFacts | None:
        booking = await self._bookings.get(booking_id)
        if booking is None:
            return None
        artist = await self._artists.get(booking.artist_id)
        service = await self._services.get(booking.service_id)
        # The customer's account, or the artist's client record (one of them is set).
        customer: User | Client | None = None
        if booking.customer_id is not None:
            customer = await self._users.get(booking.customer_id)
        elif booking.client_id is not None:
            customer = await self._clients.get(booking.client_id)
        if artist is None or service is None or customer is None:
            return None
        studio = None if artist.studio_id is None else await self._studios.get(artist.studio_id)
        point = (studio.location if studio else None) or artist.location
        return BookingFacts(
            booking_id=booking.id,
            reference=booking.reference,
            status=booking.status.value,
            start=booking.start,
            end=booking.end,
            artist_name=artist.display_name,
            customer_name=customer.name,
            service_name=service.name,
            price=service.price if booking.price is None else booking.price,  # as booked
            time_zone=artist.time_zone,
            studio_name=None if studio is None else studio.name,
            address=None if studio is None else studio.address,
            location=None if point is None else (point.lat, point.lng),
            free_cancellation_notice=artist.policy.free_cancellation_notice,
            awaiting_approval=booking.status is BookingStatus.PENDING
            and booking.requires_approval
            and not booking.approved,
            offer_until=booking.hold_expires_at if booking.offered else None,
            requires_approval=booking.requires_approval,
        )

    async def artist_owner(self, artist_id: ArtistId) -> UserId | None:
        artist = await self._artists.get(artist_id)
        return None if artist is None else artist.user_id
