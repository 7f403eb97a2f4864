"""The in-app inbox: a user reads their own items, counts the unread, marks them read."""

from __future__ import annotations

from booking_domain.notifications.errors import NotificationNotFoundError
from booking_domain.notifications.inbox import InboxItem
from booking_domain.notifications.notifications import NotificationId
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


class ListInbox(UseCase[NotificationsDeps]):
    async def __call__(
        self, actor: Actor, page: PageRequest, *, unread_only: bool = False
    ) -> tuple[Page[InboxItem], int]:
        """The actor's items, newest first, and how many are unread."""
        async with self._deps.uow(read_only=True) as uow:
            items = await uow.inbox.page(actor.user_id, page, unread_only=unread_only)
            unread = await uow.inbox.unread_count(actor.user_id)
        return items, unread


class CountUnread(UseCase[NotificationsDeps]):
    async def __call__(self, actor: Actor) -> int:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.inbox.unread_count(actor.user_id)


class MarkRead(UseCase[NotificationsDeps]):
    """Mark one of the actor's own items read (anyone else's is "not found")."""

    async def __call__(self, actor: Actor, item_id: NotificationId) -> InboxItem:
        async with self._deps.uow() as uow:
            item = await uow.inbox.mark_read(actor.user_id, item_id, self._deps.clock.now())
            if item is None:
                raise NotificationNotFoundError()
            await uow.commit()
        return item


class MarkAllRead(UseCase[NotificationsDeps]):
    async def __call__(self, actor: Actor) -> int:
        async with self._deps.uow() as uow:
            marked = await uow.inbox.mark_all_read(actor.user_id, self._deps.clock.now())
            await uow.commit()
        return marked
