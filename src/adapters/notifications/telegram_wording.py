"""The words of the Telegram bot, in English: its buttons, its replies to commands and the
notices its buttons show (gettext message ids, translated in the same catalogue as the
messages: ``locales/<lang>/LC_MESSAGES/messages.po``)."""

from __future__ import annotations

from adapters.notifications.wording import LABELS, N_
from booking_domain.notifications import KeyAction
from booking_domain.telegram import Say

BUTTONS = {
    KeyAction.OPEN: LABELS["manage"],
    KeyAction.RESCHEDULE: LABELS["reschedule"],
    KeyAction.CANCEL: LABELS["cancel"],
    KeyAction.CONFIRM: N_("Confirm"),
    KeyAction.DECLINE: N_("Decline"),
    KeyAction.CANCEL_SURE: N_("Yes, cancel it"),
    KeyAction.DECLINE_SURE: N_("Yes, decline it"),
    KeyAction.KEEP: N_("No, keep it"),
    KeyAction.TAKE_OFFER: N_("Take this time"),
    KeyAction.DECLINE_OFFER: N_("Decline the offer"),
    KeyAction.DECLINE_OFFER_SURE: N_("Yes, decline it"),
}
OPEN_REQUEST = LABELS["request"]

# Messages to the chat; {name} is the account's name.
SAYS = {
    Say.LINKED: N_(
        "Hello, {name}! This chat is now linked to your Inkslot account: your booking "
        "messages come here too, with buttons to act on them. /help says what I can do."
    ),
    Say.LINK_FAILED: N_(
        "This link has expired or was used already. Ask Inkslot for a new Telegram link "
        "(in the notification settings) and open it within 10 minutes."
    ),
    Say.HOW_TO_LINK: N_(
        "I tell Inkslot's customers and artists about their bookings. To get your messages "
        "here, ask Inkslot for a Telegram link in the notification settings and open it."
    ),
    Say.WELCOME_BACK: N_(
        "Welcome back, {name}! Your booking messages come to this chat. /help says what I can do."
    ),
    Say.UNLINKED: N_(
        "This chat is unlinked: your booking messages no longer come here. To link it "
        "again, ask Inkslot for a new Telegram link."
    ),
    Say.HELP: N_(
        "I tell you about your Inkslot bookings and let you act on them.\n"
        "/bookings: your upcoming bookings\n"
        "/next: the next one, with its buttons\n"
        "/stop: no more messages to this chat\n"
        "/help: this message"
    ),
    Say.NO_UPCOMING: N_("You have no upcoming bookings."),
    Say.REFUSED: N_("That could not be done."),
}

# Notices a pressed button shows (at most 200 characters); {reference} names the booking.
NOTICES = {
    Say.LINK_FIRST: N_("Link this chat to your Inkslot account first: send /start to see how."),
    Say.ASK_CANCEL: N_("Cancel booking {reference}? Press \u201cYes, cancel it\u201d to confirm."),
    Say.ASK_DECLINE: N_(
        "Decline the request {reference}? Press \u201cYes, decline it\u201d to confirm."
    ),
    Say.CONFIRMED: N_("Booking {reference} is confirmed."),
    Say.CANCELLED: N_("Booking {reference} is cancelled."),
    Say.DECLINED: N_("The request {reference} is declined."),
    Say.KEPT: N_("Nothing changed: booking {reference} stays as it is."),
    Say.STALE: N_("This button is out of date: the booking is not yours to change any more."),
    Say.TOO_LATE: N_("It is too late to change this booking here; please contact the artist."),
    Say.NOT_NOW: N_("This booking cannot be changed that way any more."),
    Say.REFUSED: N_("That could not be done."),
    Say.HOLD_RAN_OUT: N_("Too late: the time was held only until its hold ran out."),
    Say.ASK_DECLINE_OFFER: N_(
        "Decline the offer {reference}? The time goes to the next person waiting. Press "
        "\u201cYes, decline it\u201d to confirm."
    ),
    Say.OFFER_TAKEN: N_("You took this time: booking {reference} is yours."),
    Say.OFFER_DECLINED: N_("You declined the offer {reference}; the time goes to the next person."),
}
REFUND = N_("{refund} will be refunded.")
KEPT_DEPOSIT = N_("Under the cancellation policy {kept} is kept.")

UPCOMING = N_("Your upcoming bookings:")
MORE = N_("and {count} more in the app")
NEXT = N_("Your next booking")
STATUSES = {"pending": N_("waiting"), "confirmed": N_("confirmed")}


def source_messages() -> list[str]:
    """Every message id above, once each, in order."""
    found = [*BUTTONS.values(), OPEN_REQUEST, *SAYS.values(), *NOTICES.values()]
    found += [REFUND, KEPT_DEPOSIT, UPCOMING, MORE, NEXT, *STATUSES.values()]
    return list(dict.fromkeys(found))
