"""The default text-message channel: the text goes to the log, nothing is sent.

Contract (the ``SmsSender`` port): logs ``sms to +976****2233: <text>`` at INFO on
``inkslot.notifications`` and answers ``ok()``. The number is masked (country code and the
last four digits stay) because logs travel further than the database does.
"""

from __future__ import annotations

import logging

from booking_domain.notifications.messages import SendOutcome, SmsMessage
from booking_domain.notifications.senders import SmsSender

_log = logging.getLogger("inkslot.notifications")

# ITU country codes are prefix-free; these are the lengths of the ones that are not 1 digit
# ("1" NANP and "7" Russia/Kazakhstan are the only 1-digit ones).
_ONE_DIGIT = {"1", "7"}
_TWO_DIGIT = {
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
    "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
    "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
}  # fmt: skip
KEPT_DIGITS = 4


def country_code(number: str) -> str:
    """The country code of an E.164 number (``"+97688112233"`` -> ``"976"``)."""
    digits = number.lstrip("+")
    if digits[:1] in _ONE_DIGIT:
        return digits[:1]
    if digits[:2] in _TWO_DIGIT:
        return digits[:2]
    return digits[:3]


def mask_number(number: str) -> str:
    """``+97688112233`` -> ``+976****2233``: only the country code and the last four
    digits stay; anything that is not an E.164 number is masked whole."""
    digits = number.strip().lstrip("+")
    if not digits.isdigit() or len(digits) <= KEPT_DIGITS + 1:
        return "+" + "*" * KEPT_DIGITS
    code = country_code(digits)
    hidden = max(len(digits) - len(code) - KEPT_DIGITS, 0)
    return f"+{code}{'*' * hidden}{digits[-KEPT_DIGITS:]}"


class LogSmsSender(SmsSender):
    """An ``SmsSender`` that only logs (the default until a gateway is configured): a repeat
    reaches no one."""

    async def send(self, message: SmsMessage) -> SendOutcome:
        _log.info("sms to %s: %s", mask_number(message.to), message.text)
        return SendOutcome.ok(repeat_reaches_no_one=True)
