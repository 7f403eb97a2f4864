"""The ``PaymentGateway`` served by the payment edge (``entrypoints/payment_edge``), the small
service that alone holds the QPay credentials. Every request is signed
(``edge_wire.py``); the edge's answers are the port's values as JSON, its errors stable
codes mapped back to the domain's errors."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import httpx

from adapters.payments import edge_wire as wire
from adapters.tls import verifying_context
from booking_domain.payments import (
    PROVIDER_CURRENCY,
    CancelOutcome,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentProviderUnavailableError,
    ProviderPayment,
    RefundOutcome,
)

_log = logging.getLogger("inkslot.payments.edge")
TIMEOUT = httpx.Timeout(20.0, connect=5.0)  # QPay's own 15 s, and the hop


class EdgeGateway(PaymentGateway):
    currencies = frozenset({PROVIDER_CURRENCY})  # the edge passes invoices on to QPay

    def __init__(
        self,
        base_url: str,
        secret: str,
        *,
        client: httpx.AsyncClient | None = None,
        now: Callable[[], float] | None = None,
    ) -> None:
        self._secret = secret.encode()
        self._client = client or httpx.AsyncClient(
            base_url=base_url, timeout=TIMEOUT, verify=verifying_context()
        )
        self._now = now

    async def close(self) -> None:
        await self._client.aclose()

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        body = {
            "number": request.number,
            "amount": wire.money_json(request.amount),
            "description": request.description,
            "callbackUrl": request.callback_url,
        }
        return IssuedInvoice.of_data(await self._call("POST", "/v1/invoices", body))

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        return wire.check_of(await self._call("POST", f"/v1/invoices/{_id(invoice_id)}/check", {}))

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        return wire.payment_of(await self._call("GET", f"/v1/payments/{_id(payment_id)}"))

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        answer = await self._call("POST", f"/v1/invoices/{_id(invoice_id)}/cancel", {})
        return wire.outcome_of_cancel(answer)

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        answer = await self._call("POST", f"/v1/payments/{_id(payment_id)}/refund", {"note": note})
        return wire.outcome_of_refund(answer)

    async def _call(
        self, method: str, path: str, body: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        raw = b"" if body is None else json.dumps(body).encode()
        kwargs = {} if self._now is None else {"now": self._now}
        headers = wire.signed_headers(self._secret, method, path, raw, **kwargs)
        headers["content-type"] = "application/json"
        try:
            response = await self._client.request(method, path, content=raw, headers=headers)
        except httpx.HTTPError as failed:
            _log.warning("payment edge %s %s failed: %s", method, path, type(failed).__name__)
            raise PaymentProviderUnavailableError() from failed
        expected = wire.response_signature(
            self._secret, headers[wire.NONCE], response.status_code, response.content
        )
        given = response.headers.get(wire.SIGNATURE, "")
        if not hmac.compare_digest(expected.encode(), given.encode("ascii", "replace")):
            _log.error("an answer from the payment edge was not signed by it: ignored")
            raise PaymentProviderUnavailableError()
        try:
            answer = response.json()
        except ValueError as failed:
            raise PaymentProviderUnavailableError() from failed
        if response.is_success and isinstance(answer, dict):
            return answer
        code = answer.get("error") if isinstance(answer, dict) else None
        if response.status_code == 401:
            _log.error("the payment edge refused our signature: check INKSLOT_PAYMENT_EDGE_SECRET")
        _status, error = wire.ERRORS.get(str(code), (503, PaymentProviderUnavailableError))
        raise error()


def _id(identifier: str) -> str:
    return quote(identifier, safe="")
