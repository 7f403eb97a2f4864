"""The currencies a price may be set in: ISO 4217 codes of money in circulation.

The list is ISO 4217's List One (2025 amendments) without its funds (``BOV``, ``CLF``,
``USN``...), precious metals (``XAU``...), bond-market units, ``XDR``, ``XSU``, ``XUA`` and the
testing and "no currency" codes (``XTS``, ``XXX``), and without codes already withdrawn
(``ANG`` became ``XCG``, ``ZWL`` ``ZWG``, ``SLL`` ``SLE``; ``HRK`` and ``BGN`` became ``EUR``).
Nobody books a tattoo in troy ounces of gold.

Stored prices are never re-checked against it (a code withdrawn later keeps reading back);
only a price a client sets is (``require_known_currency``).
"""

from __future__ import annotations

from booking_domain.shared.errors import FieldError, InvalidInputError

_CODES = """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
    BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
    KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR
    MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
    RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP
    TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW
    ZWG
"""
CIRCULATING_CURRENCIES: frozenset[str] = frozenset(_CODES.split())


def require_known_currency(code: str, field: str) -> None:
    """Refuse (422 ``unknown_currency`` on ``field``) a code that is not circulating money."""
    if code not in CIRCULATING_CURRENCIES:
        raise InvalidInputError(
            errors=(
                FieldError(
                    field, f"{code!r} is not a circulating ISO 4217 currency.", "unknown_currency"
                ),
            )
        )
