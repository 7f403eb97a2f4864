"""Webhooks deliver the waitlist's events (docs/events.md): each ``waitlist.*`` type may be
chosen, and an admin's endpoint hears an entry's steps (a customer's entry is heard by
its customer and admins only: an artist's endpoint does not)."""

from __future__ import annotations

from uuid import uuid4

from booking_domain.shared import Actor, EventId, OutboxEvent, Role, UserId
from booking_domain.waitlist import WAITLIST_EVENT_TYPES
from booking_domain.webhooks import EVENT_TYPES, WebhookEndpoint
from tests.support.builders import START


def test_every_waitlist_event_is_delivered_to_an_admin_s_endpoint_that_chose_it() -> None:
    assert WAITLIST_EVENT_TYPES <= EVENT_TYPES
    customer = UserId(uuid4())
    admin = WebhookEndpoint.register(
        Actor(UserId(uuid4()), Role.ADMIN), "https://h.example/", sorted(WAITLIST_EVENT_TYPES),
        START,
    )  # fmt: skip
    artist = WebhookEndpoint.register(
        Actor(UserId(uuid4()), Role.ARTIST), "https://h.example/", ["*"], START
    )
    for type_ in WAITLIST_EVENT_TYPES:
        event = OutboxEvent(
            id=EventId(uuid4()), type=type_, occurred_at=START, subject=f"waitlist/{uuid4()}",
            sequence=1, data={}, audience=(customer,),
        )  # fmt: skip
        assert admin.wants(event) and not artist.wants(event)
