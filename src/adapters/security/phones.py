"""Phone numbers read by Google's libphonenumber rules (``phonenumberslite``).

A national number is read in the default region (Mongolia unless
``INKSLOT_PHONE_REGION`` says otherwise); only numbers the metadata calls mobile (or fixed
line or mobile, where a region cannot tell them apart) are accepted, since a code must
arrive by text message; an extension is refused; the answer is E.164 (digits of other
scripts, such as full-width ones, are read as the digits they are).
"""

from __future__ import annotations

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from booking_domain.accounts.ports import PhoneNumbers

_TEXTABLE = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
# Longer input is not a phone number and parsing it would only cost time.
MAX_TYPED_LENGTH = 40


class LibPhoneNumbers(PhoneNumbers):
    def __init__(self, default_region: str = "MN") -> None:
        self._region = default_region.upper()

    def mobile(self, text: str) -> str | None:
        number = self._parsed(text)
        if number is None or phonenumbers.number_type(number) not in _TEXTABLE:
            return None
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)

    def contact(self, text: str) -> str | None:
        number = self._parsed(text)
        return (
            None if number is None else phonenumbers.format_number(number, PhoneNumberFormat.E164)
        )

    def region_of(self, number: str) -> str | None:
        parsed = self._parsed(number)
        return None if parsed is None else phonenumbers.region_code_for_number(parsed)

    def _parsed(self, text: str) -> phonenumbers.PhoneNumber | None:
        """A valid number without extension, or None."""
        if len(text) > MAX_TYPED_LENGTH or not text.isprintable():
            return None
        stripped = text.strip()
        if stripped.startswith("00"):  # the international prefix most of the world dials
            stripped = "+" + stripped[2:]
        try:
            number = phonenumbers.parse(stripped, self._region)
        except NumberParseException:
            return None
        if number.extension or not phonenumbers.is_valid_number(number):
            return None
        return number


def is_known_region(region: str) -> bool:
    """Whether libphonenumber knows ``region`` (an ISO 3166 alpha-2 code)."""
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
