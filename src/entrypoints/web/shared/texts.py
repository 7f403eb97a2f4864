"""The pages' words, in English (the message ids themselves) and Mongolian (the catalogue
of the domain ``pages``: every room's ``locales/mn/LC_MESSAGES/pages.po``, merged and
compiled in memory on first use as ``entrypoints.http.translations`` does for problems), and
the words of the shared parts (the sign-in forms, asking first, a booking's state).

A page's script gets the words it shows (its room's ``*_TEXTS``) in the page itself, already
translated, so it never loads a catalogue of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from io import BytesIO
from typing import Final

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from entrypoints.http.locale import DEFAULT_LOCALE, SUPPORTED_LOCALES, negotiate_locale
from entrypoints.web.shared.folders import folders

DOMAIN: Final = "pages"

# Asking first before cancelling or moving (common.js's askFirst), on the booking page and a
# booking's own page: the cancellation policy's consequence is the API's quote
# (GET /bookings/{id}/cancellation), put in words here.
ASK_TEXTS: Final = {
    "askCancel": "Cancel this booking? Nothing has been paid, so nothing is kept.",
    "askCancelRefund": "Cancel this booking? The {refund} paid is refunded in full.",
    "askCancelKept": (
        "Cancel this booking? The artist keeps the {kept} paid: cancelling with a refund was"
        " possible until {when}."
    ),
    "askCancelPart": "Cancel this booking? {refund} is refunded and the artist keeps {kept}.",
    "cancelYes": "Yes, cancel it",
    "goBack": "No, go back",
    "askMove": "Move the booking to {when}? The deposit paid stays with it.",
    "moveYes": "Yes, move it",
    "tooLateToMove": "This booking can no longer be moved: that was possible until {when}.",
}

# What the sign-in forms (_signin.html.j2, common.js's wireSignIn) say, on every page that
# has them: a wrong password in plain words, and the password-reset link asked for.
SIGN_IN_TEXTS: Final = {
    "wrongPassword": "Wrong email or password.",
    "emailFirst": "Enter your email address first, then ask for the link.",
    "resetSent": (
        "If an account has this email address, we have sent it a link to choose a new password."
    ),
}

# A booking's state and its deposit, as the booking page and a booking's own page say them.
BOOKING_STATE_TEXTS: Final = {
    "statusConfirmed": "Confirmed",
    "statusPending": "Waiting for the deposit or the artist's approval",
    "statusCancelled": "Cancelled",
    "statusOther": "Status: {status}",
    "waitApproval": "Waiting for the artist's approval",
    "waitDeposit": "Waiting for the deposit",
    "waitBoth": "Waiting for the artist's approval, then the deposit",
    "payBy": (
        "Pay the deposit by {when} (the artist's time, {zone}); until then the time is held"
        " for you."
    ),
    "approveBy": (
        "The artist answers by {when} (the artist's time, {zone}); until then the time is"
        " held for you."
    ),
    "payDeposit": "Pay the deposit of {amount} with QPay",
    "scanQr": "Scan the QR code with your bank app, or open your bank's app below.",
    "payDepositCard": "Pay the deposit of {amount} by card",
    "payOnStripe": "You pay on Stripe's secure page, then come back here; we never see your card.",
    "payByCard": "Pay by card",
}


def merged_catalogue(locale: str) -> Catalog:
    """Every room's messages in ``locale``, as one catalogue (ValueError for a message two
    rooms translate: each text is kept in the room of the pages that use it, or in
    ``shared`` when several rooms do)."""
    merged = Catalog(locale=locale, domain=DOMAIN)
    for folder in folders("locales"):
        po = folder / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
        if not po.is_file():
            continue
        with po.open("rb") as source:
            catalogue = read_po(source, locale=locale, domain=DOMAIN)
        for message in catalogue:
            if not message.id:
                continue  # the header
            if merged.get(message.id, message.context) is not None:
                raise ValueError(f"{po}: {message.id!r} is translated in another room too")
            merged[message.id] = message
    return merged


@cache
def _catalogue(locale: str) -> NullTranslations:
    if locale == DEFAULT_LOCALE:
        return NullTranslations()
    compiled = BytesIO()
    write_mo(compiled, merged_catalogue(locale))
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def page_locale(lang: str | None, accept_language: str | None) -> str:
    """``?lang=`` when it names one of our languages, else what ``Accept-Language`` prefers."""
    if lang in SUPPORTED_LOCALES:
        return lang
    return negotiate_locale(accept_language)


def translator(locale: str) -> Callable[[str], str]:
    """The page's ``_()``: a text in ``locale`` (English when the catalogue lacks it)."""
    return _catalogue(locale).gettext


def script_texts(locale: str, texts: Mapping[str, str]) -> dict[str, str]:
    """A script's words (``texts``: its room's) in ``locale``."""
    translate = translator(locale)
    return {key: translate(text) for key, text in texts.items()}
