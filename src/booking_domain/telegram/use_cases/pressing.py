"""A button pressed under one of the bot's messages (docs/telegram.md, "Buttons"): its
action runs as the chat's account, on a booking ``load_visible`` shows that account,
through the bookings' own change (``change_booking_status``, what ``PATCH /bookings/{id}``
runs); the notice says what happened and the buttons follow the booking as it is now.
Cancel and Decline ask first (``asking``), telling what the cancellation policy would
refund or keep."""

from __future__ import annotations

from datetime import datetime

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    cancellation_refund,
    change_booking_status,
    load_visible,
)
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.notifications import (
    KeyAction,
    Keyboard,
    Party,
    asking,
    booking_state,
    booking_url,
    keyboard_for,
)
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money
from booking_domain.telegram.conversation import Press
from booking_domain.telegram.ports import TelegramUnitOfWork
from booking_domain.telegram.replies import Notice, Rebutton, Reply, Say

_OPEN = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})
_ASKS = {KeyAction.CANCEL: Say.ASK_CANCEL, KeyAction.DECLINE: Say.ASK_DECLINE}
_SURE = {KeyAction.CANCEL_SURE: Say.CANCELLED, KeyAction.DECLINE_SURE: Say.DECLINED}


async def press(
    uow: TelegramUnitOfWork,
    actor: Actor,
    pressed: Press,
    message_id: int | None,
    now: datetime,
    app_url: str,
) -> list[Reply]:
    """What the press does, and the notice and buttons that answer it. Refusals raise the
    bookings' errors (the caller answers them: ``refusal``). An answer to a waitlist offer
    is not pressed here (``offers.press_offer``)."""
    booking = await load_visible(uow, pressed.booking_id, actor, for_update=True)
    party = party_of(booking, actor)
    action = pressed.action
    notice: Notice
    if action in _ASKS:
        notice = await _ask(uow, booking, actor, action, now)
        keyboard = asking(action, booking.id)
    else:
        notice = await _do(uow, booking, actor, action, now)
        keyboard = await keyboard_of(uow, booking.id, party, now, app_url)
    replies: list[Reply] = [notice]
    if message_id is not None:
        replies.append(Rebutton(message_id, keyboard))
    return replies


async def _ask(
    uow: TelegramUnitOfWork, booking: Booking, actor: Actor, action: KeyAction, now: datetime
) -> Notice:
    if booking.status not in _OPEN:
        raise InvalidTransitionError()
    if action is KeyAction.DECLINE:
        if not _awaits_approval(booking):
            raise InvalidTransitionError()
        return Notice(Say.ASK_DECLINE, booking.reference)
    role = booking.role_of(actor)
    if booking.platform_refundable.is_zero or role is Role.ADMIN or role is None:
        return Notice(Say.ASK_CANCEL, booking.reference)
    artist = await uow.artists.get(booking.artist_id)
    if artist is None:
        raise ArtistNotFoundError()
    refund = cancellation_refund(booking, role, now, artist.policy)
    return Notice(Say.ASK_CANCEL, booking.reference, refund, booking.platform_refundable - refund)


async def _do(
    uow: TelegramUnitOfWork, booking: Booking, actor: Actor, action: KeyAction, now: datetime
) -> Notice:
    if action is KeyAction.KEEP:
        return Notice(Say.KEPT, booking.reference)
    if action is KeyAction.CONFIRM:
        await change_booking_status(uow, actor, booking.id, BookingStatus.CONFIRMED, now)
        return Notice(Say.CONFIRMED, booking.reference)
    if action is KeyAction.DECLINE_SURE and not _awaits_approval(booking):
        raise InvalidTransitionError()
    refundable = booking.platform_refundable
    changed = await change_booking_status(uow, actor, booking.id, BookingStatus.CANCELLED, now)
    owed: Money = changed.refund_due - booking.refund_due
    if refundable.is_zero:
        return Notice(_SURE[action], booking.reference)
    return Notice(_SURE[action], booking.reference, owed, refundable - owed)


def _awaits_approval(booking: Booking) -> bool:
    return (
        booking.status is BookingStatus.PENDING
        and booking.requires_approval
        and not booking.approved
    )


def party_of(booking: Booking, actor: Actor) -> Party | None:
    """The actor's part in the booking as the buttons know it (None: an admin)."""
    role = booking.role_of(actor)
    if role is Role.CUSTOMER:
        return Party.CUSTOMER
    return Party.ARTIST if role is Role.ARTIST else None


async def keyboard_of(
    uow: TelegramUnitOfWork, booking_id: BookingId, party: Party | None, now: datetime, app_url: str
) -> Keyboard:
    """The buttons that fit the booking as it is now (in this unit of work) for ``party``."""
    found = (await uow.notification_context.bookings([booking_id])).get(booking_id)
    if found is None:
        return ()
    url = booking_url(app_url, booking_id)
    return keyboard_for(party, booking_state(found), now, url)
