"""Handling an update (the job ``inkslot:handle_telegram_update``), in the house's shape:
in one transaction, under the update's row lock, decide what it asks, act (link the chat,
cancel the booking ...) and keep the calls that answer it; after the commit, send them.

So an update acts once, however often its job runs (a second run finds it handled and only
sends what is left to send), and a refusal (a booking cancelled meanwhile) rolls back what
the action did and is answered instead. Its replies may go out twice only when a worker is
killed between Telegram's answer and the record of it; they are not worth more care.
Telegram's 429 is waited out (``retry_after``, at most ``MAX_REPLY_ATTEMPTS`` failed
rounds in all); other failures are tried again after ``REPLY_RETRIES`` and then the rest
is dropped (a reply minutes late is worth nothing); a 403 (the person blocked the bot)
switches the chat off and drops the rest.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from booking_domain.bookings import HoldExpiredError, TooLateToChangeError, load_visible
from booking_domain.notifications import Keyboard, TelegramChat
from booking_domain.shared.errors import (
    ConflictError,
    DomainError,
    GoneError,
    NotFoundError,
    RuleViolationError,
)
from booking_domain.shared.use_case import UseCase
from booking_domain.telegram.conversation import Press
from booking_domain.telegram.ports import BotApi, TelegramUnitOfWork
from booking_domain.telegram.replies import Notice, Rebutton, Reply, Say, Text
from booking_domain.telegram.updates import ReceivedUpdate
from booking_domain.telegram.use_cases.acting import Answer, Turn, act, follow_chat, open_turn
from booking_domain.telegram.use_cases.deps import TelegramDeps
from booking_domain.telegram.use_cases.pressing import keyboard_of, party_of

REPLY_RETRIES = (timedelta(seconds=2), timedelta(seconds=10), timedelta(seconds=30))
MAX_REPLY_ATTEMPTS = 5  # rounds that failed: Telegram's 429s included


class HandleTelegramUpdate(UseCase[TelegramDeps]):
    """Handle the update and send its replies; when to run again to send the rest (None:
    done, or nothing to do: unknown, handled and sent, or Telegram turned off)."""

    async def __call__(self, update_id: int) -> timedelta | None:
        api = self._deps.bot_api
        if api is None:
            return None
        stored = await self._decided(update_id)
        if stored is None or not stored.unsent:
            return None
        return await self._deliver(api, stored)

    async def _decided(self, update_id: int) -> ReceivedUpdate | None:
        async with self._deps.uow() as uow:
            stored = await uow.telegram_updates.lock(update_id)
            if stored is None or stored.handled:
                return stored
            now = self._deps.clock.now()
            turn = await open_turn(uow, stored.update, now)
            try:
                answer = await act(uow, self._deps, turn)
            except DomainError as refused:
                await uow.rollback()  # what the action did, gone; the update held again
                stored = await uow.telegram_updates.lock(update_id)
                if stored is None:
                    return None
                await follow_chat(uow, turn)  # the person did something: the chat follows
                answer = await self._refusal(uow, turn, refused)
            update = stored.update
            calls = self._deps.bot_wording.word(
                answer.replies,
                chat_id=update.chat_id,
                callback_id=update.callback_id,
                locale=answer.locale,
            )
            stored = stored.answered_by(calls, now)
            await uow.telegram_updates.save(stored)
            await uow.commit()
        return stored

    async def _refusal(self, uow: TelegramUnitOfWork, turn: Turn, refused: DomainError) -> Answer:
        """A refusal as a polite answer: a press's notice says why, and its message's
        buttons follow the booking as the account may see it now (none when it may not)."""
        say = refusal(refused)
        intent, message_id = turn.intent, turn.update.message_id
        if not isinstance(intent, Press) or turn.actor is None:
            return Answer((Text(say),), turn.locale)
        replies: list[Reply] = [Notice(say)]
        if message_id is not None:
            replies.append(Rebutton(message_id, await self._buttons_now(uow, turn, intent)))
        return Answer(tuple(replies), turn.locale)

    async def _buttons_now(self, uow: TelegramUnitOfWork, turn: Turn, intent: Press) -> Keyboard:
        assert turn.actor is not None
        try:
            booking = await load_visible(uow, intent.booking_id, turn.actor)
        except NotFoundError:
            return ()
        party = party_of(booking, turn.actor)
        return await keyboard_of(uow, booking.id, party, turn.now, self._deps.app_url)

    async def _deliver(self, api: BotApi, stored: ReceivedUpdate) -> timedelta | None:
        sent, retry, blocked = stored.sent, None, False
        for call in stored.unsent:
            outcome = await api.call(call)
            if outcome.unreachable:
                blocked = True
                break
            if not outcome.sent and not outcome.permanent:
                retry = outcome.retry_after or _backoff(stored.attempts)
                if stored.attempts + 1 >= MAX_REPLY_ATTEMPTS:
                    retry = None  # tired: the rest is dropped
                break
            sent += 1  # sent, or refused for good (dropped)
        total = len(stored.calls or ())
        if blocked or retry is None:
            sent = total  # everything sent, or the rest dropped
        progressed = stored.progressed(sent, attempted=retry is not None)
        await self._record(progressed, blocked)
        return None if sent == total else retry

    async def _record(self, update: ReceivedUpdate, blocked: bool) -> None:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            current = await uow.telegram_updates.lock(update.update.update_id)
            if current is not None:
                await uow.telegram_updates.save(update)
            if blocked:
                chat = await uow.telegram_chats.of_chat(update.update.chat_id)
                await _switch_off(uow, chat, now)
            await uow.commit()


def refusal(error: DomainError) -> Say:
    """What a refused action tells the person: by the refusal's category."""
    if isinstance(error, NotFoundError):
        return Say.STALE
    if isinstance(error, TooLateToChangeError):
        return Say.TOO_LATE
    if isinstance(error, HoldExpiredError):
        return Say.HOLD_RAN_OUT
    if isinstance(error, ConflictError | GoneError | RuleViolationError):
        return Say.NOT_NOW
    return Say.REFUSED


def _backoff(attempts: int) -> timedelta | None:
    return REPLY_RETRIES[attempts] if attempts < len(REPLY_RETRIES) else None


async def _switch_off(uow: TelegramUnitOfWork, chat: TelegramChat | None, now: datetime) -> None:
    if chat is not None and chat.reachable:
        await uow.telegram_chats.put(chat.blocked(now))
