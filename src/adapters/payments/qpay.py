"""QPay's merchant API v2 over HTTP (docs/payments.md, "The QPay adapter").

One pooled ``httpx.AsyncClient`` for the gateway's lifetime. The access token comes from
Basic auth, is cached and renewed 60 s before the absolute time in ``expires_in`` (refreshed
once with the refresh token while that is valid, else a new login), renewals serialised in
the process and, through the ``ProviderTokenStore``, across processes. Any 401 drops the
token, logs in again and retries once. Every documented error key is translated; nothing
from QPay leaves this module except the ``raw`` text kept as evidence. Tokens, the secret
and the Basic header are never logged.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from adapters.tls import verifying_context
from booking_domain.payments import (
    CancelOutcome,
    DeepLink,
    DepositNotPayableError,
    InvoiceRequest,
    IssuedInvoice,
    NothingToRefundError,
    PaymentCheck,
    PaymentGateway,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PaymentState,
    ProviderPayment,
    ProviderToken,
    ProviderTokenStore,
    RefundOutcome,
    provider_amount,
)
from booking_domain.shared.clock import Clock
from booking_domain.shared.money import Money

_log = logging.getLogger("inkslot.payments.qpay")
CURRENCY = "MNT"
MINOR = 100
# Digits before the point that an amount may have: far more than any payment (10^18
# tögrög), few enough that the amount stays an int of sensible size.
MAX_DIGITS = 18
RENEW_EARLY = timedelta(seconds=60)
RELATIVE_BELOW = 1_000_000_000  # a smaller expires_in is seconds from now, not a timestamp
TIMEOUT = httpx.Timeout(15.0, connect=5.0)

_NOT_FOUND = {"INVOICE_NOTFOUND", "PAYMENT_NOTFOUND", "QRCODE_NOTFOUND"}
_MISCONFIGURED = {
    "AUTHENTICATION_FAILED",
    "PERMISSION_DENIED",
    "MERCHANT_NOTFOUND",
    "MERCHANT_INACTIVE",
    "INVOICE_CODE_INVALID",
}
_AMOUNT = {"INVALID_AMOUNT", "MIN_AMOUNT_ERR", "MAX_AMOUNT_ERR"}
_ALREADY_CANCELLED = {"INVOICE_ALREADY_CANCELED", "PAYMENT_ALREADY_CANCELED"}


@dataclass(frozen=True, slots=True)
class QPayCredentials:
    base_url: str  # https://merchant.qpay.mn or https://merchant-sandbox.qpay.mn
    client_id: str
    client_secret: str
    invoice_code: str

    def __repr__(self) -> str:  # never print the secret
        return f"QPayCredentials(base_url={self.base_url!r}, client_id={self.client_id!r})"


def _usable(token: ProviderToken, now: datetime) -> bool:
    return now < token.access_expires_at - RENEW_EARLY


def _refreshable(token: ProviderToken, now: datetime) -> bool:
    return not token.refresh_used and now < token.refresh_expires_at - RENEW_EARLY


class InMemoryProviderTokenStore(ProviderTokenStore):
    """The token shared by the gateways of one process (no database to share it through)."""

    def __init__(self) -> None:
        self.current: ProviderToken | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> ProviderToken | None:
        return self.current

    async def save(self, token: ProviderToken | None) -> None:
        self.current = token

    @asynccontextmanager
    async def renewing(self) -> AsyncIterator[InMemoryProviderTokenStore]:
        async with self._lock:
            yield self


class _UnauthorizedError(Exception):
    """A 401: the token is no good (expired early, revoked)."""


class QPayGateway(PaymentGateway):
    currencies = frozenset({CURRENCY})  # QPay invoices are in tögrög only

    def __init__(
        self,
        credentials: QPayCredentials,
        clock: Clock,
        tokens: ProviderTokenStore,
        *,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._creds = credentials
        self._clock = clock
        self._tokens = tokens
        self._client = client or httpx.AsyncClient(
            base_url=credentials.base_url, timeout=TIMEOUT, verify=verifying_context()
        )
        self._token: ProviderToken | None = None
        self._renewal = asyncio.Lock()

    async def close(self) -> None:
        await self._client.aclose()

    # --- the port -------------------------------------------------------------------------

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        amount = provider_amount(request.amount)
        body = {
            "invoice_code": self._creds.invoice_code,
            "sender_invoice_no": request.number,
            "invoice_receiver_code": "terminal",
            "invoice_description": request.description,
            "amount": amount,
            "callback_url": request.callback_url,
        }
        answer, raw = await self._call("POST", "/v2/invoice", body)
        links = answer.get("urls") or answer.get("qPay_deeplink") or []
        return IssuedInvoice(
            invoice_id=_text(answer, "invoice_id"),
            qr_text=_text(answer, "qr_text"),
            qr_image=_text(answer, "qr_image"),
            short_url=str(answer.get("qPay_shortUrl", "")),
            deep_links=tuple(
                DeepLink(
                    str(u.get("name", "")),
                    str(u.get("description", "")),
                    str(u.get("logo", "")),
                    str(u.get("link", "")),
                )
                for u in links
                if isinstance(u, Mapping)
            ),
            raw=raw,
        )

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        body = {
            "object_type": "INVOICE",
            "object_id": invoice_id,
            "offset": {"page_number": 1, "page_limit": 100},
        }
        answer, raw = await self._call("POST", "/v2/payment/check", body)
        rows = answer.get("rows") or []
        payments = tuple(_payment(r, invoice_id) for r in rows if isinstance(r, Mapping))
        total = _minor(answer.get("paid_amount", 0) or 0, CURRENCY)
        return PaymentCheck(invoice_id, payments, total, raw)

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        answer, _ = await self._call("GET", f"/v2/payment/{_segment(payment_id)}")
        payment = _payment(answer, str(answer.get("object_id") or "") or None)
        return payment

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        try:
            await self._call("DELETE", f"/v2/invoice/{_segment(invoice_id)}", translate=False)
        except _RefusedError as refused:
            if refused.key == "INVOICE_PAID":
                return CancelOutcome.ALREADY_PAID
            if refused.key in _ALREADY_CANCELLED:
                return CancelOutcome.CANCELLED
            raise refused.error() from None
        return CancelOutcome.CANCELLED

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        path = f"/v2/payment/refund/{_segment(payment_id)}"
        try:
            await self._call("DELETE", path, {"note": note[:255]}, translate=False)
        except _RefusedError as refused:
            if refused.key == "PAYMENT_SETTLED":
                return RefundOutcome.MANUAL_SETTLEMENT
            if refused.key in _ALREADY_CANCELLED:
                return RefundOutcome.REFUNDED
            raise refused.error() from None
        return RefundOutcome.REFUNDED

    # --- HTTP -----------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        body: Mapping[str, object] | None = None,
        *,
        translate: bool = True,
    ) -> tuple[dict[str, Any], str]:
        """One call with the current token; after a 401 one more with a fresh login. Error
        keys become domain errors unless the caller handles some (``translate=False``)."""
        for attempt in (1, 2):
            token = await self._access(fresh=attempt == 2)
            try:
                return await self._send(method, path, body, bearer=token)
            except _RefusedError as refused:
                if translate:
                    raise refused.error() from None
                raise
            except _UnauthorizedError:
                _log.warning("QPay refused the token on %s %s; logging in again", method, path)
        _log.error("QPay refused a fresh token: check the merchant credentials")
        raise PaymentProviderUnavailableError()

    async def _send(
        self, method: str, path: str, body: Mapping[str, object] | None, *, bearer: str
    ) -> tuple[dict[str, Any], str]:
        headers = {"Authorization": f"Bearer {bearer}"}
        try:
            response = await self._client.request(
                method, path, headers=headers, json=body if body is not None else None
            )
        except httpx.HTTPError as failed:
            _log.warning("QPay %s %s failed: %s", method, path, type(failed).__name__)
            raise PaymentProviderUnavailableError() from failed
        return _answer(response, method, path)

    async def _access(self, *, fresh: bool = False) -> str:
        """The access token: the cached one unless it is due for renewal (or was refused)."""
        now = self._clock.now()
        refused = self._token if fresh else None
        if self._token is not None and not fresh and _usable(self._token, now):
            return self._token.access
        async with self._renewal:
            if self._token is not None and self._token is not refused and _usable(self._token, now):
                return self._token.access
            async with self._tokens.renewing() as slot:
                shared = slot.current
                stale = (
                    refused is not None and shared is not None and shared.access == refused.access
                )
                if shared is not None and _usable(shared, now) and not stale:
                    self._token = shared
                    return shared.access
                token = await self._renew(None if stale else shared, now)
                await slot.save(token)
                self._token = token
                return token.access

    async def _renew(self, current: ProviderToken | None, now: datetime) -> ProviderToken:
        """Refresh once while the refresh token is valid; after any failure of that (or
        without one), a new login."""
        if current is not None and _refreshable(current, now):
            try:
                renewed = _token(await self._auth("/v2/auth/refresh", bearer=current.refresh), now)
            except (PaymentProviderUnavailableError, _UnauthorizedError):
                _log.info("QPay token refresh failed; logging in again")
            else:
                if renewed.refresh == current.refresh:  # the same refresh token: spent now
                    renewed = dataclasses.replace(renewed, refresh_used=True)
                return renewed
        try:
            return _token(await self._auth("/v2/auth/token", basic=True), now)
        except _UnauthorizedError:
            _log.error("QPay refused the merchant credentials")
            raise PaymentProviderUnavailableError() from None

    async def _auth(
        self, path: str, *, bearer: str | None = None, basic: bool = False
    ) -> dict[str, Any]:
        if basic:
            pair = f"{self._creds.client_id}:{self._creds.client_secret}".encode()
            headers = {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        else:
            headers = {"Authorization": f"Bearer {bearer}"}
        try:
            response = await self._client.post(path, headers=headers)
        except httpx.HTTPError as failed:
            raise PaymentProviderUnavailableError() from failed
        try:
            return _answer(response, "POST", path)[0]
        except _RefusedError as refused:  # whatever the key or status: no token, so unavailable
            _log.error("QPay refused to issue a token (%s)", refused.key)
            raise PaymentProviderUnavailableError() from None


class _RefusedError(Exception):
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


def _answer(response: httpx.Response, method: str, path: str) -> tuple[dict[str, Any], str]:
    """The JSON object of a 2xx answer and its text; errors raised as ``_RefusedError`` (or
    ``_UnauthorizedError``, or unavailable when the answer is not what QPay sends)."""
    raw = response.text
    if response.status_code == 401:
        raise _UnauthorizedError()
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
    raise _RefusedError(response.status_code, key or f"HTTP_{response.status_code}")


def _error_key(parsed: object) -> str:
    """``{"error": "KEY", "message": ...}``; ``error`` may be a nested object of field
    errors (then the key is ``VALIDATION_ERROR``)."""
    if not isinstance(parsed, dict):
        return ""
    error = parsed.get("error", parsed.get("error_code"))
    if isinstance(error, str):
        return error
    return "VALIDATION_ERROR" if error else ""


def _token(answer: Mapping[str, Any], now: datetime) -> ProviderToken:
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


def _minor(value: object, currency: str) -> Money:
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


def _payment(row: Mapping[str, Any], invoice_id: str | None) -> ProviderPayment:
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
    try:
        amount = _minor(row.get("payment_amount", 0), currency.upper())
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


def _text(answer: Mapping[str, Any], key: str) -> str:
    value = answer.get(key)
    if not isinstance(value, str) or not value:
        _log.warning("QPay's answer lacks %s", key)
        raise PaymentProviderUnavailableError()
    return value


def _segment(identifier: str) -> str:
    """An id as one path segment (ids are opaque: digits, UUIDs; nothing else passes)."""
    if not identifier or not all(c.isalnum() or c == "-" for c in identifier):
        raise PaymentNotFoundError()
    return identifier


__all__ = ["InMemoryProviderTokenStore", "QPayCredentials", "QPayGateway"]
