"""What is said to whom on which channel: the table behind docs/notifications.md.

Each event type names the parties it tells and on which channels. The parties of a booking's
(and its payments' and refunds') events are its customer and its artist, in the event's
``audience`` in that order; an artist profile's events tell its owner.

Categories decide who may opt out (docs/product.md, "8. What is said to whom", as written in
docs/notifications.md): ``booking`` updates and ``reminder``s follow each user's per-channel
choices; ``payment`` and ``account`` messages always go (money and access matter more than
a quiet inbox). Text messages cost money and interrupt: they go only where time matters
(a request waiting for the artist, a deposit to pay now, a confirmed, moved or cancelled
appointment, a reminder).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    IN_APP = "in_app"
    # Derived, never written in the table: every line that tells an account in the app
    # also tells it on Telegram when it has a chat with the bot (``planning.channels_of``).
    TELEGRAM = "telegram"


class Category(StrEnum):
    BOOKING = "booking"  # status updates: follow the user's per-channel choices
    REMINDER = "reminder"  # before an appointment: follow the user's choices
    PAYMENT = "payment"  # invoices, receipts, refunds: always sent
    ACCOUNT = "account"  # an artist profile approved, rejected, suspended: always sent

    @property
    def essential(self) -> bool:
        return self in (Category.PAYMENT, Category.ACCOUNT)


class Party(StrEnum):
    CUSTOMER = "customer"
    ARTIST = "artist"
    OWNER = "owner"  # the owner of an artist profile (artist.* events)


ALL = (Channel.EMAIL, Channel.SMS, Channel.IN_APP)
# An artist's client record (a walk-in or phone client) plays the customer's part of the
# table with no account: it hears on its phone and its email, never in an inbox.
CLIENT_CHANNELS = frozenset({Channel.EMAIL, Channel.SMS})
MAIL_AND_INBOX = (Channel.EMAIL, Channel.IN_APP)
INBOX = (Channel.IN_APP,)


@dataclass(frozen=True, slots=True)
class Tell:
    """One line of the table: ``party`` hears the event on ``channels``."""

    party: Party
    channels: tuple[Channel, ...]
    category: Category


@dataclass(frozen=True, slots=True)
class Rule:
    """``tells``: who hears the event; with ``not_the_actor``, a party is not told of their
    own change (a message in a request's thread goes to the other party only)."""

    event_type: str
    tells: tuple[Tell, ...]
    not_the_actor: bool = False


C, A, OWN = Party.CUSTOMER, Party.ARTIST, Party.OWNER
B, P, ACC = Category.BOOKING, Category.PAYMENT, Category.ACCOUNT

RULES: dict[str, Rule] = {
    rule.event_type: rule
    for rule in (
        Rule("booking.requested", (Tell(A, ALL, B), Tell(C, MAIL_AND_INBOX, B))),
        Rule("booking.approved", (Tell(C, ALL, P),)),  # a deposit to pay now
        # The artist booked a customer in, for the deposit (without one it is confirmed).
        Rule("booking.booked", (Tell(C, ALL, P),)),
        Rule("booking.invoiced", (Tell(C, MAIL_AND_INBOX, P),)),
        Rule("booking.confirmed", (Tell(C, ALL, B), Tell(A, MAIL_AND_INBOX, B))),
        Rule("booking.rescheduled", (Tell(C, ALL, B), Tell(A, ALL, B))),
        Rule("booking.cancelled", (Tell(C, ALL, P), Tell(A, ALL, B))),
        Rule("booking.expired", (Tell(C, MAIL_AND_INBOX, B), Tell(A, INBOX, B))),
        Rule("booking.completed", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("booking.no_show", (Tell(C, MAIL_AND_INBOX, B),)),
        # Either party adds ideas; the other hears of it, never the author.
        Rule(
            "booking.idea_added",
            (Tell(C, INBOX, B), Tell(A, MAIL_AND_INBOX, B)),
            not_the_actor=True,
        ),
        Rule("booking.payment_recorded", (Tell(C, MAIL_AND_INBOX, P),)),
        # After the session: the balance asked (as booking.invoiced for the deposit), paid.
        Rule("booking.balance_invoiced", (Tell(C, MAIL_AND_INBOX, P),)),
        Rule("booking.balance_paid", (Tell(C, MAIL_AND_INBOX, P), Tell(A, INBOX, P))),
        # ... or nothing was left to pay (the artist settled it): the customer hears it.
        Rule("booking.paid_in_full", (Tell(C, MAIL_AND_INBOX, P),)),
        # The waitlist: a freed time held for a waiting customer (text: it lasts minutes);
        # their acceptance (confirmed at once: booking.confirmed, the artist told there).
        Rule("booking.offered", (Tell(C, ALL, B),)),
        Rule("booking.offer_accepted", (Tell(C, MAIL_AND_INBOX, P), Tell(A, INBOX, B))),
        Rule("booking.disputed", (Tell(C, MAIL_AND_INBOX, B), Tell(A, MAIL_AND_INBOX, B))),
        Rule("booking.dispute_resolved", (Tell(C, MAIL_AND_INBOX, P), Tell(A, MAIL_AND_INBOX, P))),
        Rule("refund.completed", (Tell(C, MAIL_AND_INBOX, P),)),
        # A payment taken in the studio: its receipt's link (the booking's own
        # booking.balance_paid is then not mailed to the customer: ``planning``).
        Rule("payment.studio_recorded", (Tell(C, MAIL_AND_INBOX, P),)),
        Rule("refund.settled", (Tell(C, MAIL_AND_INBOX, P),)),
        Rule("review.created", (Tell(A, MAIL_AND_INBOX, B),)),
        Rule("review.replied", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("artist.approved", (Tell(OWN, MAIL_AND_INBOX, ACC),)),
        Rule("artist.rejected", (Tell(OWN, MAIL_AND_INBOX, ACC),)),
        Rule("artist.suspended", (Tell(OWN, MAIL_AND_INBOX, ACC),)),
        Rule("artist.reinstated", (Tell(OWN, MAIL_AND_INBOX, ACC),)),
        # Tattoo requests (commissions): each step is told to the other party.
        Rule("request.sent", (Tell(A, MAIL_AND_INBOX, B),)),
        Rule("request.accepted", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("request.declined", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("request.withdrawn", (Tell(A, MAIL_AND_INBOX, B),)),
        Rule("request.quoted", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("request.quote_accepted", (Tell(A, MAIL_AND_INBOX, B),)),
        Rule(
            "request.project_cancelled",
            (Tell(C, MAIL_AND_INBOX, B), Tell(A, MAIL_AND_INBOX, B)),
            not_the_actor=True,
        ),
        Rule(
            "request.message_posted",
            (Tell(C, MAIL_AND_INBOX, B), Tell(A, MAIL_AND_INBOX, B)),
            not_the_actor=True,
        ),
        # Consent forms (consent): the artist hears that the customer signed.
        Rule("consent.signed", (Tell(A, MAIL_AND_INBOX, B),)),
        # Loyalty (docs/loyalty.md): the customer (the account's audience) hears of points
        # earned, and in the inbox of points taken back and expired; redeeming and
        # releasing are the customer's own invoice's doing, told by the invoice.
        Rule("loyalty.points_earned", (Tell(C, MAIL_AND_INBOX, B),)),
        Rule("loyalty.points_reversed", (Tell(C, INBOX, B),)),
        Rule("loyalty.points_expired", (Tell(C, INBOX, B),)),
    )
}

# Not in the table, deliberately: booking.offer_declined (the customer's own answer; the
# time goes to the next in line, who is told), waitlist.* (a customer's own steps, or told
# through the offer's booking), payment.received (the booking's own event says what the
# payment did: booking.confirmed, or booking.payment_recorded for money owed back),
# refund.requested and refund.awaiting_settlement (steps the customer need not act on; the
# refund's completion or settlement is told), artist.submitted (admins review in the API),
# consent.id_checked (the artist or an admin recorded it at the studio).

REMINDER = "booking.reminder"
REMINDER_TELLS = (Tell(C, ALL, Category.REMINDER), Tell(A, INBOX, Category.REMINDER))
# Reminders are planned when a booking becomes confirmed or moves while confirmed.
REMINDER_TRIGGERS = frozenset({"booking.confirmed", "booking.rescheduled"})

# After a session (docs/aftercare.md): when a booking is completed (or a dispute resolved as
# completed), its customer is sent the artist's aftercare text and a review request, each at
# the artist's delay after the change. Client records get the aftercare by email only (the
# table's channels they have), and no review request: they have no account to review with.
AFTERCARE = "booking.aftercare"
REVIEW_REQUEST = "booking.review_request"
AFTERCARE_TELLS = (Tell(C, MAIL_AND_INBOX, B),)
REVIEW_REQUEST_TELLS = (Tell(C, MAIL_AND_INBOX, B),)
AFTER_SESSION_TRIGGERS = frozenset({"booking.completed", "booking.dispute_resolved"})

# Messages planned for a moment later than their change: each moment's job waits for it.
SCHEDULED = frozenset({REMINDER, AFTERCARE, REVIEW_REQUEST})

# The customer of a booked or confirmed booking whose artist requires a consent form, not
# signed yet, is asked to sign it, once per booking (docs/consent.md); a client record's
# booking is signed in person at the studio, so its client is not asked.
CONSENT_REQUEST = "consent.requested"
CONSENT_REQUEST_TELLS = (Tell(C, MAIL_AND_INBOX, B),)
CONSENT_REQUEST_TRIGGERS = frozenset({"booking.booked", "booking.confirmed"})

KINDS = frozenset(RULES) | SCHEDULED | {CONSENT_REQUEST}
"""Every message kind: the renderer has a message for each, in every language."""
