"""The fake Stripe's wire format: errors as Stripe answers them, the webhook signature,
and the form fields of Stripe's requests read as Stripe reads them."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

Obj = dict[str, Any]
Answer = tuple[int, Obj]
MINIMUM_AMOUNT = 50  # Stripe's minimum charge, in the smallest unit (USD 0.50)
_ITEM = "line_items[0][price_data]"


@dataclass
class Failure:
    status: int
    path: str | None  # a path prefix, or None for any


def session_terms(p: Obj) -> tuple[Answer | None, str, int]:
    """A Checkout Session's request read as Stripe reads it: its refusal, or none and the
    one line item's currency and amount."""
    if p.get("mode") != "payment":
        return error(400, "Only mode=payment is supported here.", param="mode"), "", 0
    if not p.get("success_url"):
        return error(400, "Missing required param: success_url.", param="success_url"), "", 0
    currency = str(p.get(f"{_ITEM}[currency]", ""))
    raw_amount = str(p.get(f"{_ITEM}[unit_amount]", ""))
    if len(currency) != 3 or not currency.isalpha() or not currency.islower():
        return error(400, "Invalid currency.", param=f"{_ITEM}[currency]"), "", 0
    if not raw_amount.isdigit() or p.get("line_items[0][quantity]") != "1":
        return error(400, "Invalid integer.", param=f"{_ITEM}[unit_amount]"), "", 0
    if int(raw_amount) < MINIMUM_AMOUNT:
        message = "The Checkout Session's total amount must be at least 50."
        return error(400, message, param="amount"), "", 0
    return None, currency, int(raw_amount)


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """The ``Stripe-Signature`` header of ``payload``: ``t=<unix time>,v1=<HMAC-SHA256 of
    "<t>.<payload>" keyed with the endpoint's secret, hex>``."""
    signed = str(timestamp).encode() + b"." + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def error(
    status: int,
    message: str,
    *,
    code: str | None = None,
    param: str | None = None,
    kind: str | None = None,
) -> Answer:
    kinds = {401: "authentication_error", 429: "rate_limit_error", 500: "api_error"}
    body = {"type": kind or kinds.get(status, "invalid_request_error"), "message": message}
    if code is not None:
        body["code"] = code
    if param is not None:
        body["param"] = param
    return status, {"error": body}


def missing(kind: str, object_id: str) -> Answer:
    return error(404, f"No such {kind}: '{object_id}'", code="resource_missing", param="id")


def public(session: Obj) -> Obj:
    return {k: v for k, v in session.items() if not k.startswith("_")}


def nested(p: Obj, prefix: str) -> dict[str, str]:
    """``prefix[key]=value`` form fields as ``{key: value}``."""
    start = prefix + "["
    return {
        k[len(start) : -1]: str(v)
        for k, v in p.items()
        if k.startswith(start) and k.endswith("]") and "[" not in k[len(start) : -1]
    }


def expands(p: Obj) -> set[str]:
    return {str(v) for k, v in p.items() if k.startswith("expand[")}


def return_query(p: Obj) -> str:
    return urlencode({"return_url": p["return_url"], "refresh_url": p.get("refresh_url") or ""})


def listed(objects: Iterable[Obj], p: Obj) -> Answer:
    """A list as Stripe answers one: newest first, ``created[gte]``/``created[lt]`` bounding
    it, ``limit`` a page, ``starting_after`` the page after an id."""
    low, high = int(p.get("created[gte]", 0)), int(p.get("created[lt]", 2**62))
    found = sorted(
        (o for o in objects if low <= o["created"] < high), key=lambda o: (-o["created"], o["id"])
    )
    after = p.get("starting_after")
    if after is not None:
        ids = [o["id"] for o in found]
        found = found[ids.index(after) + 1 :] if after in ids else []
    limit = int(p.get("limit", 10))
    page = {"object": "list", "data": found[:limit], "has_more": len(found) > limit}
    return 200, {**page, "url": "/v1/payment_intents"}
