"""The fake Stripe as an ASGI app: the API under ``/v1``, the hosted pages a person sees,
the webhook deliveries, and the controls tests and a person at ``make run`` use
(docs/payments.md, "Trying it locally").

- ``/v1/...``: the API (``state.py`` says which part), form-encoded as Stripe takes it,
  with ``Authorization: Bearer <secret key>`` and ``Idempotency-Key``;
- ``GET /checkout/<session>``: the hosted payment page; posting its form (``card``:
  ``success`` or ``declined``) pays, delivers the events, and sends the browser to the
  session's ``success_url`` (a declined card back to the page, saying so);
- ``GET /onboarding/<account>``: Connect's onboarding; posting it completes the account
  and sends the browser to the link's ``return_url``;
- ``POST /fake/fail {"status", "count"?, "path"?}``: the next API requests fail;
  ``POST /fake/webhooks {"duplicate"?, "hold"?}``: every event delivered twice, or held
  until ``POST /fake/release {"reverse"?}`` delivers the held ones (newest first with
  ``reverse``: out of order); ``POST /fake/pay {"session", "card"?}`` and
  ``POST /fake/dispute {"paymentIntent"}``: the customer's and the bank's side without a
  browser; ``GET /fake/events``: every event made.

Events go to ``webhook_url`` signed with the endpoint's secret, as Stripe delivers them.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import parse_qs, parse_qsl

import httpx

from entrypoints.fake_stripe.state import CARDS, FakeStripe
from entrypoints.fake_stripe.wire import Obj

Scope = dict[str, Any]
_JSON = "application/json"
_HTML = "text/html; charset=utf-8"


class FakeStripeApi:
    """``state`` is the fake Stripe it serves; ``webhook_url`` where its events go (none:
    they are only kept)."""

    def __init__(self, state: FakeStripe | None = None, webhook_url: str = "") -> None:
        self.state = state or FakeStripe()
        self.webhook_url = webhook_url
        self.duplicate = False
        self.hold = False
        self.held: list[Obj] = []
        self.deliveries: list[tuple[str, int | str]] = []  # (event id, status or why none)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        status, answer, headers = await self._route(scope, body)
        payload = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    async def _route(self, scope: Scope, body: bytes) -> tuple[int, Any, list[Any]]:
        path, method = scope["path"], scope["method"]
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        if path.startswith("/v1/"):
            raw = body.decode() if method == "POST" else scope.get("query_string", b"").decode()
            params = dict(parse_qsl(raw, keep_blank_values=True))
            key = headers.get("authorization", "").removeprefix("Bearer ").strip()
            seen = len(self.state.events)
            status, answer = self.state.call(
                method, path, params, key, headers.get("idempotency-key")
            )
            await self.deliver(self.state.events_after(seen))
            return status, answer, _kind(_JSON)
        if path.startswith("/checkout/"):
            return await self._checkout(path.removeprefix("/checkout/"), method, body)
        if path.startswith("/onboarding/"):
            query = scope.get("query_string", b"").decode()
            return await self._onboarding(path.removeprefix("/onboarding/"), method, query)
        if path.startswith("/fake/"):
            return await self._control(path.removeprefix("/fake/"), method, body)
        return (
            404,
            "Inkslot's fake Stripe: /v1 (the API), /checkout, /onboarding, /fake",
            _kind(_HTML),
        )

    # --- the pages -----------------------------------------------------------------------

    async def _checkout(
        self, session_id: str, method: str, body: bytes
    ) -> tuple[int, Any, list[Any]]:
        session = self.state.sessions.get(session_id)
        if session is None:
            return 404, _page("Not found", "<p>No such payment page.</p>"), _kind(_HTML)
        if method == "POST":
            card = parse_qs(body.decode()).get("card", ["success"])[0]
            seen = len(self.state.events)
            try:
                paid = self.state.pay(session_id, card if card in CARDS else "success")
            except ValueError as refused:
                return (
                    409,
                    _page("Not payable", f"<p>{html.escape(str(refused))}</p>"),
                    _kind(_HTML),
                )
            await self.deliver(self.state.events_after(seen))
            if paid["payment_status"] == "paid":
                return 303, "", [(b"location", str(paid["success_url"]).encode())]
            return 402, _checkout_page(session, declined=True), _kind(_HTML)
        return 200, _checkout_page(session), _kind(_HTML)

    async def _onboarding(
        self, account_id: str, method: str, query: str
    ) -> tuple[int, Any, list[Any]]:
        if account_id not in self.state.connect.accounts:
            return 404, _page("Not found", "<p>No such account.</p>"), _kind(_HTML)
        back = dict(parse_qsl(query)).get("return_url", "")
        if method == "POST":
            seen = len(self.state.events)
            self.state.onboard(account_id)
            await self.deliver(self.state.events_after(seen))
            return 303, "", [(b"location", back.encode())]
        form = (
            f"<p>Account {html.escape(account_id)}: payouts to a test bank account.</p>"
            f'<form method="post" action="?{html.escape(query)}">'
            "<button>Agree and submit</button></form>"
        )
        return 200, _page("Set up payouts", form), _kind(_HTML)

    # --- the controls --------------------------------------------------------------------

    async def _control(self, action: str, method: str, body: bytes) -> tuple[int, Any, list[Any]]:
        if method == "GET" and action == "events":
            return 200, {"data": self.state.events_after(0)}, _kind(_JSON)
        try:
            asked = json.loads(body or b"{}")
            if not isinstance(asked, dict) or method != "POST":
                raise TypeError("POST a JSON object")
            answer = await self._act(action, asked)
        except (ValueError, KeyError, TypeError) as refused:
            return 400, {"error": str(refused) or type(refused).__name__}, _kind(_JSON)
        return 200, answer, _kind(_JSON)

    async def _act(self, action: str, asked: dict[str, Any]) -> Obj:
        seen = len(self.state.events)
        if action == "fail":
            self.state.fail_next(
                int(asked["status"]), int(asked.get("count", 1)), asked.get("path")
            )
        elif action == "webhooks":
            self.duplicate, self.hold = bool(asked.get("duplicate")), bool(asked.get("hold"))
        elif action == "release":
            held, self.held = self.held, []
            await self._post_all(held[::-1] if asked.get("reverse") else held)
        elif action == "pay":
            self.state.pay(str(asked["session"]), str(asked.get("card", "success")))
        elif action == "dispute":
            self.state.dispute(str(asked["paymentIntent"]))
        else:
            raise KeyError(f"no such control: {action}")
        await self.deliver(self.state.events_after(seen))
        return {"ok": True}

    async def deliver(self, events: list[Obj]) -> None:
        """Post each event to the webhook (held instead while holding; twice while
        duplicating), as Stripe does: JSON, signed."""
        if self.hold:
            self.held.extend(events)
            return
        await self._post_all([e for e in events for _ in range(2 if self.duplicate else 1)])

    async def _post_all(self, events: list[Obj]) -> None:
        if not self.webhook_url:
            return
        async with httpx.AsyncClient(timeout=10) as client:
            for event in events:
                payload, signature = self.state.signed(event)
                headers = {"content-type": _JSON, "stripe-signature": signature}
                try:
                    response = await client.post(self.webhook_url, content=payload, headers=headers)
                    self.deliveries.append((event["id"], response.status_code))
                except httpx.HTTPError as failed:
                    self.deliveries.append((event["id"], type(failed).__name__))


def _kind(content_type: str) -> list[Any]:
    return [(b"content-type", content_type.encode())]


def _checkout_page(session: Obj, *, declined: bool = False) -> str:
    amount = session["amount_total"]
    what = html.escape(str(session.get("description") or "Payment"))
    note = '<p role="alert">Your card was declined. Try another.</p>' if declined else ""
    if session["status"] != "open":
        return _page(what, f"<p>This payment page is {html.escape(session['status'])}.</p>")
    form = (
        f"<p>{what}: <strong>{session['currency'].upper()} {amount / 100:,.2f}</strong></p>{note}"
        '<form method="post"><fieldset><legend>Test card</legend>'
        '<label><input type="radio" name="card" value="success" checked>'
        " 4242 4242 4242 4242</label>"
        '<label><input type="radio" name="card" value="declined">'
        " 4000 0000 0000 0002 (declined)</label>"
        "</fieldset><button>Pay</button></form>"
    )
    return _page(what, form)


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f"<body><main><h1>{title}</h1>{body}<p><small>Inkslot's fake Stripe (test mode)</small></p>"
        "</main></body></html>"
    )
