"""The buttons under a Telegram message about a booking: what fits the booking as it is,
for the party told (docs/telegram.md, "Buttons").

Rules:
- the artist of a request waiting for their approval gets **Confirm** and **Decline**;
- the customer of a waitlist offer waiting for their answer gets **Take this time** and
  **Decline the offer** (answered through the waitlist's own answer), and nothing else
  moves the offer until then (the artist gets no Confirm or Decline for it);
- the customer of any other pending or confirmed booking gets **Cancel**, and
  **Reschedule** while the cancellation policy still lets them move it (at least the
  free-cancellation notice before the start); the policy then decides what a
  cancellation refunds;
- every message about a booking opens it (**Open**), one about a tattoo request opens the
  request;
- Cancel, Decline and Decline the offer ask first: pressed, they turn into **Yes, cancel
  it** (or **Yes, decline it**) and **No, keep it** (``asking``);
- links (Open, Reschedule) are buttons only when the app's address is ``https``: Telegram
  opens no other; otherwise the message's text carries them.

A button's callback data is ``<action>:<booking id, 32 hex digits>`` (at most 64 bytes, as
Telegram allows): it names what to do to which booking and carries no secret. The bot checks
it when it is pressed: it acts as the account linked to the chat, through the same use case
and access rule as the API, so a button forwarded, forged or stale can do nothing that
account could not do in the app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from booking_domain.notifications.rules import Party
from booking_domain.shared.ids import BookingId

MAX_CALLBACK_DATA = 64  # bytes: Telegram's limit
_CALLBACK = re.compile(r"([a-z]+!?):([0-9a-f]{32})")
_OPEN_STATUSES = frozenset({"pending", "confirmed"})


class KeyAction(StrEnum):
    OPEN = "open"  # a link: the booking's (or the request's) page
    RESCHEDULE = "reschedule"  # a link: the booking's page, at "move"
    CONFIRM = "confirm"
    DECLINE = "decline"  # asks first
    CANCEL = "cancel"  # asks first
    DECLINE_SURE = "decline!"
    CANCEL_SURE = "cancel!"
    KEEP = "keep"  # the question answered "no": the buttons as they were
    TAKE_OFFER = "take"  # a waitlist offer taken
    DECLINE_OFFER = "refuse"  # a waitlist offer declined: asks first
    DECLINE_OFFER_SURE = "refuse!"

    @property
    def answers_offer(self) -> bool:
        """An answer to a waitlist offer (the waitlist's, not the bookings' change)."""
        return self in (KeyAction.TAKE_OFFER, KeyAction.DECLINE_OFFER, KeyAction.DECLINE_OFFER_SURE)

    @property
    def is_link(self) -> bool:
        return self in (KeyAction.OPEN, KeyAction.RESCHEDULE)


@dataclass(frozen=True, slots=True)
class Key:
    """One button: a link (``url``), or an action on a booking."""

    action: KeyAction
    booking_id: BookingId | None = None
    url: str | None = None

    @property
    def callback_data(self) -> str | None:
        if self.action.is_link or self.booking_id is None:
            return None
        return f"{self.action.value}:{self.booking_id.hex}"


Keyboard = tuple[tuple[Key, ...], ...]


@dataclass(frozen=True, slots=True)
class BookingState:
    """What the buttons depend on: the booking as it is now, and its artist's notice."""

    booking_id: BookingId
    status: str
    start: datetime
    awaiting_approval: bool  # pending until its artist approves it
    free_cancellation_notice: timedelta
    offer_until: datetime | None = None  # a waitlist offer waiting for the answer: its hold


def keyboard_for(
    party: Party | None, state: BookingState, now: datetime, booking_url: str
) -> Keyboard:
    """The buttons a message about the booking offers ``party`` at ``now`` (the module's
    rules; None, an admin, who is no party: the link only); ``booking_url``: the booking's
    page in the app."""
    links = opens_links(booking_url)
    row: tuple[Key, ...] = ()
    if party is Party.ARTIST:
        row = _artists(state)
    elif party is Party.CUSTOMER:
        row = _customers(state, now, booking_url if links else None)
    rows = [row] if row else []
    if links:
        rows.append((Key(KeyAction.OPEN, state.booking_id, booking_url),))
    return tuple(rows)


def _artists(state: BookingState) -> tuple[Key, ...]:
    """Confirm or decline a request awaiting approval (an offer is not approved before its
    customer takes it)."""
    if state.status != "pending" or not state.awaiting_approval or state.offer_until:
        return ()
    return (Key(KeyAction.CONFIRM, state.booking_id), Key(KeyAction.DECLINE, state.booking_id))


def _customers(state: BookingState, now: datetime, booking_url: str | None) -> tuple[Key, ...]:
    """An offer: take it or decline it while it is held (then nothing: the hold sweep ends
    it). Any other open booking: cancel it, and move it while the policy lets them."""
    if state.status not in _OPEN_STATUSES:
        return ()
    if state.offer_until is not None and state.status == "pending":
        if now >= state.offer_until:
            return ()
        return (
            Key(KeyAction.TAKE_OFFER, state.booking_id),
            Key(KeyAction.DECLINE_OFFER, state.booking_id),
        )
    cancel = Key(KeyAction.CANCEL, state.booking_id)
    if booking_url is None or state.start - now < state.free_cancellation_notice:
        return (cancel,)
    return (cancel, Key(KeyAction.RESCHEDULE, state.booking_id, f"{booking_url}/reschedule"))


def link_keyboard(url: str) -> Keyboard:
    """A message about something other than a booking (a tattoo request): open it."""
    return ((Key(KeyAction.OPEN, url=url),),) if opens_links(url) else ()


_SURE = {
    KeyAction.DECLINE_OFFER: KeyAction.DECLINE_OFFER_SURE,
    KeyAction.CANCEL: KeyAction.CANCEL_SURE,
}


def asking(action: KeyAction, booking_id: BookingId) -> Keyboard:
    """The question a Cancel, Decline or Decline the offer press puts: yes, or keep the
    booking (or the offer) as it is."""
    sure = _SURE.get(action, KeyAction.DECLINE_SURE)
    return ((Key(sure, booking_id), Key(KeyAction.KEEP, booking_id)),)


def opens_links(url: str) -> bool:
    """Telegram's link buttons open ``https`` addresses only."""
    return url.startswith("https://")


def read_callback(data: str) -> tuple[KeyAction, BookingId] | None:
    """The action and booking a button's callback data names (None: no button of ours)."""
    found = _CALLBACK.fullmatch(data) if len(data) <= MAX_CALLBACK_DATA else None
    if found is None:
        return None
    try:
        action = KeyAction(found.group(1))
    except ValueError:
        return None
    if action.is_link:
        return None
    return action, BookingId(UUID(hex=found.group(2)))
