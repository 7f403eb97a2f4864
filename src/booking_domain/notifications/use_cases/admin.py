"""What admins see of notifications: those that failed for good, and queuing one again."""

from __future__ import annotations

from booking_domain.notifications.errors import NotificationNotFoundError
from booking_domain.notifications.notifications import (
    Notification,
    NotificationId,
    Retried,
    retried_audit_entry,
)
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise PermissionDeniedError("Only admins see failed notifications.")


class ListFailedNotifications(UseCase[NotificationsDeps]):
    async def __call__(self, actor: Actor, page: PageRequest) -> Page[Notification]:
        _require_admin(actor)
        async with self._deps.uow(read_only=True) as uow:
            return await uow.notifications.failed(page)


class RetryNotification(UseCase[NotificationsDeps]):
    """Queue a failed notification again, with a fresh schedule of attempts."""

    async def __call__(self, actor: Actor, notification_id: NotificationId) -> Notification:
        _require_admin(actor)
        async with self._deps.uow() as uow:
            current = await uow.notifications.lock(notification_id)
            if current is None:
                raise NotificationNotFoundError()
            now = self._deps.clock.now()
            again = current.apply(Retried(), now, self._deps.retries)
            if again is not current:
                await uow.notifications.update(again)
                await uow.notification_queue.enqueue([again])
                await uow.audit.record(retried_audit_entry(current, again, actor, now))
                await uow.commit()
        return again
