"""What the bot does about an update, inside the unit of work of the job that handles it:
the chat's account acts as it would in the app (``conversation`` decides what is asked;
``pressing`` acts on bookings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.accounts import User
from booking_domain.bookings import BookingStatus, booking_filter
from booking_domain.notifications import TelegramChat, link_chat
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import PageRequest
from booking_domain.telegram.conversation import Ask, Intent, Link, Press, chat_after, decide
from booking_domain.telegram.ports import TelegramUnitOfWork
from booking_domain.telegram.replies import Card, Notice, Reply, Say, Text, Upcoming
from booking_domain.telegram.updates import Update
from booking_domain.telegram.use_cases.deps import TelegramDeps
from booking_domain.telegram.use_cases.offers import press_offer
from booking_domain.telegram.use_cases.pressing import keyboard_of, party_of, press

LIST_SIZE = 5  # /bookings: the next five, and how many there are in all
_OPEN = (BookingStatus.PENDING, BookingStatus.CONFIRMED)
_SIMPLE = {
    Ask.HOW_TO_LINK: Say.HOW_TO_LINK,
    Ask.HELP: Say.HELP,
}


@dataclass(frozen=True, slots=True)
class Turn:
    """An update, the chat's link and the account that acts (None: the chat is not
    linked, or its account may not act: closed, disabled, locked by an operator)."""

    update: Update
    chat: TelegramChat | None
    user: User | None
    now: datetime

    @property
    def actor(self) -> Actor | None:
        return None if self.user is None else Actor(self.user.id, self.user.role)

    @property
    def locale(self) -> str:
        return self.update.locale if self.user is None else self.user.locale

    @property
    def intent(self) -> Intent:
        return decide(self.update, linked=self.actor is not None)


async def open_turn(uow: TelegramUnitOfWork, update: Update, now: datetime) -> Turn:
    chat = await uow.telegram_chats.of_chat(update.chat_id)
    user = None if chat is None else await uow.users.get(chat.user_id)
    if user is not None and not _may_act(user, now):
        user = None
    return Turn(update, chat, user, now)


def _may_act(user: User, now: datetime) -> bool:
    locked = user.locked_until is not None and user.locked_until > now
    return not (user.disabled or locked or user.deleted_at is not None)


@dataclass(frozen=True, slots=True)
class Answer:
    replies: tuple[Reply, ...]
    locale: str  # the linked account's language (after a link: the new account's)


async def follow_chat(uow: TelegramUnitOfWork, turn: Turn) -> None:
    """The chat's link as the update leaves it (``conversation.chat_after``: off when the
    bot is blocked, unlinked by ``/stop``, on again after anything else the person does),
    whether what the update asks goes through or is refused."""
    chat = turn.chat
    after = chat_after(chat, turn.intent, turn.now)
    if chat is not None and after is None:
        await uow.telegram_chats.remove_chat(chat.chat_id)
    elif after is not None and after != chat:
        await uow.telegram_chats.put(after)


async def act(uow: TelegramUnitOfWork, deps: TelegramDeps, turn: Turn) -> Answer:
    """Do what the update asks; what to reply."""
    intent = turn.intent
    await follow_chat(uow, turn)
    if isinstance(intent, Link):
        return await _link(uow, deps, turn, intent)
    if isinstance(intent, Press):
        return Answer(tuple(await _press(uow, deps, turn, intent)), turn.locale)
    return Answer(tuple(await _ask(uow, turn, intent, deps.app_url)), turn.locale)


async def _ask(uow: TelegramUnitOfWork, turn: Turn, ask: Ask, app_url: str) -> list[Reply]:
    if ask in _SIMPLE:
        return [Text(_SIMPLE[ask])]
    if ask is Ask.GREET:
        return [Text(Say.WELCOME_BACK, None if turn.user is None else turn.user.name)]
    if ask is Ask.UNLINK:
        return [Text(Say.UNLINKED)]
    if ask is Ask.LINK_FIRST or ask is Ask.STALE:
        return [Notice(Say.LINK_FIRST if ask is Ask.LINK_FIRST else Say.STALE)]
    if ask in (Ask.UPCOMING, Ask.NEXT) and turn.actor is not None:
        return [await _upcoming(uow, turn.actor, turn.now, ask is Ask.NEXT, app_url)]
    return []


async def _link(uow: TelegramUnitOfWork, deps: TelegramDeps, turn: Turn, link: Link) -> Answer:
    """``/start <token>``: the chat linked to the account the token was given to (an
    account closed since has had its tokens taken away: ``privacy``)."""
    update = turn.update
    chat = await link_chat(uow, deps.digest, link.token, update.chat_id, update.username, turn.now)
    user = None if chat is None else await uow.users.get(chat.user_id)
    if user is None:
        return Answer((Text(Say.LINK_FAILED),), turn.locale)
    return Answer((Text(Say.LINKED, user.name),), user.locale)


async def _press(
    uow: TelegramUnitOfWork, deps: TelegramDeps, turn: Turn, intent: Press
) -> list[Reply]:
    assert turn.actor is not None  # decide() presses for linked chats only
    message_id = turn.update.message_id
    act_on = press_offer if intent.action.answers_offer else press  # the waitlist's answer
    return await act_on(uow, turn.actor, intent, message_id, turn.now, deps.app_url)


async def _upcoming(
    uow: TelegramUnitOfWork, actor: Actor, now: datetime, only_next: bool, app_url: str
) -> Reply:
    """The account's pending and confirmed bookings from now on, soonest first, as the
    API's list shows them to it (``booking_filter``: the same access rule)."""
    where = booking_filter(actor, statuses=_OPEN, starts_from=now, soonest_first=True)
    page = await uow.bookings.list(where, PageRequest(1, 1 if only_next else LIST_SIZE))
    found = await uow.notification_context.bookings([b.id for b in page.items])
    facts = tuple(found[b.id] for b in page.items if b.id in found)
    if not facts:
        return Text(Say.NO_UPCOMING)
    if not only_next:
        return Upcoming(facts, page.total)
    booking = page.items[0]
    party = party_of(booking, actor)
    return Card(facts[0], party, await keyboard_of(uow, booking.id, party, now, app_url))
