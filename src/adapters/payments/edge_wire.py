"""What the API and the payment edge say to each other: signed JSON requests, the port's
values as JSON, and errors as stable codes.

Each request carries ``X-Inkslot-Timestamp`` (Unix seconds), ``X-Inkslot-Nonce`` (random,
once) and ``X-Inkslot-Signature: v1=<hex HMAC-SHA256>`` over
``timestamp \\n nonce \\n METHOD \\n path \\n`` followed by the body's bytes. The edge
refuses a missing or wrong signature, a timestamp more than ``WINDOW`` away from its clock,
and a nonce it has seen within the window (a replay). Each answer carries
``X-Inkslot-Signature`` over ``nonce \\n status \\n`` and its body (the request's nonce), which
the API checks before believing it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from booking_domain.payments import (
    CancelOutcome,
    DepositNotPayableError,
    NothingToRefundError,
    PaymentCheck,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PaymentState,
    ProviderPayment,
    RefundOutcome,
)
from booking_domain.shared.errors import ConflictError, DomainError
from booking_domain.shared.money import Money

WINDOW = 300  # seconds a signed request stays acceptable
TIMESTAMP, NONCE, SIGNATURE = "x-inkslot-timestamp", "x-inkslot-nonce", "x-inkslot-signature"

# Errors by code, both ways; anything else the edge answers is "unavailable".
ERRORS: dict[str, tuple[int, type[DomainError]]] = {
    "payment_not_found": (404, PaymentNotFoundError),
    "deposit_not_payable": (422, DepositNotPayableError),
    "nothing_to_refund": (409, NothingToRefundError),
    "conflict": (409, ConflictError),
    "payment_provider_error": (502, PaymentProviderError),
    "payment_provider_unavailable": (503, PaymentProviderUnavailableError),
}


def signature(
    secret: bytes, timestamp: str, nonce: str, method: str, path: str, body: bytes
) -> str:
    head = f"{timestamp}\n{nonce}\n{method.upper()}\n{path}\n".encode()
    return "v1=" + hmac.new(secret, head + body, hashlib.sha256).hexdigest()


def signed_headers(
    secret: bytes, method: str, path: str, body: bytes, now: Callable[[], float] = time.time
) -> dict[str, str]:
    timestamp, nonce = str(int(now())), secrets.token_hex(16)
    return {
        TIMESTAMP: timestamp,
        NONCE: nonce,
        SIGNATURE: signature(secret, timestamp, nonce, method, path, body),
    }


def response_signature(secret: bytes, nonce: str, status: int, body: bytes) -> str:
    """The edge signs each answer over the request's nonce, its status and its body: a
    party between the API and the edge cannot say "paid" in its place."""
    head = f"{nonce}\n{status}\n".encode()
    return "v1=" + hmac.new(secret, head + body, hashlib.sha256).hexdigest()


class RequestRefusedError(Exception):
    """Unsigned, badly signed, stale or replayed: the edge answers 401 and does nothing."""


class Verifier:
    """Checks signed requests; remembers nonces for the window (one edge process: a
    deployment of several edge processes shares them, as ``edge-worker/``'s Durable Object does)."""

    def __init__(self, secret: bytes, now: Callable[[], float] = time.time) -> None:
        self.secret = secret
        self._now = now
        self._seen: dict[str, float] = {}

    def verify(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> None:
        timestamp, nonce = headers.get(TIMESTAMP, ""), headers.get(NONCE, "")
        given = headers.get(SIGNATURE, "")
        plain = all(v.isascii() for v in (timestamp, nonce, given))
        if not (
            plain
            and timestamp.isdigit()
            and len(timestamp) <= 12
            and 16 <= len(nonce) <= 64
            and 0 < len(given) <= 128
        ):
            raise RequestRefusedError("unsigned")
        now = self._now()
        if abs(now - int(timestamp)) > WINDOW:
            raise RequestRefusedError("stale")
        expected = signature(self.secret, timestamp, nonce, method, path, body)
        if not hmac.compare_digest(expected.encode(), given.encode()):
            raise RequestRefusedError("bad signature")
        self._seen = {n: t for n, t in self._seen.items() if t > now}
        if nonce in self._seen:
            raise RequestRefusedError("replayed")
        self._seen[nonce] = now + 2 * WINDOW


def money_json(money: Money) -> dict[str, Any]:
    return {"amount": money.amount, "currency": money.currency}


def money_of(data: Mapping[str, Any]) -> Money:
    return Money(int(data["amount"]), str(data["currency"]))


def payment_json(p: ProviderPayment) -> dict[str, Any]:
    return {
        "paymentId": p.payment_id,
        "state": p.state.value,
        "amount": money_json(p.amount),
        "method": p.method.value,
        "invoiceId": p.invoice_id,
        "paidAt": None if p.paid_at is None else p.paid_at.isoformat(),
    }


def payment_of(data: Mapping[str, Any]) -> ProviderPayment:
    paid_at = data.get("paidAt")
    return ProviderPayment(
        str(data["paymentId"]),
        PaymentState(data["state"]),
        money_of(data["amount"]),
        PaymentMethod(data["method"]),
        data.get("invoiceId"),
        None if paid_at is None else datetime.fromisoformat(paid_at),
    )


def check_json(check: PaymentCheck) -> dict[str, Any]:
    return {
        "invoiceId": check.invoice_id,
        "payments": [payment_json(p) for p in check.payments],
        "paidTotal": money_json(check.paid_total),
        "raw": check.raw,
    }


def check_of(data: Mapping[str, Any]) -> PaymentCheck:
    return PaymentCheck(
        str(data["invoiceId"]),
        tuple(payment_of(p) for p in data["payments"]),
        money_of(data["paidTotal"]),
        str(data.get("raw", "")),
    )


def outcome_of_cancel(data: Mapping[str, Any]) -> CancelOutcome:
    return CancelOutcome(data["outcome"])


def outcome_of_refund(data: Mapping[str, Any]) -> RefundOutcome:
    return RefundOutcome(data["outcome"])
