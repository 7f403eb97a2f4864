"""A waitlist offer answered from Telegram (docs/telegram.md, "Buttons"): **Take this
time** and **Decline the offer** (asked first) under the ``booking.offered`` message run the
waitlist's own answer (``answer_offer``, what ``POST /waitlist/offers/{id}/accept`` and
``/decline`` run) as the chat's account: its access rule (anyone but the offer's customer:
not found), its refusals (too late, answered already) and its lock order (the entry, then
the booking: so the booking is not locked here first, as the other buttons lock it)."""

from __future__ import annotations

from datetime import datetime

from booking_domain.notifications import KeyAction, Keyboard, asking
from booking_domain.shared.identity import Actor
from booking_domain.telegram.conversation import Press
from booking_domain.telegram.ports import TelegramUnitOfWork
from booking_domain.telegram.replies import Notice, Rebutton, Reply, Say
from booking_domain.telegram.use_cases.pressing import keyboard_of, party_of
from booking_domain.waitlist import answer_offer, check_answer


async def press_offer(
    uow: TelegramUnitOfWork,
    actor: Actor,
    pressed: Press,
    message_id: int | None,
    now: datetime,
    app_url: str,
) -> list[Reply]:
    """What the press does to the offer, and the notice and buttons that answer it.
    Refusals raise the waitlist's and bookings' errors (the caller answers them)."""
    if pressed.action is KeyAction.DECLINE_OFFER:
        booking = await check_answer(uow, actor, pressed.booking_id, now)
        notice = Notice(Say.ASK_DECLINE_OFFER, booking.reference)
        return _with_buttons(notice, message_id, asking(pressed.action, booking.id))
    accept = pressed.action is KeyAction.TAKE_OFFER
    answered = await answer_offer(uow, actor, pressed.booking_id, accept=accept, now=now)
    booking = answered.booking
    notice = Notice(Say.OFFER_TAKEN if accept else Say.OFFER_DECLINED, booking.reference)
    party = party_of(booking, actor)
    return _with_buttons(
        notice, message_id, await keyboard_of(uow, booking.id, party, now, app_url)
    )


def _with_buttons(notice: Notice, message_id: int | None, keyboard: Keyboard) -> list[Reply]:
    return [notice] if message_id is None else [notice, Rebutton(message_id, keyboard)]
