"""A fake QPay merchant API v2 on 127.0.0.1, strict about QPay's documented wire format,
with scriptable failures (docs/payments.md, "The QPay adapter").

What it holds to: Basic-auth tokens whose ``expires_in`` is an absolute Unix time, Bearer
checks on every other call (401 ``NO_CREDENDIALS``), refresh with the refresh token as
Bearer (once each), invoice fields and their length limits, unique ``sender_invoice_no``
(409), ``urls`` deep links, payment-check rows with decimal-string amounts, 422 for unknown
ids, DELETE with JSON bodies, ``PAYMENT_SETTLED`` for refunds of bank-app payments.
Failures to script: ``fail_next(path_prefix, kind)`` with kind ``500``, ``busy``,
``not_json``, ``timeout``, ``401``, ``nested``; ``/v2/payment/list`` of the merchant's
payments between two local times, paged; ``hide_checks`` (a check shows nothing for
the next N checks of a paid invoice); ``expire_tokens()``.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx

# Served with ``serving``, imported from here beside the fake by its tests.
from tests.support.http_servers import serving as serving
from tests.support.json_fakes import read_request

CLIENT_ID, CLIENT_SECRET, INVOICE_CODE = "TEST_MERCHANT", "123456", "TEST_INVOICE"
ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def _paid_at(payment: FakePayment) -> datetime:
    return datetime.fromisoformat(payment.date.replace("Z", "+00:00"))


Scope = dict[str, Any]


@dataclass
class FakeInvoice:
    invoice_id: str
    number: str
    amount: int  # whole tögrög
    callback_url: str
    status: str = "OPEN"


@dataclass
class FakePayment:
    payment_id: str
    invoice_id: str
    amount: int
    kind: str  # P2P | CARD
    status: str = "PAID"
    date: str = "2026-03-02T04:12:09.512Z"
    currency: str = "MNT"


def _scripted_failure(failure: str | None) -> tuple[int, Any] | None:
    """The answer a scripted failure stands for (None for no failure, ``timeout`` and
    ``401``, which the caller handles where they happen)."""
    if failure == "500":
        return 500, {"error": "INTERNAL_ERROR", "message": "boom"}
    if failure == "busy":
        return 500, {"error": "SYSTEM_BUSY", "message": "busy"}
    if failure == "not_json":
        return 502, b"<html>Bad gateway</html>"
    if failure == "nested":
        return 400, {"error": {"page_limit": {"type": "MIN_NUMBER", "message": "min 1"}}}
    return None


@dataclass
class FakeQPay:
    clock: Callable[[], float] = time.time
    # When payments are made (their ``payment_date``): a test's clock, else one fixed date.
    payment_clock: Callable[[], float] | None = None
    token_ttl: int = 86_400
    refresh_ttl: int = 86_400  # S1's example: the refresh token ends with the access token
    invoices: dict[str, FakeInvoice] = field(default_factory=dict)
    payments: dict[str, FakePayment] = field(default_factory=dict)
    tokens: dict[str, float] = field(default_factory=dict)  # access token -> expiry
    refresh_tokens: dict[str, float] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    token_logins: int = 0
    token_refreshes: int = 0
    hide_checks: int = 0
    _failures: list[tuple[str, str]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- what a test does ---------------------------------------------------------------

    def fail_next(self, path_prefix: str, kind: str) -> None:
        with self._lock:
            self._failures.append((path_prefix, kind))

    def expire_tokens(self) -> None:
        """Every access token stops working now (QPay revoked them, or a clock jumped)."""
        with self._lock:
            self.tokens = dict.fromkeys(self.tokens, 0.0)

    def pay(
        self,
        invoice_id: str,
        kind: str = "P2P",
        *,
        call_back: bool = False,
        amount: int | None = None,
    ) -> str:
        """A payment of the invoice (of ``amount`` whole tögrög instead of the invoice's:
        what a partial or tampered payment would look like)."""
        with self._lock:
            invoice = self.invoices[invoice_id]
            payment_id = str(uuid.uuid4().int)[:19]
            paid = invoice.amount if amount is None else amount
            made = FakePayment(payment_id, invoice_id, paid, kind)
            if self.payment_clock is not None:  # else the one fixed date, as tests compare
                at = datetime.fromtimestamp(self.payment_clock(), UTC)
                made.date = at.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            self.payments[payment_id] = made
            invoice.status = "CLOSED"
        if call_back:
            joiner = "&" if "?" in invoice.callback_url else "?"
            url = invoice.callback_url + joiner + urlencode({"qpay_payment_id": payment_id})
            httpx.get(url, timeout=10)
        return payment_id

    # --- ASGI -----------------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        method, path, headers, body = await read_request(scope, receive)
        self.calls.append((method, path))
        status, answer = await self._answer(method, path, headers, body)
        raw = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        kind = b"text/html" if isinstance(answer, bytes) else b"application/json"
        await send(
            {"type": "http.response.start", "status": status, "headers": [(b"content-type", kind)]}
        )
        await send({"type": "http.response.body", "body": raw})

    async def _answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        failure = self._take_failure(path)
        if failure == "timeout":
            await asyncio.sleep(30)
        scripted = _scripted_failure(failure)
        if scripted is not None:
            return scripted
        without_bearer = self._answer_without_bearer(method, path, headers)
        if without_bearer is not None:
            return without_bearer
        if failure == "401" or not self._bearer_ok(headers):
            return 401, {"error": "NO_CREDENDIALS", "message": "please log in"}
        try:
            data = json.loads(body) if body else None
        except ValueError:
            return 400, {"error": "VALIDATION_ERROR", "message": "not JSON"}
        return self._route(method, path, data)

    def _answer_without_bearer(
        self, method: str, path: str, headers: dict[str, str]
    ) -> tuple[int, Any] | None:
        """The calls that need no Bearer token: the fake's own pay hook, and the token
        calls (Basic auth to log in, the refresh token to refresh); None for the rest."""
        if method == "POST" and path.startswith("/_fake/invoices/") and path.endswith("/pay"):
            return self._pay_by_http(path.split("/")[3])
        if path == "/v2/auth/token" and method == "POST":
            return self._login(headers)
        if path == "/v2/auth/refresh" and method == "POST":
            return self._refresh(headers)
        return None

    def _pay_by_http(self, invoice_id: str) -> tuple[int, Any]:
        """The bank app of a fake in another process (``bench/payments.py``): pays, and
        says where QPay would call back; the caller makes the callback."""
        if invoice_id not in self.invoices:
            return 404, {"error": "INVOICE_NOTFOUND", "message": "not found"}
        payment_id = self.pay(invoice_id)
        invoice = self.invoices[invoice_id]
        joiner = "&" if "?" in invoice.callback_url else "?"
        callback = invoice.callback_url + joiner + urlencode({"qpay_payment_id": payment_id})
        return 200, {"paymentId": payment_id, "callbackUrl": callback}

    def _take_failure(self, path: str) -> str | None:
        with self._lock:
            for n, (prefix, kind) in enumerate(self._failures):
                if path.startswith(prefix):
                    del self._failures[n]
                    return kind
        return None

    def _new_token(self) -> dict[str, Any]:
        now = self.clock()
        access, refresh = f"a.{uuid.uuid4().hex}", f"r.{uuid.uuid4().hex}"
        self.tokens[access] = now + self.token_ttl
        self.refresh_tokens[refresh] = now + self.refresh_ttl
        return {
            "token_type": "bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": int(now + self.token_ttl),
            "refresh_expires_in": int(now + self.refresh_ttl),
            "scope": "get_token",
            "not-before-policy": "0",
            "session_state": "sandbox",
        }

    def _login(self, headers: dict[str, str]) -> tuple[int, Any]:
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if headers.get("authorization") != f"Basic {expected}":
            return 401, {"error": "AUTHENTICATION_FAILED", "message": "wrong credentials"}
        self.token_logins += 1
        return 200, self._new_token()

    def _refresh(self, headers: dict[str, str]) -> tuple[int, Any]:
        token = headers.get("authorization", "").removeprefix("Bearer ")
        if self.refresh_tokens.pop(token, 0.0) <= self.clock():  # used once, and unexpired
            return 401, {"error": "NO_CREDENDIALS", "message": "refresh refused"}
        self.token_refreshes += 1
        return 200, self._new_token()

    def _bearer_ok(self, headers: dict[str, str]) -> bool:
        token = headers.get("authorization", "").removeprefix("Bearer ")
        return self.tokens.get(token, 0.0) > self.clock()

    def _route(self, method: str, path: str, data: Any) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if method == "POST" and path == "/v2/invoice":
            return self._create(data)
        if method == "GET" and parts[:2] == ["v2", "invoice"] and len(parts) == 3:
            invoice = self.invoices.get(parts[2])
            if invoice is None:
                return 422, {"error": "INVOICE_NOTFOUND", "message": "not found"}
            return 200, {
                "invoice_id": invoice.invoice_id,
                "invoice_status": invoice.status,
                "total_amount": f"{invoice.amount}.00",
            }
        if method == "DELETE" and parts[:2] == ["v2", "invoice"] and len(parts) == 3:
            return self._cancel(parts[2])
        if method == "POST" and path == "/v2/payment/check":
            return self._check(data)
        if method == "POST" and path == "/v2/payment/list":
            return self._list(data)
        if method == "GET" and parts[:2] == ["v2", "payment"] and len(parts) == 3:
            payment = self.payments.get(parts[2])
            if payment is None:
                return 422, {"error": "PAYMENT_NOTFOUND", "message": "not found"}
            return 200, {
                **self._row(payment),
                "object_type": "INVOICE",
                "object_id": payment.invoice_id,
                "payment_date": payment.date,
                "transaction_type": payment.kind,
            }
        if method == "DELETE" and parts[:3] == ["v2", "payment", "refund"] and len(parts) == 4:
            return self._refund(parts[3], data)
        return 404, {"error": "NOT_FOUND", "message": path}

    def _create(self, data: Any) -> tuple[int, Any]:
        limits = {
            "invoice_code": 45,
            "sender_invoice_no": 45,
            "invoice_receiver_code": 45,
            "invoice_description": 255,
            "callback_url": 255,
        }
        if not isinstance(data, dict):
            return 400, {"error": "VALIDATION_ERROR", "message": "body"}
        for name, limit in limits.items():
            value = data.get(name)
            if not isinstance(value, str) or not value or len(value) > limit:
                return 400, {"error": "VALIDATION_ERROR", "message": name}
        if data["invoice_code"] != INVOICE_CODE:
            return 400, {"error": "INVOICE_CODE_INVALID", "message": "code"}
        amount = data.get("amount")
        if type(amount) is not int or amount < 1:
            return 400, {"error": "INVALID_AMOUNT", "message": "amount"}
        if any(i.number == data["sender_invoice_no"] for i in self.invoices.values()):
            return 409, {"error": "UNIQUE_ERROR", "message": "sender_invoice_no"}
        invoice_id = str(uuid.uuid4())
        self.invoices[invoice_id] = FakeInvoice(
            invoice_id, data["sender_invoice_no"], amount, data["callback_url"]
        )
        qr = f"0002010102121531279404962794049600000000{invoice_id.replace('-', '')[:12]}6304AB12"
        return 200, {
            "invoice_id": invoice_id,
            "qr_text": qr,
            "qr_image": base64.b64encode(b"\x89PNG fake").decode(),
            "qPay_shortUrl": f"https://s.qpay.mn/{invoice_id[:8]}",
            "urls": [
                {
                    "name": "Khan bank",
                    "description": "Хаан банк",
                    "logo": "https://qpay.mn/q/logo/khanbank.png",
                    "link": f"khanbank://q?qPay_QRcode={qr}",
                }
            ],
        }

    def _cancel(self, invoice_id: str) -> tuple[int, Any]:
        invoice = self.invoices.get(invoice_id)
        if invoice is None:
            return 422, {"error": "INVOICE_NOTFOUND", "message": "not found"}
        if invoice.status == "CLOSED":
            return 400, {"error": "INVOICE_PAID", "message": "paid"}
        if invoice.status == "CANCELED":
            return 400, {"error": "INVOICE_ALREADY_CANCELED", "message": "canceled"}
        invoice.status = "CANCELED"
        return 200, {}

    def _check(self, data: Any) -> tuple[int, Any]:
        if not isinstance(data, dict) or data.get("object_type") != "INVOICE":
            return 400, {"error": "INVALID_OBJECT_TYPE", "message": "object_type"}
        invoice = self.invoices.get(str(data.get("object_id")))
        if invoice is None:
            return 422, {"error": "INVOICE_NOTFOUND", "message": "not found"}
        rows = [p for p in self.payments.values() if p.invoice_id == invoice.invoice_id]
        if rows and self.hide_checks > 0:
            self.hide_checks -= 1
            rows = []
        if not rows:
            return 200, {"count": 0, "rows": []}
        paid = sum(p.amount for p in rows if p.status == "PAID" and isinstance(p.amount, int))
        return 200, {"count": len(rows), "paid_amount": paid, "rows": [self._row(p) for p in rows]}

    def _list(self, data: Any) -> tuple[int, Any]:
        """The merchant's payments paid between ``start_date`` and ``end_date`` (local
        Ulaanbaatar times, ``YYYY-MM-DD HH:mm:ss``), a page of ``offset``'s size."""
        if not isinstance(data, dict) or data.get("object_type") != "MERCHANT":
            return 400, {"error": "INVALID_OBJECT_TYPE", "message": "object_type"}
        try:
            start, end = (
                datetime.strptime(str(data[k]), "%Y-%m-%d %H:%M:%S").replace(tzinfo=ULAANBAATAR)
                for k in ("start_date", "end_date")
            )
            offset = data["offset"]
            number, limit = int(offset["page_number"]), int(offset["page_limit"])
        except (KeyError, TypeError, ValueError):
            return 400, {"error": "INVALID_PARAMS", "message": "dates or offset"}
        found = sorted(
            (p for p in self.payments.values() if start <= _paid_at(p) < end),
            key=lambda p: (p.date, p.payment_id),
        )
        page = found[(number - 1) * limit : number * limit]
        rows = [{**self._row(p), "payment_date": p.date, "object_type": "INVOICE",
                 "object_id": p.invoice_id, "paid_by": p.kind} for p in page]  # fmt: skip
        return 200, {"count": len(found), "rows": rows}

    def _row(self, p: FakePayment) -> dict[str, Any]:
        return {
            "payment_id": p.payment_id,
            "payment_status": p.status,
            # A test's odd amount (a string) goes out as it is.
            "payment_amount": p.amount if isinstance(p.amount, str) else f"{p.amount}.00",
            "trx_fee": "0.00",
            "payment_currency": p.currency,
            "payment_wallet": "Хаан банк апп",
            "payment_type": p.kind,
            "next_payment_date": None,
            "next_payment_datetime": None,
            "card_transactions": [],
            "p2p_transactions": [],
        }

    def _refund(self, payment_id: str, data: Any) -> tuple[int, Any]:
        if not isinstance(data, dict):  # the body must arrive: DELETE with JSON
            return 400, {"error": "VALIDATION_ERROR", "message": "body required"}
        payment = self.payments.get(payment_id)
        if payment is None:
            return 422, {"error": "PAYMENT_NOTFOUND", "message": "not found"}
        if payment.status == "REFUNDED":
            return 400, {"error": "PAYMENT_ALREADY_CANCELED", "message": "done"}
        if payment.kind == "P2P":
            return 400, {"error": "PAYMENT_SETTLED", "message": "PAYMENT_SETTLED"}
        payment.status = "REFUNDED"
        return 200, {}


# ``python -m uvicorn tests.support.fake_qpay:app``: a fake of its own process.
app = FakeQPay()
