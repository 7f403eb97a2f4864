"""What the bot says, before it is worded (the ``BotWording`` port words it in the chat's
language, as Telegram's HTML): a message to the chat, a list of bookings, one booking with
its buttons, the notice a pressed button shows, and new buttons for a message."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from booking_domain.notifications import BookingFacts, Keyboard, Party
from booking_domain.shared.money import Money


class Say(StrEnum):
    # Messages to the chat.
    LINKED = "linked"  # the chat now gets the account's messages
    LINK_FAILED = "link_failed"  # no such token, used already, or expired
    HOW_TO_LINK = "how_to_link"
    WELCOME_BACK = "welcome_back"
    UNLINKED = "unlinked"
    HELP = "help"
    NO_UPCOMING = "no_upcoming"
    # Notices of a pressed button.
    LINK_FIRST = "link_first"
    ASK_CANCEL = "ask_cancel"  # with what a cancellation would refund, when anything was paid
    ASK_DECLINE = "ask_decline"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    KEPT = "kept"
    STALE = "stale"  # no such booking for this account, or no button of the bot's
    TOO_LATE = "too_late"  # the policy's notice has passed: the artist must be asked
    HOLD_RAN_OUT = "hold_ran_out"  # the booking's hold (a waitlist offer's too) ran out
    ASK_DECLINE_OFFER = "ask_decline_offer"
    OFFER_TAKEN = "offer_taken"
    OFFER_DECLINED = "offer_declined"
    NOT_NOW = "not_now"  # the booking is no longer in a state that allows it
    REFUSED = "refused"  # any other refusal


@dataclass(frozen=True, slots=True)
class Text:
    say: Say
    name: str | None = None  # the account's name (LINKED, WELCOME_BACK)


@dataclass(frozen=True, slots=True)
class Upcoming:
    """The next bookings, soonest first, and how many there are in all."""

    bookings: tuple[BookingFacts, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Card:
    """One booking as its party sees it, with the buttons that fit it now."""

    booking: BookingFacts
    party: Party | None  # None: an admin, who is no party
    keyboard: Keyboard


@dataclass(frozen=True, slots=True)
class Notice:
    """The notice a pressed button shows (``answerCallbackQuery``)."""

    say: Say
    reference: str | None = None
    refund: Money | None = None  # ASK_CANCEL, CANCELLED: what the policy gives back
    kept: Money | None = None  # ASK_CANCEL, CANCELLED: what the policy keeps


@dataclass(frozen=True, slots=True)
class Rebutton:
    """New buttons under the message whose button was pressed."""

    message_id: int
    keyboard: Keyboard


Reply = Text | Upcoming | Card | Notice | Rebutton
