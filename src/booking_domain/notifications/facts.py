"""What a message says: the facts gathered for one notification when it is sent, and the
rule deciding whether it is sent at all.

The event's data says what changed (the booking as it was then: its times, deposit,
payments, the refund owed, who cancelled); the booking's catalogue says the rest (artist,
service and price, studio and address, time zone, cancellation notice). Times are shown in
the artist's time zone, which the message names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote_plus

from booking_domain.notifications.loyalty_facts import LoyaltyFacts, loyalty_facts
from booking_domain.notifications.notifications import Notification, SkipReason
from booking_domain.notifications.preferences import NotificationPreferences
from booking_domain.notifications.rules import AFTERCARE, REMINDER, REVIEW_REQUEST, Channel, Party
from booking_domain.notifications.telegram_keyboard import Keyboard
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import JsonValue


@dataclass(frozen=True, slots=True)
class Recipient:
    """Whom a message goes to: a user's account, or an artist's client record (no account:
    ``user_id`` and ``preferences`` are None, the email may be missing, and its language is
    its artist's)."""

    user_id: UserId | None
    name: str
    email: str | None
    phone: str | None  # E.164
    locale: str
    active: bool  # False: disabled or locked out for good
    preferences: NotificationPreferences | None  # None: a client record, which keeps none
    telegram_chat: int | None = None  # the chat with the bot, while it can be reached
    # An account's number proven by a code (``phone_codes``); a client record's number is
    # its artist's word, and the artist answers for its texts (``text_allowance``).
    phone_verified: bool = False

    @property
    def has_account(self) -> bool:
        return self.user_id is not None

    @property
    def textable_phone(self) -> bool:
        """Whether the phone may be texted as far as its owner goes: an account's only once
        proven, a client record's as its artist gave it."""
        return self.phone_verified or not self.has_account


@dataclass(frozen=True, slots=True)
class BookingFacts:
    """The booking as it is now, with its catalogue."""

    booking_id: BookingId
    reference: str
    status: str
    start: datetime
    end: datetime
    artist_name: str
    customer_name: str
    service_name: str
    price: Money
    time_zone: str
    studio_name: str | None
    address: str | None
    location: tuple[float, float] | None
    free_cancellation_notice: timedelta
    awaiting_approval: bool = False  # pending until its artist approves it
    # Its request needed the artist's approval (never changes): without it, a pending
    # request waits only for its deposit, and there is nothing for the artist to approve.
    requires_approval: bool = False
    # A waitlist offer waiting for its customer's answer: until when it is held (else None).
    offer_until: datetime | None = None
    # Read only for the messages after a session (``AfterSession``), else as here.
    after_session: AfterSession | None = None


@dataclass(frozen=True, slots=True)
class AfterSession:
    """What the messages after a session read as they are sent: the artist's aftercare
    text now (empty: none) and whether the customer has reviewed the booking."""

    aftercare_text: str
    reviewed: bool


@dataclass(frozen=True, slots=True)
class Links:
    booking: str
    reschedule: str
    cancel: str
    pay: str


@dataclass(frozen=True, slots=True)
class BookingView:
    """A booking as one message shows it."""

    reference: str
    status: str  # now, as the message is sent (a refund of a cancelled booking: cancelled)
    start: datetime
    end: datetime
    time_zone: str
    service_name: str
    artist_name: str
    customer_name: str
    studio_name: str | None
    address: str | None
    map_url: str | None
    price: Money
    deposit: Money | None
    amount_paid: Money | None
    balance: Money | None  # price less what was paid
    amount: Money | None  # this change's money: the refund owed or paid, the payment received
    cancelled_by: str | None  # customer | artist | admin | system
    reason: str | None
    free_cancellation_hours: int
    links: Links
    touch_up: bool = False  # a free touch-up of an earlier booking
    hold_until: datetime | None = None  # a pending booking's hold, as the event left it
    # A waitlist offer still waiting for its customer's answer as the event left it: its
    # expiry is a lapse, no unpaid request (an accepted offer expires as any request).
    unanswered_offer: bool = False
    asks_approval: bool = False  # the request needs its artist's approval (BookingFacts)
    awaiting_approval: bool = False  # ... and waits for it now: no deposit is due yet
    receipt_url: str | None = None  # a studio payment's receipt page (its link is its key)
    receipt: str | None = None  # ... and its number


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """A tattoo request as one message shows it: the two parties as the event named them,
    the message the change carried (its first characters), and where the app shows it."""

    artist_name: str
    customer_name: str
    message: str | None
    link: str


@dataclass(frozen=True, slots=True)
class MessageFacts:
    kind: str
    party: Party
    channel: Channel
    locale: str
    recipient_name: str
    booking: BookingView | None
    artist_name: str | None  # artist.* messages
    note: str | None  # an admin's note on an artist profile's review
    reminder_offset: timedelta | None
    stars: int | None = None  # a customer's review: its rating
    to_client: bool = False  # to an artist's client record: no account, so no app to open
    request: RequestFacts | None = None  # request.* messages
    aftercare_text: str | None = None  # the artist's own words, as written (aftercare)
    review_link: str | None = None  # where the customer reviews the booking (review request)
    keyboard: Keyboard = ()  # a Telegram message's buttons (telegram_facts.keyboard_of)
    loyalty: LoyaltyFacts | None = None  # loyalty.* messages


def skip_reason(
    notification: Notification,
    recipient: Recipient | None,
    booking: BookingFacts | None,
    now: datetime,
    texted: Callable[[str], bool] = lambda number: True,
) -> SkipReason | None:
    """Why the notification is not sent now (None: send it).

    A text goes only to a proven number (an account's; a client record's as its artist gave
    it) that ``texted`` allows (``accounts.text_reach``: a served region, no blocked range).

    A reminder is stale when its booking is no longer confirmed, no longer starts when the
    reminder was planned for, or when more than half its lead has gone by (a "2 hours
    before" reminder retried or delayed past 1 hour before the start says nothing useful,
    and one after the start would be wrong)."""
    if recipient is None or not recipient.active:
        return SkipReason.NO_RECIPIENT
    if notification.kind == REMINDER and not _reminder_still_useful(notification, booking, now):
        return SkipReason.STALE
    if notification.kind in (AFTERCARE, REVIEW_REQUEST):
        reason = _after_session_skip(notification, booking)
        if reason is not None:
            return reason
    # A client record keeps no choices: its artist gave its contacts to be told.
    preferences = recipient.preferences
    if preferences is not None and not preferences.wants(
        notification.channel, notification.category
    ):
        return SkipReason.OPTED_OUT
    if notification.channel is Channel.SMS:
        return _text_skip(recipient, texted)
    if notification.channel is Channel.EMAIL and not recipient.email:
        return SkipReason.NO_ADDRESS  # a client record given without an email
    if notification.channel is Channel.TELEGRAM and recipient.telegram_chat is None:
        return SkipReason.NO_ADDRESS  # unlinked or switched off since it was planned
    return None


def _text_skip(recipient: Recipient, texted: Callable[[str], bool]) -> SkipReason | None:
    if not recipient.phone:
        return SkipReason.NO_ADDRESS
    if not recipient.textable_phone:
        return SkipReason.UNVERIFIED_PHONE
    return None if texted(recipient.phone) else SkipReason.UNSERVED_NUMBER


def _after_session_skip(
    notification: Notification, booking: BookingFacts | None
) -> SkipReason | None:
    """A review request goes only while the booking is completed (not disputed since) and
    unreviewed; an aftercare message only while its artist has a text (whatever became of
    the booking: the session took place)."""
    after = None if booking is None else booking.after_session
    if booking is None or after is None:
        return SkipReason.STALE
    if notification.kind == REVIEW_REQUEST:
        if booking.status != "completed":
            return SkipReason.STALE
        return SkipReason.REVIEWED if after.reviewed else None
    return None if after.aftercare_text else SkipReason.NO_TEXT


def _reminder_still_useful(
    notification: Notification, booking: BookingFacts | None, now: datetime
) -> bool:
    start = notification.reminder_for
    if booking is None or start is None:
        return False
    if booking.status != "confirmed" or booking.start != start:
        return False
    lead = start - notification.send_at
    return now < start - lead / 2


def facts_for(
    notification: Notification,
    recipient: Recipient,
    booking: BookingFacts | None,
    app_url: str,
    now: datetime,
) -> MessageFacts:
    artist = _part(notification.data, "artist")
    reminder_offset = None
    if notification.reminder_for is not None:  # how long from now, as the message is sent
        reminder_offset = notification.reminder_for - now
    note = _text(artist, "reviewNote") if notification.kind in _WITH_NOTE else None
    return MessageFacts(
        kind=notification.kind,
        party=notification.party,
        channel=notification.channel,
        locale=recipient.locale,
        recipient_name=recipient.name,
        booking=None if booking is None else _view(notification.data, booking, app_url),
        artist_name=_text(artist, "displayName"),
        note=note,
        reminder_offset=reminder_offset,
        stars=_stars(notification.data),
        to_client=not recipient.has_account,
        request=_request(notification.data, app_url),
        aftercare_text=_aftercare_text(notification, booking),
        review_link=_review_link(notification, app_url),
        loyalty=loyalty_facts(notification.data, app_url),
    )


def _aftercare_text(notification: Notification, booking: BookingFacts | None) -> str | None:
    after = None if booking is None else booking.after_session
    return after.aftercare_text if notification.kind == AFTERCARE and after else None


def _review_link(notification: Notification, app_url: str) -> str | None:
    if notification.kind != REVIEW_REQUEST or notification.booking_id is None:
        return None
    return f"{booking_url(app_url, notification.booking_id)}/review"


def _request(data: Mapping[str, JsonValue], app_url: str) -> RequestFacts | None:
    request = _part(data, "request")
    request_id = _text(request, "id")
    if request_id is None:
        return None
    message = _part(_part(data, "change"), "message")
    return RequestFacts(
        artist_name=_text(request, "artistName") or "",
        customer_name=_text(request, "customerName") or "",
        message=_text(message, "preview"),
        link=request_url(app_url, request_id),
    )


def request_url(app_url: str, request_id: str) -> str:
    """Where the web app shows a tattoo request."""
    return f"{app_url.rstrip('/')}/requests/{request_id}"


def link_of(notification: Notification, app_url: str) -> str | None:
    """What an inbox item opens: its booking, its tattoo request, or one's points (None:
    none of them)."""
    if notification.booking_id is not None:
        return booking_url(app_url, notification.booking_id)
    request = _request(notification.data, app_url)
    if request is not None:
        return request.link
    loyalty = loyalty_facts(notification.data, app_url)
    return None if loyalty is None else loyalty.link


def _stars(data: Mapping[str, JsonValue]) -> int | None:
    rating = _part(data, "review").get("rating")
    return rating if isinstance(rating, int) else None


# An admin's note belongs to a refusal; approving later does not repeat an old one.
_WITH_NOTE = frozenset({"artist.rejected", "artist.suspended"})


def _view(data: Mapping[str, JsonValue], facts: BookingFacts, app_url: str) -> BookingView:
    snapshot, change = _part(data, "booking"), _part(data, "change")
    start = _instant(snapshot, "start") or facts.start
    paid = _money(snapshot, "amountPaid")
    balance = None
    if paid is not None and paid.currency == facts.price.currency:
        balance = Money(max(0, facts.price.amount - paid.amount), paid.currency)
    actor = change.get("actor")
    cancelled_by = None
    if isinstance(actor, Mapping) and isinstance(actor.get("role"), str):
        cancelled_by = str(actor["role"])
    elif change.get("kind") in ("cancelled", "expired"):
        cancelled_by = "system"
    base = booking_url(app_url, facts.booking_id)
    payment = _part(data, "payment")  # a payment taken in the studio: its receipt
    amount = (
        _money(change, "amount")
        or _money(_part(data, "refund"), "amount")
        or _money(payment, "amount")
    )
    return BookingView(
        reference=facts.reference,
        status=facts.status,
        start=start,
        end=_instant(snapshot, "end") or facts.end,
        time_zone=facts.time_zone,
        service_name=facts.service_name,
        artist_name=facts.artist_name,
        customer_name=facts.customer_name,
        studio_name=facts.studio_name,
        address=facts.address,
        map_url=_map_url(facts),
        price=facts.price,
        deposit=_money(snapshot, "deposit"),
        amount_paid=paid,
        balance=balance,
        amount=amount,
        cancelled_by=cancelled_by,
        reason=_text(change, "reason"),
        free_cancellation_hours=int(facts.free_cancellation_notice.total_seconds()) // 3600,
        links=Links(base, f"{base}/reschedule", f"{base}/cancel", f"{base}/pay"),
        touch_up=_text(snapshot, "touchUpOf") is not None,
        hold_until=_instant(snapshot, "holdExpiresAt"),
        unanswered_offer=_text(snapshot, "offer") == "offered",
        asks_approval=facts.requires_approval,
        awaiting_approval=facts.awaiting_approval,
        receipt_url=_text(payment, "receiptUrl"),
        receipt=_text(payment, "receipt"),
    )


def booking_url(app_url: str, booking_id: BookingId) -> str:
    """Where the web app shows a booking (messages and inbox items link to it)."""
    return f"{app_url.rstrip('/')}/bookings/{booking_id}"


def _map_url(facts: BookingFacts) -> str | None:
    if facts.location is not None:
        lat, lng = facts.location
        return f"https://www.google.com/maps/search/?api=1&query={lat:.6f},{lng:.6f}"
    if facts.address:
        return f"https://www.google.com/maps/search/?api=1&query={quote_plus(facts.address)}"
    return None


def _part(data: Mapping[str, JsonValue], name: str) -> Mapping[str, JsonValue]:
    part = data.get(name)
    return part if isinstance(part, Mapping) else {}


def _text(part: Mapping[str, JsonValue], name: str) -> str | None:
    value = part.get(name)
    return value if isinstance(value, str) and value else None


def _instant(part: Mapping[str, JsonValue], name: str) -> datetime | None:
    value = part.get(name)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _money(part: Mapping[str, JsonValue], name: str) -> Money | None:
    value = part.get(name)
    if not isinstance(value, Mapping):
        return None
    amount, currency = value.get("amount"), value.get("currency")
    if not isinstance(amount, int) or not isinstance(currency, str):
        return None
    return Money(amount, currency)
