"""QPay's merchant API v2 over HTTP (docs/payments.md, "The QPay adapter").

One pooled ``httpx.AsyncClient`` for the gateway's lifetime. The access token comes from
Basic auth, is cached and renewed 60 s before the absolute time in ``expires_in`` (refreshed
once with the refresh token while that is valid, else a new login), renewals serialised in
the process and, through the ``ProviderTokenStore``, across processes. Any 401 drops the
token, logs in again and retries once. Every documented error key is translated; nothing
from QPay leaves this module except the ``raw`` text kept as evidence. Tokens, the secret
and the Basic header are never logged. Reading an answer (its JSON, its error key and the
domain error that key means, amounts, payments, tokens) is ``qpay_answers.py``'s.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from adapters.payments.qpay_answers import (
    ALREADY_CANCELLED,
    RefusedError,
    UnauthorizedError,
    answer_of,
    minor_units,
    path_segment,
    payment_of,
    text_of,
    token_of,
)
from adapters.tls import verifying_context
from booking_domain.payments import (
    CancelOutcome,
    DeepLink,
    GatewayReport,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentProviderUnavailableError,
    ProviderPayment,
    ProviderToken,
    ProviderTokenStore,
    RefundOutcome,
    provider_amount,
)
from booking_domain.shared.clock import Clock

_log = logging.getLogger("inkslot.payments.qpay")
CURRENCY = "MNT"
RENEW_EARLY = timedelta(seconds=60)
TIMEOUT = httpx.Timeout(15.0, connect=5.0)


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


LIST_PAGE = 100
ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")  # QPay's dates, without a zone: Mongolia's


def _local(moment: datetime) -> str:
    return moment.astimezone(ULAANBAATAR).strftime("%Y-%m-%d %H:%M:%S")


class QPayGateway(PaymentGateway, GatewayReport):
    currencies = frozenset({CURRENCY})  # QPay invoices are in tögrög only
    name = "qpay"

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
            invoice_id=text_of(answer, "invoice_id"),
            qr_text=text_of(answer, "qr_text"),
            qr_image=text_of(answer, "qr_image"),
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
        payments = tuple(payment_of(r, invoice_id) for r in rows if isinstance(r, Mapping))
        total = minor_units(answer.get("paid_amount", 0) or 0, CURRENCY)
        return PaymentCheck(invoice_id, payments, total, raw)

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[ProviderPayment]:
        """The merchant's payments in ``[start, end)`` (``/v2/payment/list``, a hundred a
        page; QPay's dates are local Ulaanbaatar times to the second): the daily
        reconciliation's report."""
        found: list[ProviderPayment] = []
        number = 1
        while True:
            body = {
                "object_type": "MERCHANT",
                "object_id": self._creds.invoice_code,
                "start_date": _local(start),
                "end_date": _local(end),
                "offset": {"page_number": number, "page_limit": LIST_PAGE},
            }
            answer, _ = await self._call("POST", "/v2/payment/list", body)
            rows = [r for r in answer.get("rows") or [] if isinstance(r, Mapping)]
            found.extend(payment_of(r, str(r.get("object_id") or "") or None) for r in rows)
            count = answer.get("count")
            if not rows or not isinstance(count, int) or number * LIST_PAGE >= count:
                return found
            number += 1

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        answer, _ = await self._call("GET", f"/v2/payment/{path_segment(payment_id)}")
        payment = payment_of(answer, str(answer.get("object_id") or "") or None)
        return payment

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        try:
            await self._call("DELETE", f"/v2/invoice/{path_segment(invoice_id)}", translate=False)
        except RefusedError as refused:
            if refused.key == "INVOICE_PAID":
                return CancelOutcome.ALREADY_PAID
            if refused.key in ALREADY_CANCELLED:
                return CancelOutcome.CANCELLED
            raise refused.error() from None
        return CancelOutcome.CANCELLED

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        path = f"/v2/payment/refund/{path_segment(payment_id)}"
        try:
            await self._call("DELETE", path, {"note": note[:255]}, translate=False)
        except RefusedError as refused:
            if refused.key == "PAYMENT_SETTLED":
                return RefundOutcome.MANUAL_SETTLEMENT
            if refused.key in ALREADY_CANCELLED:
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
            except RefusedError as refused:
                if translate:
                    raise refused.error() from None
                raise
            except UnauthorizedError:
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
        return answer_of(response, method, path)

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
                renewed = token_of(
                    await self._auth("/v2/auth/refresh", bearer=current.refresh), now
                )
            except (PaymentProviderUnavailableError, UnauthorizedError):
                _log.info("QPay token refresh failed; logging in again")
            else:
                if renewed.refresh == current.refresh:  # the same refresh token: spent now
                    renewed = dataclasses.replace(renewed, refresh_used=True)
                return renewed
        try:
            return token_of(await self._auth("/v2/auth/token", basic=True), now)
        except UnauthorizedError:
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
            return answer_of(response, "POST", path)[0]
        except RefusedError as refused:  # whatever the key or status: no token, so unavailable
            _log.error("QPay refused to issue a token (%s)", refused.key)
            raise PaymentProviderUnavailableError() from None


__all__ = ["InMemoryProviderTokenStore", "QPayCredentials", "QPayGateway"]
