"""What the platform sent about a booking (``booking_domain.notifications.sent``)."""

from __future__ import annotations

from collections.abc import Mapping

from booking_domain.bookings import ClientId, load_visible
from booking_domain.notifications.facts import Recipient
from booking_domain.notifications.notifications import Notification
from booking_domain.notifications.sent import (
    MAX_MESSAGES,
    SentMessage,
    messages_for,
    sent_message,
)
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.use_case import UseCase


class ListBookingMessages(UseCase[NotificationsDeps]):
    """The messages about a booking, oldest first (at most ``MAX_MESSAGES``), each with
    its recipient's part, channel, kind, time, outcome and masked address: all of them to
    the booking's artist and admins, to its customer their own only (``messages_for``); to
    anyone else the booking does not exist (``BookingNotFoundError``). Three reads: the
    booking, its messages, their recipients' addresses (accounts and client records)."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> tuple[SentMessage, ...]:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            found = messages_for(
                actor, booking, await uow.notifications.of_booking(booking.id, MAX_MESSAGES)
            )
            context = uow.notification_context
            users = {n.recipient_id for n in found if n.recipient_id is not None}
            clients = {n.client_id for n in found if n.client_id is not None}
            people = await context.recipients(users) if users else {}
            records = await context.client_recipients(clients) if clients else {}
        return tuple(sent_message(n, _recipient(n, people, records)) for n in found)


def _recipient(
    n: Notification,
    people: Mapping[UserId, Recipient],
    records: Mapping[ClientId, Recipient],
) -> Recipient | None:
    if n.recipient_id is not None:
        return people.get(n.recipient_id)
    return None if n.client_id is None else records.get(n.client_id)
