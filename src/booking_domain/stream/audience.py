"""Who hears an event: admins every event; anyone else the events whose audience names them
(a booking's customer and artist, an artist profile's owner)."""

from __future__ import annotations

from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import OutboxEvent


def hears(actor: Actor, event: OutboxEvent) -> bool:
    return event.visible_to(actor.user_id, is_admin=actor.is_admin)


def audience_filter(actor: Actor) -> UserId | None:
    """The feed's ``for_user`` for this actor: None (everything) for admins."""
    return None if actor.is_admin else actor.user_id
