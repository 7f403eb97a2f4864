"""The words of every message, in English: gettext message ids (``locales/<lang>/...``
holds the translations). Placeholders are ``{named}``; a translation keeps the same names.

``N_`` only marks a string for extraction (``pybabel extract -k N_``); it returns it as is.
"""

from __future__ import annotations


def N_(message: str) -> str:
    return message


# (kind, party) -> (title, lead). The party "self" / "other" / "admin" / "system" variants of
# a cancellation are chosen by who cancelled, "customer/client" is the customer's part told
# to an artist's client record where it must differ (see rendering._lead_key).
MESSAGES: dict[tuple[str, str], tuple[str, str]] = {
    ("booking.requested", "artist"): (
        N_("New booking request {reference}"),
        N_("{customer} asked for {service} on {when}. Approve or decline it in the app."),
    ),
    # A request that needs only its deposit: nothing for the artist to approve.
    ("booking.requested", "artist/deposit"): (
        N_("New booking request {reference}"),
        N_(
            "{customer} asked for {service} on {when}. It is confirmed once they pay the "
            "deposit of {deposit}: there is nothing for you to approve."
        ),
    ),
    ("booking.requested", "customer"): (
        N_("Your booking request {reference} was sent"),
        N_("{artist} will answer your request for {service} on {when}."),
    ),
    ("booking.approved", "customer"): (
        N_("{artist} approved your booking {reference}"),
        N_("Pay the deposit of {deposit} to confirm your appointment on {when}."),
    ),
    ("booking.booked", "customer"): (
        N_("{artist} booked you in: {reference}"),
        N_("Pay the deposit of {deposit} to confirm your appointment for {service} on {when}."),
    ),
    ("booking.invoiced", "customer"): (
        N_("Deposit invoice for booking {reference}"),
        N_("Pay the deposit of {deposit} with QPay to confirm your appointment on {when}."),
    ),
    ("booking.confirmed", "customer"): (
        N_("Booking {reference} is confirmed"),
        N_("Your appointment with {artist} for {service} is confirmed for {when}."),
    ),
    ("booking.confirmed", "artist"): (
        N_("Booking {reference} is confirmed"),
        N_("{customer} is booked for {service} on {when}."),
    ),
    ("booking.rescheduled", "customer"): (
        N_("Booking {reference} was moved"),
        N_("Your appointment with {artist} for {service} now starts on {when}."),
    ),
    ("booking.rescheduled", "artist"): (
        N_("Booking {reference} was moved"),
        N_("The appointment of {customer} for {service} now starts on {when}."),
    ),
    ("booking.cancelled", "customer/self"): (
        N_("Booking {reference} is cancelled"),
        N_("You cancelled your appointment with {artist} on {when}."),
    ),
    ("booking.cancelled", "customer/other"): (
        N_("Booking {reference} is cancelled"),
        N_("{artist} cancelled your appointment on {when}. We are sorry."),
    ),
    ("booking.cancelled", "artist/self"): (
        N_("Booking {reference} is cancelled"),
        N_("You cancelled the appointment of {customer} on {when}."),
    ),
    ("booking.cancelled", "artist/other"): (
        N_("Booking {reference} is cancelled"),
        N_("{customer} cancelled the appointment on {when}. The time is free again."),
    ),
    ("booking.cancelled", "customer/admin"): (
        N_("Booking {reference} is cancelled"),
        N_("Inkslot cancelled your appointment with {artist} on {when}."),
    ),
    ("booking.cancelled", "artist/admin"): (
        N_("Booking {reference} is cancelled"),
        N_("Inkslot cancelled the appointment of {customer} on {when}."),
    ),
    ("booking.expired", "customer"): (
        N_("Booking request {reference} expired"),
        N_("The deposit was not paid in time, so the time on {when} was released."),
    ),
    ("booking.expired", "artist"): (
        N_("Booking request {reference} expired"),
        N_("The request of {customer} for {when} expired without a deposit."),
    ),
    ("booking.expired", "customer/offer"): (
        N_("The time offered to you has gone: {reference}"),
        N_(
            "{service} with {artist} on {when} was held for you, and the hold ran out "
            "without an answer, so the time goes to the next person waiting. To be offered "
            "another time, join the waitlist again in the app."
        ),
    ),
    ("booking.expired", "artist/offer"): (
        N_("Waitlist offer {reference} lapsed"),
        N_("{customer} did not answer the offer of {when} in time; it goes to the next in line."),
    ),
    ("booking.offered", "customer"): (
        N_("A time opened up with {artist}: {reference}"),
        N_(
            "{service} on {when} is held for you until {until}. Accept or decline it in the "
            "app; then it goes to the next person waiting."
        ),
    ),
    ("booking.offer_accepted", "customer"): (
        N_("You took the offered time: {reference}"),
        N_(
            "{service} with {artist} on {when} is yours once the deposit is paid or the "
            "artist approves it, as for any request."
        ),
    ),
    ("booking.offer_accepted", "artist"): (
        N_("Waitlist offer {reference} accepted"),
        N_("{customer} took the freed time for {service} on {when}."),
    ),
    ("booking.completed", "customer"): (
        N_("Thank you for visiting {artist}"),
        N_("Your appointment {reference} is complete. We hope you love the result."),
    ),
    ("booking.no_show", "customer"): (
        N_("Missed appointment {reference}"),
        N_("{artist} marked your appointment on {when} as missed."),
    ),
    ("booking.idea_added", "customer"): (
        N_("New design idea on booking {reference}"),
        N_("{artist} added a design idea for {service} on {when}."),
    ),
    ("booking.idea_added", "artist"): (
        N_("New design idea on booking {reference}"),
        N_("{customer} added a design idea for {service} on {when}."),
    ),
    ("booking.payment_recorded", "customer"): (
        N_("Payment received for booking {reference}"),
        N_("We received a payment of {paid} that this booking did not need. It will be refunded."),
    ),
    ("booking.balance_invoiced", "customer"): (
        N_("Balance invoice for booking {reference}"),
        N_("Pay the balance of {amount} for {service} with QPay. Thank you for your visit."),
    ),
    ("booking.balance_paid", "customer"): (
        N_("Booking {reference} is paid in full"),
        N_("We received your payment of {amount}. Thank you."),
    ),
    ("booking.balance_paid", "artist"): (
        N_("Balance paid for booking {reference}"),
        N_("{customer} paid the balance of {amount} for {service}."),
    ),
    ("booking.paid_in_full", "customer"): (
        N_("Booking {reference} is paid in full"),
        N_("Nothing is left to pay for {service}. Thank you for your visit."),
    ),
    ("booking.disputed", "customer"): (
        N_("Dispute opened on booking {reference}"),
        N_("A dispute was opened on your booking. An administrator will review it."),
    ),
    ("booking.disputed", "artist"): (
        N_("Dispute opened on booking {reference}"),
        N_("A dispute was opened on your booking. An administrator will review it."),
    ),
    ("booking.dispute_resolved", "customer"): (
        N_("Dispute on booking {reference} resolved"),
        N_("An administrator resolved the dispute on your booking."),
    ),
    ("booking.dispute_resolved", "artist"): (
        N_("Dispute on booking {reference} resolved"),
        N_("An administrator resolved the dispute on your booking."),
    ),
    ("payment.studio_recorded", "customer"): (
        N_("Receipt {receipt} for booking {reference}"),
        N_("We received {amount} for {service}. Thank you. Your receipt: {receipt_url}"),
    ),
    ("refund.completed", "customer"): (
        N_("Your refund for booking {reference} was paid"),
        N_("The refund of {refund} was paid back to you."),
    ),
    ("refund.settled", "customer"): (
        N_("Your refund for booking {reference} was paid"),
        N_("The refund of {refund} was paid back to you."),
    ),
    ("review.created", "artist"): (
        N_("New review of booking {reference}"),
        N_("{customer} rated your work {stars} of 5 for {service}."),
    ),
    ("review.replied", "customer"): (
        N_("{artist} replied to your review"),
        N_("Your review of booking {reference} has an answer from {artist}."),
    ),
    ("artist.approved", "owner"): (
        N_("Your artist profile is approved"),
        N_("{artist_name} is now visible to customers, who can book you."),
    ),
    ("artist.rejected", "owner"): (
        N_("Your artist profile needs changes"),
        N_("An administrator did not approve {artist_name} yet."),
    ),
    ("artist.suspended", "owner"): (
        N_("Your artist profile is suspended"),
        N_("{artist_name} is hidden from customers for now."),
    ),
    ("artist.reinstated", "owner"): (
        N_("Your artist profile is visible again"),
        N_("{artist_name} is visible to customers again."),
    ),
    ("request.sent", "artist"): (
        N_("New tattoo request from {customer}"),
        N_("{customer} described a tattoo idea for you. Read it and answer in the app."),
    ),
    ("request.accepted", "customer"): (
        N_("{artist} accepted your tattoo request"),
        N_("{artist} would like to work on your idea. Talk it over in the request's thread."),
    ),
    ("request.declined", "customer"): (
        N_("{artist} declined your tattoo request"),
        N_("{artist} cannot take on your idea this time."),
    ),
    ("request.withdrawn", "artist"): (
        N_("{customer} withdrew a tattoo request"),
        N_("{customer} no longer needs an answer to their tattoo request."),
    ),
    ("request.quoted", "customer"): (
        N_("{artist} sent you a quote"),
        N_("{artist} quoted your tattoo idea. Read the terms and book the first session."),
    ),
    ("request.quote_accepted", "artist"): (
        N_("{customer} accepted your quote"),
        N_("{customer} accepted your quote and booked the project's first session."),
    ),
    ("request.project_cancelled", "customer"): (
        N_("{artist} cancelled your tattoo project"),
        N_("{artist} ended the project; its sessions still to come are cancelled."),
    ),
    ("request.project_cancelled", "artist"): (
        N_("{customer} cancelled their tattoo project"),
        N_("{customer} ended the project; its sessions still to come are cancelled."),
    ),
    ("request.message_posted", "customer"): (
        N_("New message from {artist}"),
        N_("{artist} wrote in the thread of your tattoo request."),
    ),
    ("request.message_posted", "artist"): (
        N_("New message from {customer}"),
        N_("{customer} wrote in the thread of their tattoo request."),
    ),
    # After a session (docs/aftercare.md): the artist's own aftercare text follows the lead
    # as written, in whatever language the artist wrote it.
    ("booking.aftercare", "customer"): (
        N_("Caring for your new tattoo from {artist}"),
        N_("{artist} wrote these aftercare instructions for your session {reference} on {when}:"),
    ),
    ("booking.review_request", "customer"): (
        N_("How was your session with {artist}?"),
        N_("Tell others about your session {reference} on {when}: rate it and write a few words."),
    ),
    ("consent.requested", "customer"): (
        N_("Sign the consent form for {reference}"),
        N_(
            "{artist} asks you to sign a consent form before your appointment for {service} "
            "on {when}. Sign it in the app; your photo ID is checked at the studio."
        ),
    ),
    ("consent.signed", "artist"): (
        N_("{customer} signed the consent form for {reference}"),
        N_(
            "{customer} signed the consent form for {service} on {when}. Check their photo ID "
            "at the studio before you complete the booking."
        ),
    ),
    ("booking.reminder", "customer"): (
        N_("Reminder: {service} with {artist} {in_time}"),
        N_("Your appointment {reference} starts on {when}."),
    ),
    ("booking.reminder", "artist"): (
        N_("Reminder: {customer} {in_time}"),
        N_("The appointment {reference} for {service} starts on {when}."),
    ),
    ("loyalty.points_earned", "customer"): (
        N_("You earned {points} points"),
        N_("{points} points from {program} are yours; your balance there is {balance} points."),
    ),
    ("loyalty.points_reversed", "customer"): (
        N_("{points} points were taken back"),
        N_(
            "A refund or a removed review took back {points} points of {program}; "
            "your balance there is {balance} points."
        ),
    ),
    ("loyalty.points_expired", "customer"): (
        N_("{points} points expired"),
        N_(
            "{points} points of {program} reached their expiry date; "
            "your balance there is {balance} points."
        ),
    ),
}

LABELS = {
    "reference": N_("Booking"),
    "service": N_("Service"),
    "artist": N_("Artist"),
    "customer": N_("Customer"),
    "when": N_("When"),
    "where": N_("Where"),
    "map": N_("Map"),
    "price": N_("Price"),
    "deposit": N_("Deposit"),
    "paid": N_("Paid"),
    "balance": N_("Left to pay at the studio"),  # once the deposit is paid, or none asked
    "deposit_due": N_("Deposit to pay now"),  # before it is paid: it holds the time
    "deposit_after_approval": N_("Deposit to pay once the artist approves"),
    "balance_later": N_("Then left to pay at the studio"),  # the price less that deposit
    "refund": N_("Refund"),
    "note": N_("Note"),
    "manage": N_("Open the booking"),
    "reschedule": N_("Reschedule"),
    "cancel": N_("Cancel"),
    "pay": N_("Pay the deposit"),
    "message": N_("Message"),
    "request": N_("Open the request"),
    "review": N_("Write a review"),
    "consent": N_("Sign the consent form"),
    "program": N_("Loyalty program"),
    "points": N_("Points balance"),
    "loyalty": N_("Open your points"),
}
POLICY = N_(
    "Free cancellation or rescheduling up to {hours} hours before the appointment; "
    "after that the deposit is kept."
)
DEPOSIT_BY = N_("{deposit}, by {until}")  # a deposit due now, and when its hold ends
REFUND_DUE = N_("A refund of {refund} is on its way to you.")
POLICY_NO_DEPOSIT = N_(
    "Free cancellation or rescheduling up to {hours} hours before the appointment."
)
# Every message about a free touch-up of an earlier booking (docs/aftercare.md) says so.
TOUCH_UP = N_("This is a free touch-up of an earlier session: there is nothing to pay.")
NO_REFUND = N_("Under the cancellation policy the deposit of {paid} is kept.")
NO_REFUND_DECIDED = N_("Inkslot decided that no refund is due.")
SIGNATURE = N_("Inkslot: booking for tattoo artists and studios")
SETTINGS_HINT = N_("You can choose which messages you get in the app's notification settings.")
SMS = N_("{title}. {when}. {link}")
SMS_SHORT = N_("{title}. {link}")
# To an artist's client record (no account, so no app to open or settings to choose).
CLIENT_HINT = N_("To change or cancel the appointment, contact {artist}.")
CLIENT_SMS = N_("{title}. {when}.")


def source_messages() -> list[str]:
    """Every message id above, once each, in order (what each catalogue translates)."""
    found: list[str] = []
    for title, lead in MESSAGES.values():
        found += [title, lead]
    found += list(LABELS.values())
    found += [POLICY, POLICY_NO_DEPOSIT, REFUND_DUE, NO_REFUND, NO_REFUND_DECIDED, TOUCH_UP]
    found += [SIGNATURE, SETTINGS_HINT, SMS, SMS_SHORT, CLIENT_HINT, CLIENT_SMS]
    from adapters.notifications.telegram_wording import source_messages as telegram_words

    found += telegram_words()  # the Telegram bot's buttons and replies
    return list(dict.fromkeys(found))
