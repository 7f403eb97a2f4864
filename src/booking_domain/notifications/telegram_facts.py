"""The buttons a Telegram notification carries (``telegram_keyboard``'s rule), from what
the message is about as it is sent: the booking as it is now, or the tattoo request."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from booking_domain.notifications.facts import BookingFacts, MessageFacts, booking_url
from booking_domain.notifications.notifications import Notification
from booking_domain.notifications.rules import Channel
from booking_domain.notifications.telegram_keyboard import (
    BookingState,
    Keyboard,
    keyboard_for,
    link_keyboard,
)


def booking_state(facts: BookingFacts) -> BookingState:
    """What the buttons depend on, of a booking as the messages read it."""
    return BookingState(
        booking_id=facts.booking_id,
        status=facts.status,
        start=facts.start,
        awaiting_approval=facts.awaiting_approval,
        free_cancellation_notice=facts.free_cancellation_notice,
        offer_until=facts.offer_until,
    )


def with_keyboard(
    facts: MessageFacts,
    notification: Notification,
    booking: BookingFacts | None,
    app_url: str,
    now: datetime,
) -> MessageFacts:
    """A Telegram message's facts with its buttons (any other channel's as they are)."""
    if notification.channel is not Channel.TELEGRAM:
        return facts
    return replace(facts, keyboard=keyboard_of(notification, booking, facts, app_url, now))


def keyboard_of(
    notification: Notification,
    booking: BookingFacts | None,
    facts: MessageFacts,
    app_url: str,
    now: datetime,
) -> Keyboard:
    """By the booking as it is now, for the party told; a tattoo request's message opens
    the request."""
    if booking is not None:
        url = booking_url(app_url, booking.booking_id)
        return keyboard_for(notification.party, booking_state(booking), now, url)
    return () if facts.request is None else link_keyboard(facts.request.link)
