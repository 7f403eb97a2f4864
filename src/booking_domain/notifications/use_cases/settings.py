"""A user's per-channel choices, and an artist's reminder offsets."""

from __future__ import annotations

from collections.abc import Sequence

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.notifications.ports import NotificationContext
from booking_domain.notifications.preferences import NotificationPreferences
from booking_domain.notifications.reminders import ReminderOffsets
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


class GetPreferences(UseCase[NotificationsDeps]):
    async def __call__(self, actor: Actor) -> NotificationPreferences:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.notification_preferences.get(actor.user_id)


class UpdatePreferences(UseCase[NotificationsDeps]):
    """Turn channels on or off for non-essential messages; ``None`` leaves one as it is."""

    async def __call__(
        self,
        actor: Actor,
        *,
        email: bool | None,
        sms: bool | None,
        in_app: bool | None,
        telegram: bool | None = None,
    ) -> NotificationPreferences:
        async with self._deps.uow() as uow:
            current = await uow.notification_preferences.get(actor.user_id)
            changed = current.changed(
                self._deps.clock.now(), email=email, sms=sms, in_app=in_app, telegram=telegram
            )
            await uow.notification_preferences.put(changed)
            await uow.commit()
        return changed


class GetReminderOffsets(UseCase[NotificationsDeps]):
    """An artist's reminder offsets; their owner and admins see them."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> ReminderOffsets:
        async with self._deps.uow(read_only=True) as uow:
            await _owned(uow.notification_context, actor, artist_id)
            found = await uow.reminder_offsets.of_artists([artist_id])
        return found.get(artist_id) or ReminderOffsets(artist_id)


class SetReminderOffsets(UseCase[NotificationsDeps]):
    """The owner (or an admin) chooses the offsets; bookings confirmed or moved from now on
    are reminded by them (reminders already planned stay as planned)."""

    async def __call__(
        self, actor: Actor, artist_id: ArtistId, minutes: Sequence[int]
    ) -> ReminderOffsets:
        offsets = ReminderOffsets.chosen(artist_id, minutes, self._deps.clock.now())
        async with self._deps.uow() as uow:
            await _owned(uow.notification_context, actor, artist_id)
            await uow.reminder_offsets.put(offsets)
            await uow.commit()
        return offsets


async def _owned(context: NotificationContext, actor: Actor, artist_id: ArtistId) -> None:
    """Anyone but the owner and admins is told the artist does not exist."""
    owner = await context.artist_owner(artist_id)
    if owner is None or (owner != actor.user_id and not actor.is_admin):
        raise ArtistNotFoundError()
