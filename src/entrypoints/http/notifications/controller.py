"""The in-app inbox and notification settings (``/api/v1/me/notifications``,
``/api/v1/me/notification-preferences``), an artist's reminder offsets
(``/api/v1/artists/{id}/reminders``), admins' failed notifications
(``/api/v1/admin/notifications``) and the messages sent about a booking
(``/api/v1/bookings/{id}/messages``)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from litestar import get, patch, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED

from booking_domain.bookings import BookingNotFoundError
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.notifications import (
    InvalidReminderOffsetsError,
    NotificationId,
    NotificationNotFoundError,
)
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    ConcurrentUpdateError,
    PermissionDeniedError,
)
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import PageRequest
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import AdminOnly, SignedIn
from entrypoints.http.notifications.dto import (
    FailedNotificationPage,
    FailedNotificationView,
    InboxItemView,
    InboxPage,
    MarkedView,
    PreferencesChange,
    PreferencesView,
    ReminderOffsetsRequest,
    ReminderOffsetsView,
    SentMessagesView,
    SentMessageView,
    UnreadCountView,
)
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import given

NotificationsDep = NamedDependency[NotificationUseCases]

Page = Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)]
PageSize = Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)]


# The caller's own inbox and preferences: nothing of theirs to refuse; marking one read: not
# there or not theirs; a change that lost a race (concurrent_update, as on every change).
INBOX_RAISES = raises_exactly()
MARK_READ_RAISES = raises_exactly(NotificationNotFoundError, ConcurrentUpdateError)
CHANGE_RAISES = raises_exactly(ConcurrentUpdateError)
# An artist's reminder offsets: not there, or not the caller's (owner, admins); choosing:
# besides, offsets refused.
REMINDERS_READ_RAISES = raises_exactly(ArtistNotFoundError)
REMINDERS_SET_RAISES = raises_exactly(
    ArtistNotFoundError, InvalidReminderOffsetsError, ConcurrentUpdateError
)
# The admins' failed notifications: not an admin; retrying one: not there, or not failed.
FAILED_RAISES = raises_exactly(PermissionDeniedError)
RETRY_RAISES = raises_exactly(
    PermissionDeniedError, NotificationNotFoundError, ConcurrentUpdateError
)
# A booking's messages: not there, or not the caller's (its artist, its customer, admins).
MESSAGES_RAISES = raises_exactly(BookingNotFoundError)


class InboxController(SignedIn, context="notifications"):
    path = "/me"
    tags = ["notifications"]

    @get("/notifications", summary="Your in-app notifications, newest first", opt=INBOX_RAISES)
    async def inbox(
        self,
        actor: Caller,
        notifications: NotificationsDep,
        page: Page = 1,
        page_size: PageSize = 20,
        unread_only: Annotated[bool, QueryParameter(name="unreadOnly")] = False,
    ) -> InboxPage:
        found, unread = await notifications.list_inbox(
            actor, PageRequest(page, page_size), unread_only=unread_only
        )
        return msgspec.structs.replace(InboxPage.of(found, InboxItemView.of), unread=unread)

    @get(
        "/notifications/unread-count",
        summary="How many of your notifications are unread",
        opt=INBOX_RAISES,
    )
    async def unread(self, actor: Caller, notifications: NotificationsDep) -> UnreadCountView:
        return UnreadCountView(await notifications.count_unread(actor))

    @post(
        "/notifications/{notification_id:uuid}/read",
        status_code=HTTP_200_OK,
        summary="Mark one notification read",
        opt=MARK_READ_RAISES,
    )
    async def mark_read(
        self, notification_id: FromPath[UUID], actor: Caller, notifications: NotificationsDep
    ) -> InboxItemView:
        item = await notifications.mark_read(actor, NotificationId(notification_id))
        return InboxItemView.of(item)

    @post(
        "/notifications/read-all",
        status_code=HTTP_200_OK,
        summary="Mark all your notifications read",
        opt=CHANGE_RAISES,
    )
    async def mark_all_read(self, actor: Caller, notifications: NotificationsDep) -> MarkedView:
        return MarkedView(await notifications.mark_all_read(actor))

    @get(
        "/notification-preferences",
        summary="Which channels carry non-essential messages",
        opt=INBOX_RAISES,
    )
    async def preferences(self, actor: Caller, notifications: NotificationsDep) -> PreferencesView:
        return PreferencesView.of(await notifications.get_preferences(actor))

    @patch("/notification-preferences", summary="Turn channels on or off", opt=CHANGE_RAISES)
    async def change_preferences(
        self, data: JSONBody[PreferencesChange], actor: Caller, notifications: NotificationsDep
    ) -> PreferencesView:
        changed = await notifications.update_preferences(
            actor,
            email=given(data.email),
            sms=given(data.sms),
            in_app=given(data.in_app),
            telegram=given(data.telegram),
        )
        return PreferencesView.of(changed)


class ReminderOffsetsController(SignedIn, context="notifications"):
    path = "/artists/{artist_id:uuid}/reminders"
    tags = ["notifications"]

    @get(
        summary="How long before an appointment its parties are reminded (owner, admins)",
        opt=REMINDERS_READ_RAISES,
    )
    async def read(
        self, artist_id: FromPath[UUID], actor: Caller, notifications: NotificationsDep
    ) -> ReminderOffsetsView:
        offsets = await notifications.get_reminder_offsets(actor, ArtistId(artist_id))
        return ReminderOffsetsView.of(offsets)

    @put(
        summary="Choose the reminder offsets, in minutes (at most 4; [] turns them off)",
        opt=REMINDERS_SET_RAISES,
    )
    async def choose(
        self,
        artist_id: FromPath[UUID],
        data: JSONBody[ReminderOffsetsRequest],
        actor: Caller,
        notifications: NotificationsDep,
    ) -> ReminderOffsetsView:
        offsets = await notifications.set_reminder_offsets(
            actor, ArtistId(artist_id), data.offsets_minutes
        )
        return ReminderOffsetsView.of(offsets)


class AdminNotificationsController(AdminOnly, context="notifications"):
    path = "/admin/notifications"
    tags = ["notifications", "admin"]

    @get(
        "/failed",
        summary="Notifications that failed for good, newest first (admins)",
        opt=FAILED_RAISES,
    )
    async def failed(
        self,
        actor: Caller,
        notifications: NotificationsDep,
        page: Page = 1,
        page_size: PageSize = 20,
    ) -> FailedNotificationPage:
        found = await notifications.list_failed_notifications(actor, PageRequest(page, page_size))
        return FailedNotificationPage.of(found, FailedNotificationView.of)

    @post(
        "/{notification_id:uuid}/retry",
        status_code=HTTP_202_ACCEPTED,
        summary="Send a failed notification again (admins)",
        opt=RETRY_RAISES,
    )
    async def retry(
        self, notification_id: FromPath[UUID], actor: Caller, notifications: NotificationsDep
    ) -> FailedNotificationView:
        again = await notifications.retry_notification(actor, NotificationId(notification_id))
        return FailedNotificationView.of(again)


class BookingMessagesController(SignedIn, context="notifications"):
    path = "/bookings/{booking_id:uuid}/messages"
    tags = ["notifications", "bookings"]

    @get(
        summary="What the platform sent about a booking (its artist, admins; its customer: "
        "their own)",
        opt=MESSAGES_RAISES,
    )
    async def messages(
        self, booking_id: FromPath[UUID], actor: Caller, notifications: NotificationsDep
    ) -> SentMessagesView:
        found = await notifications.list_booking_messages(actor, BookingId(booking_id))
        return SentMessagesView(items=[SentMessageView.of(m) for m in found])
