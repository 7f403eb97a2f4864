"""Where the platform sends text messages: the regions it serves, never the ranges that bill
the sender (docs/product.md, "Where texts go").

A text costs the platform money, and some ranges cost many times more than a text at home
and pay part of it to whoever runs the range: the basis of SMS pumping, where an abuser
makes a service send texts to numbers they are paid for. So:

- a text (a code, a booking message, the note to an old number) goes only to a number of a
  region the deployment serves (``INKSLOT_SMS_REGIONS``, default the platform's own,
  ``INKSLOT_PHONE_REGION``: Mongolia);
- never to a number no country holds (ITU's non-geographic codes, region ``001``), and
  never to the ranges of ``BLOCKED_RANGES``, whatever the regions say: the list does not
  depend on the phone-number metadata being current.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

# Where libphonenumber (and ITU) place a number of a global service rather than a country.
NON_GEOGRAPHIC = "001"

BLOCKED_RANGES: Mapping[str, str] = MappingProxyType(
    {
        "+800": "International Freephone (UIFN): not a handset; the receiving carrier bills",
        "+808": "International Shared Cost Service: the cost is shared with the sender",
        "+870": "Inmarsat satellite phones: a text costs many times a local one",
        "+878": "Universal Personal Telecommunications: withdrawn, reachable by no handset",
        "+881": "Global Mobile Satellite System (Iridium, Globalstar): satellite prices",
        "+882": "International Networks (Thuraya and carriers without a country): the ranges "
        "SMS pumping abuses most",
        "+883": "International Networks, continued: the same abuse as +882",
        "+888": "United Nations OCHA disaster relief: no customer of a studio",
        "+979": "International Premium Rate Service: billed to the sender, paid to the range",
        "+991": "ITU trial of an international public correspondence service",
    }
)
"""Ranges never texted, each with why (ITU-T E.164 non-geographic codes)."""


class ReachRefusal(StrEnum):
    """Why a number is not texted."""

    BLOCKED_RANGE = "blocked_range"  # satellite, premium or shared-cost (BLOCKED_RANGES)
    OUTSIDE_REGIONS = "outside_regions"  # a country the deployment does not serve


@dataclass(frozen=True, slots=True)
class TextReach:
    """The regions (ISO 3166 alpha-2) whose numbers are texted."""

    regions: frozenset[str] = field(default_factory=lambda: frozenset({"MN"}))

    def refusal(self, number: str, region: str | None) -> ReachRefusal | None:
        """Why ``number`` (E.164) of ``region`` (its country as the phone-number metadata
        reads it; None when it reads none) gets no text; None: it may be texted."""
        if blocked_range(number) is not None:
            return ReachRefusal.BLOCKED_RANGE
        if region is None or region == NON_GEOGRAPHIC:
            return ReachRefusal.BLOCKED_RANGE  # a global service's number: no country's
        if region.upper() not in self.regions:
            return ReachRefusal.OUTSIDE_REGIONS
        return None


def blocked_range(number: str) -> str | None:
    """The blocked range ``number`` (E.164) lies in, or None."""
    return next((r for r in BLOCKED_RANGES if number.startswith(r)), None)
