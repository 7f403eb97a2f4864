"""The fake Stripe's books and rules: Checkout Sessions, PaymentIntents with their charge,
refunds, disputes, Connect Express accounts and their onboarding links, and the events
each change makes, signed as Stripe signs them.

``call(method, path, params, key, idempotency_key)`` answers one API request in Stripe's
wire format (objects with ``id`` and ``object``; errors as ``{"error": {"type", "code",
"message", "param"}}`` with Stripe's statuses: 401 for a wrong key, 404
``resource_missing``, 400 for what Stripe refuses, 429 and 500 when scripted). What it
holds to, as Stripe does: amounts in the currency's smallest unit and at least 50 of them,
lower-case currencies, one payment per session, a session expired only while open, a
charge refunded at most in full (``charge_already_refunded``), an idempotency key replaying
its first answer (and refused for other parameters), a destination charge's transfer to the
connected account less the application fee, reversed in proportion by a refund with
``reverse_transfer``.

The customer's and the account holder's sides: ``pay(session, card)`` (``card``:
``"success"`` or ``"declined"``), ``onboard(account)`` and ``dispute(payment_intent)``.
Thread-safe: a test serves it in a thread of its own and drives it from another.
"""

from __future__ import annotations

import hmac
import itertools
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from entrypoints.fake_stripe.connect import FakeConnect
from entrypoints.fake_stripe.wire import (
    Answer,
    Failure,
    Obj,
    error,
    expands,
    listed,
    missing,
    nested,
    public,
    session_terms,
    sign,
)

API_VERSION = "2025-09-30.clover"
CARDS = ("success", "declined")


@dataclass
class FakeStripe:
    """``base_url``: where the fake is reached (its hosted pages' links);
    ``webhook_secret``: the endpoint's signing secret; ``clock``: Unix seconds."""

    secret_key: str = "sk_test_inkslot_fake"  # noqa: S105 (the fake's, public by design)
    webhook_secret: str = "whsec_inkslot_fake"  # noqa: S105
    base_url: str = "http://127.0.0.1"
    clock: Callable[[], float] = time.time
    sessions: dict[str, Obj] = field(default_factory=dict)
    intents: dict[str, Obj] = field(default_factory=dict)
    charges: dict[str, Obj] = field(default_factory=dict)
    refunds: dict[str, Obj] = field(default_factory=dict)
    transfers: dict[str, Obj] = field(default_factory=dict)
    events: list[Obj] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    _replays: dict[str, tuple[str, Obj, Answer]] = field(default_factory=dict)
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.RLock = field(default_factory=threading.RLock)
    connect: FakeConnect = field(init=False)

    def __post_init__(self) -> None:
        self.connect = FakeConnect(lambda: self.base_url, self._now, self._event)

    # --- the API -------------------------------------------------------------------------

    def call(
        self, method: str, path: str, params: Obj, key: str, idempotency_key: str | None = None
    ) -> Answer:
        with self._lock:
            self.requests.append((method, path))
            if not hmac.compare_digest(key.encode(), self.secret_key.encode()):
                return error(401, "Invalid API Key provided.")
            failure = next(
                (f for f in self.failures if f.path is None or path.startswith(f.path)), None
            )
            if failure is not None:
                self.failures.remove(failure)
                return error(failure.status, "Scripted failure.")
            if method == "POST" and idempotency_key:
                return self._idempotent(path, params, idempotency_key)
            return self._route(method, path, params)

    def fail_next(self, status: int, count: int = 1, path: str | None = None) -> None:
        """The next ``count`` requests (to ``path`` and below) answer ``status``."""
        with self._lock:
            self.failures.extend(Failure(status, path) for _ in range(count))

    def _idempotent(self, path: str, params: Obj, key: str) -> Answer:
        earlier = self._replays.get(key)
        if earlier is not None:
            if earlier[:2] != (path, params):
                return error(
                    400,
                    "Keys for idempotent requests can only be used with the same parameters.",
                    kind="idempotency_error",
                )
            return earlier[2]
        answer = self._route("POST", path, params)
        if answer[0] < 500:
            self._replays[key] = (path, params, answer)
        return answer

    def _route(self, method: str, path: str, params: Obj) -> Answer:
        parts = path.strip("/").split("/")[1:]  # without "v1"
        routes: dict[tuple[str, int, str], Callable[..., Answer]] = {
            ("POST", 2, "checkout"): lambda: self._create_session(params),
            ("GET", 2, "checkout"): lambda: self._list_sessions(params),
            ("GET", 3, "checkout"): lambda: self._get_session(parts[2], params),
            ("POST", 4, "checkout"): lambda: self._expire(parts[2]),
            ("GET", 2, "payment_intents"): lambda: self._get_intent(parts[1], params),
            ("GET", 1, "payment_intents"): lambda: listed(self.intents.values(), params),
            ("POST", 1, "refunds"): lambda: self._refund(params),
            ("POST", 1, "accounts"): lambda: self.connect.create_account(params),
            ("GET", 2, "accounts"): lambda: self.connect.get_account(parts[1]),
            ("POST", 1, "account_links"): lambda: self.connect.account_link(params),
        }
        if not parts:
            return error(404, f"Unrecognized request URL ({method}: {path}).")
        route = routes.get((method, len(parts), parts[0]))
        if route is None or (parts[0] == "checkout" and parts[1] != "sessions"):
            return error(404, f"Unrecognized request URL ({method}: {path}).")
        if parts[0] == "checkout" and len(parts) == 4 and parts[3] != "expire":
            return error(404, f"Unrecognized request URL ({method}: {path}).")
        return route()

    def _id(self, prefix: str) -> str:
        return f"{prefix}_test_{next(self._numbers):06d}{secrets.token_hex(8)}"

    def _now(self) -> int:
        return int(self.clock())

    # --- Checkout ------------------------------------------------------------------------

    def _create_session(self, p: Obj) -> Answer:
        refused, currency, amount = session_terms(p)
        if refused is not None:
            return refused
        destination = p.get("payment_intent_data[transfer_data][destination]")
        if destination is not None and destination not in self.connect.accounts:
            return error(400, f"No such destination: '{destination}'", param="destination")
        fee = int(p.get("payment_intent_data[application_fee_amount]", "0") or 0)
        if fee > amount:
            return error(400, "The application fee cannot exceed the amount.", param="fee")
        session_id = self._id("cs")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "amount_total": amount,
            "currency": currency,
            "client_reference_id": p.get("client_reference_id"),
            "created": self._now(),
            "expires_at": self._now() + 24 * 3600,
            "livemode": False,
            "metadata": nested(p, "metadata"),
            "mode": "payment",
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": p["success_url"],
            "cancel_url": p.get("cancel_url"),
            "url": f"{self.base_url}/checkout/{session_id}",
            "description": p.get("line_items[0][price_data][product_data][name]"),
            "_intent_data": {
                "metadata": nested(p, "payment_intent_data[metadata]"),
                "application_fee_amount": fee or None,
                "destination": destination,
            },
        }
        self.sessions[session_id] = session
        return 200, public(session)

    def _get_session(self, session_id: str, p: Obj) -> Answer:
        session = self.sessions.get(session_id)
        if session is None:
            return missing("checkout.session", session_id)
        shown = public(session)
        if "payment_intent" in expands(p) and session["payment_intent"]:
            shown["payment_intent"] = self.intents[session["payment_intent"]]
        return 200, shown

    def _list_sessions(self, p: Obj) -> Answer:
        wanted = p.get("payment_intent")
        found = [public(s) for s in self.sessions.values() if s["payment_intent"] == wanted]
        return 200, {
            "object": "list",
            "data": found,
            "has_more": False,
            "url": "/v1/checkout/sessions",
        }

    def _expire(self, session_id: str) -> Answer:
        session = self.sessions.get(session_id)
        if session is None:
            return missing("checkout.session", session_id)
        if session["status"] != "open":
            return error(
                400,
                'Only Checkout Sessions with a status in ["open"] can be expired; '
                f"this one is {session['status']}.",
            )
        session.update(status="expired", url=None)
        self._event("checkout.session.expired", public(session))
        return 200, public(session)

    def pay(self, session_id: str, card: str = "success") -> Obj:
        """The customer pays the session on the hosted page with a test ``card``; the
        session as it is then (a declined card leaves it open, its intent unpaid)."""
        with self._lock:
            session = self.sessions[session_id]
            if session["status"] != "open":
                raise ValueError(f"this session is {session['status']}")
            intent = self._intent_of(session)
            if card == "declined":
                intent["status"] = "requires_payment_method"
                intent["last_payment_error"] = {"code": "card_declined", "type": "card_error"}
                self._event("payment_intent.payment_failed", intent)
                return public(session)
            self._succeed(session, intent)
            return public(session)

    def _intent_of(self, session: Obj) -> Obj:
        if session["payment_intent"] is None:
            data = session["_intent_data"]
            made: Obj = {
                "id": self._id("pi"),
                "object": "payment_intent",
                "amount": session["amount_total"],
                "amount_received": 0,
                "currency": session["currency"],
                "created": self._now(),
                "latest_charge": None,
                "livemode": False,
                "metadata": data["metadata"],
                "status": "requires_payment_method",
                "application_fee_amount": data["application_fee_amount"],
                "transfer_data": {"destination": data["destination"]}
                if data["destination"]
                else None,
            }
            self.intents[made["id"]] = made
            session["payment_intent"] = made["id"]
        intent: Obj = self.intents[session["payment_intent"]]
        return intent

    def _succeed(self, session: Obj, intent: Obj) -> None:
        charge = {
            "id": self._id("ch"),
            "object": "charge",
            "amount": intent["amount"],
            "amount_refunded": 0,
            "currency": intent["currency"],
            "payment_intent": intent["id"],
            "refunded": False,
            "paid": True,
            "status": "succeeded",
            "created": self._now(),
            "transfer": None,
        }
        destination = (intent["transfer_data"] or {}).get("destination")
        if destination is not None:
            fee = intent["application_fee_amount"] or 0
            transfer = {
                "id": self._id("tr"),
                "object": "transfer",
                "amount": intent["amount"] - fee,
                "amount_reversed": 0,
                "currency": intent["currency"],
                "destination": destination,
            }
            self.transfers[transfer["id"]] = transfer
            charge["transfer"] = transfer["id"]
        self.charges[charge["id"]] = charge
        intent.update(
            status="succeeded", amount_received=intent["amount"], latest_charge=charge["id"]
        )
        intent.pop("last_payment_error", None)
        session.update(status="complete", payment_status="paid", url=None)
        self._event("payment_intent.succeeded", intent)
        self._event("checkout.session.completed", public(session))

    # --- payment intents, refunds, disputes ----------------------------------------------

    def _get_intent(self, intent_id: str, p: Obj) -> Answer:
        intent = self.intents.get(intent_id)
        if intent is None:
            return missing("payment_intent", intent_id)
        shown = dict(intent)
        if "latest_charge" in expands(p) and intent["latest_charge"]:
            shown["latest_charge"] = self.charges[intent["latest_charge"]]
        return 200, shown

    def _refund(self, p: Obj) -> Answer:
        intent = self.intents.get(str(p.get("payment_intent", "")))
        if intent is None:
            return missing("payment_intent", str(p.get("payment_intent", "")))
        if intent["latest_charge"] is None or intent["status"] != "succeeded":
            return error(400, "This PaymentIntent has no successful charge to refund.")
        charge = self.charges[intent["latest_charge"]]
        left = charge["amount"] - charge["amount_refunded"]
        if left == 0:
            return error(
                400,
                f"Charge {charge['id']} has already been refunded.",
                code="charge_already_refunded",
            )
        raw = str(p.get("amount", left))
        if not raw.isdigit() or not 0 < int(raw) <= left:
            return error(
                400, "Refund amount is greater than the unrefunded amount.", param="amount"
            )
        amount = int(raw)
        refund = {
            "id": self._id("re"),
            "object": "refund",
            "amount": amount,
            "charge": charge["id"],
            "currency": charge["currency"],
            "payment_intent": intent["id"],
            "metadata": nested(p, "metadata"),
            "reason": p.get("reason"),
            "status": "succeeded",
            "created": self._now(),
        }
        self.refunds[refund["id"]] = refund
        charge["amount_refunded"] += amount
        charge["refunded"] = charge["amount_refunded"] == charge["amount"]
        if p.get("reverse_transfer") == "true" and charge["transfer"]:
            transfer = self.transfers[charge["transfer"]]
            share = transfer["amount"] * amount // charge["amount"]
            transfer["amount_reversed"] = min(
                transfer["amount"], transfer["amount_reversed"] + share
            )
        self._event("charge.refunded", charge)
        return 200, refund

    def dispute(self, intent_id: str, reason: str = "fraudulent") -> Obj:
        """The cardholder's bank disputes the payment (a chargeback): the event Stripe sends."""
        with self._lock:
            intent = self.intents[intent_id]
            dispute = {
                "id": self._id("dp"),
                "object": "dispute",
                "amount": intent["amount"],
                "currency": intent["currency"],
                "charge": intent["latest_charge"],
                "payment_intent": intent_id,
                "reason": reason,
                "status": "needs_response",
                "created": self._now(),
            }
            return self._event("charge.dispute.created", dispute)

    # --- Connect (``connect.py``) --------------------------------------------------------

    def onboard(self, account_id: str) -> Obj:
        """The artist finishes Stripe's onboarding: the account may take charges and payouts."""
        with self._lock:
            return self.connect.onboard(account_id)

    def restrict(self, account_id: str) -> Obj:
        """Stripe holds the account back (its holder must give more details)."""
        with self._lock:
            return self.connect.restrict(account_id)

    # --- events --------------------------------------------------------------------------

    def _event(self, kind: str, obj: Obj) -> Obj:
        event = {
            "id": self._id("evt"),
            "object": "event",
            "api_version": API_VERSION,
            "created": self._now(),
            "data": {"object": dict(obj)},
            "livemode": False,
            "pending_webhooks": 1,
            "type": kind,
        }
        self.events.append(event)
        return event

    def signed(self, event: Obj) -> tuple[bytes, str]:
        """The event as a delivery carries it: its body and its ``Stripe-Signature``."""
        payload = json.dumps(event).encode()
        return payload, sign(payload, self.webhook_secret, self._now())

    def events_after(self, seen: int) -> list[Obj]:
        with self._lock:
            return list(self.events[seen:])
