"""Reading QPay's answers (``qpay.py`` sends the calls): a 2xx answer's JSON, an error
key and the domain error it means, a token's expiry, an amount in tögrög as minor units, a
payment row, a required text, an id as one path segment.

Nothing QPay sends is trusted: an answer that is not what QPay documents is the provider
unavailable, an amount that is not a whole, finite, non-negative number of minor units is
a provider error, and an unknown payment status never counts as paid. Tokens and the secret
are never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from booking_domain.payments import (
    DepositNotPayableError,
    NothingToRefundError,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PaymentState,
    ProviderPayment,
    ProviderToken,
)
from booking_domain.shared.money import Money

_log = logging.getLogger("inkslot.payments.qpay")
MINOR = 100
# Digits before the point that an amount may have: far more than any payment (10^18
# tögrög), few enough that the amount stays an int of sensible size.
MAX_DIGITS = 18
RELATIVE_BELOW = 1_000_000_000  # a smaller expires_in is seconds from now, not a timestamp

_NOT_FOUND = {"INVOICE_NOTFOUND", "PAYMENT_NOTFOUND", "QRCODE_NOTFOUND"}
_MISCONFIGURED = {
    "AUTHENTICATION_FAILED",
    "PERMISSION_DENIED",
    "MERCHANT_NOTFOUND",
    "MERCHANT_INACTIVE",
    "INVOICE_CODE_INVALID",
}
_AMOUNT = {"INVALID_AMOUNT", "MIN_AMOUNT_ERR", "MAX_AMOUNT_ERR"}
ALREADY_CANCELLED = {"INVOICE_ALREADY_CANCELED", "PAYMENT_ALREADY_CANCELED"}


class UnauthorizedError(Exception):
    """A 401: the token is no good (expired early, revoked)."""


class RefusedError(Exception):
    """QPay answered with an error key (translated by the caller, or by :meth:`error`)."""

    def __init__(self, status: int, key: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key

    def error(self) -> Exception:
        if self.status == 422 or self.key in _NOT_FOUND:
            return PaymentNotFoundError()
        if self.key in _AMOUNT:
            return DepositNotPayableError("QPay refuses this amount.")
        if self.key == "PAYMENT_NOT_PAID":
            return NothingToRefundError()
        if self.status >= 500 or self.key == "SYSTEM_BUSY":
            return PaymentProviderUnavailableError()
        if self.key in _MISCONFIGURED:
            return PaymentProviderUnavailableError("The payment provider refused our credentials.")
        return PaymentProviderError()


def answer_of(response: httpx.Response, method: str, path: str) -> tuple[dict[str, Any], str]:
    """The JSON object of a 2xx answer and its text; errors raised as ``RefusedError`` (or
    ``UnauthorizedError``, or unavailable when the answer is not what QPay sends)."""
    raw = response.text
    if response.status_code == 401:
        raise UnauthorizedError()
    try:
        parsed: object = response.json() if raw.strip() else {}
    except ValueError:
        parsed = None
    if response.is_success:
        if not isinstance(parsed, dict):
            _log.warning("QPay %s %s answered %s without JSON", method, path, response.status_code)
            raise PaymentProviderUnavailableError()
        return parsed, raw
    key = _error_key(parsed)
    if response.status_code >= 500 and key in ("", "INTERNAL_ERROR", "SYSTEM_BUSY"):
        _log.warning("QPay %s %s: %s %s", method, path, response.status_code, key or "no key")
        raise PaymentProviderUnavailableError()
    if key == "" and response.status_code != 422:
        _log.error("QPay %s %s: %s %s", method, path, response.status_code, raw[:500])
    raise RefusedError(response.status_code, key or f"HTTP_{response.status_code}")


def _error_key(parsed: object) -> str:
    """``{"error": "KEY", "message": ...}``; ``error`` may be a nested object of field
    errors (then the key is ``VALIDATION_ERROR``)."""
    if not isinstance(parsed, dict):
        return ""
    error = parsed.get("error", parsed.get("error_code"))
    if isinstance(error, str):
        return error
    return "VALIDATION_ERROR" if error else ""


def token_of(answer: Mapping[str, Any], now: datetime) -> ProviderToken:
    try:
        return ProviderToken(
            access=str(answer["access_token"]),
            access_expires_at=_expiry(answer["expires_in"], now),
            refresh=str(answer.get("refresh_token", "")),
            refresh_expires_at=_expiry(answer.get("refresh_expires_in", 0), now),
        )
    except (KeyError, TypeError, ValueError, OverflowError) as bad:
        raise PaymentProviderUnavailableError() from bad


def _expiry(value: object, now: datetime) -> datetime:
    seconds = int(value)  # type: ignore[call-overload]  # checked by the caller's except
    if seconds < RELATIVE_BELOW:
        return now + timedelta(seconds=seconds)
    return datetime.fromtimestamp(seconds, UTC)


def minor_units(value: object, currency: str) -> Money:
    """A QPay amount (a number or a decimal string of tögrög) as minor units: a whole,
    finite, non-negative number of them, or a provider error (never Decimal's own
    exceptions: infinities, NaNs and exponents past the context's range included)."""
    try:
        amount = Decimal(str(value))
        if not amount.is_finite() or amount.adjusted() > MAX_DIGITS:
            raise PaymentProviderError()
        amount *= MINOR
    except ArithmeticError as bad:  # InvalidOperation, Overflow and the rest of decimal's
        raise PaymentProviderError() from bad
    if amount != amount.to_integral_value() or amount < 0:
        raise PaymentProviderError()
    return Money(int(amount), currency)


def payment_of(row: Mapping[str, Any], invoice_id: str | None) -> ProviderPayment:
    """One payment row. Only a ``PAID`` row must be whole: a row of another status with an
    odd amount or currency is kept as zero of an unknown currency rather than failing the
    check (and with it the PAID rows beside it). A currency other than MNT, or none, is
    never read as MNT."""
    try:
        state = PaymentState(str(row.get("payment_status")))
    except ValueError:
        state = PaymentState.FAILED  # an unknown status never counts as paid
    raw_currency = str(row.get("payment_currency") or "")
    plain = len(raw_currency) == 3 and raw_currency.isascii() and raw_currency.isalpha()
    currency = raw_currency if plain else "XXX"
    kind = str(row.get("payment_type") or row.get("transaction_type") or "P2P").upper()
    paid_at = None
    if isinstance(row.get("payment_date"), str):
        try:
            paid_at = datetime.fromisoformat(row["payment_date"].replace("Z", "+00:00"))
        except ValueError:
            paid_at = None
        if paid_at is not None and paid_at.tzinfo is None:  # QPay's local time, no zone
            paid_at = paid_at.replace(tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
    try:
        amount = minor_units(row.get("payment_amount", 0), currency.upper())
    except PaymentProviderError:
        if state is PaymentState.PAID:
            raise
        amount = Money(0, "XXX")
    payment_id = str(row.get("payment_id") or "")
    if state is PaymentState.PAID and not payment_id:
        _log.error("QPay reported a PAID payment without an id on invoice %s", invoice_id)
        raise PaymentProviderError()
    return ProviderPayment(
        payment_id=payment_id,
        state=state,
        amount=amount,
        method=PaymentMethod.CARD if kind == "CARD" else PaymentMethod.P2P,
        invoice_id=invoice_id,
        paid_at=paid_at,
    )


def text_of(answer: Mapping[str, Any], key: str) -> str:
    value = answer.get(key)
    if not isinstance(value, str) or not value:
        _log.warning("QPay's answer lacks %s", key)
        raise PaymentProviderUnavailableError()
    return value


def path_segment(identifier: str) -> str:
    """An id as one path segment (ids are opaque: digits, UUIDs; nothing else passes)."""
    if not identifier or not all(c.isalnum() or c == "-" for c in identifier):
        raise PaymentNotFoundError()
    return identifier
