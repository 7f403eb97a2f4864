"""The OpenAPI document tells the truth about problems: every error status an operation can
answer is documented as ``application/problem+json`` with the codes it may carry, each
code's status is the one the error table gives it, and Litestar's own 400 schema (which
the API never sends) is gone."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.handlers import HTTPRouteHandler
from litestar.routes import HTTPRoute

from booking_domain.shared.errors import DomainError
from entrypoints.http.problem_docs import GENERIC_CODES, facts_of
from entrypoints.http.problems import PROBLEM_JSON, status_for
from tests.support.openapi import openapi_app, openapi_document

METHODS = ("get", "post", "put", "patch", "delete")


def document() -> dict[str, Any]:
    return openapi_document()


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in document()["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def problems(operation: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {int(s): r for s, r in operation["responses"].items() if int(s) >= 400}


def codes(response: dict[str, Any]) -> set[str]:
    narrowed = response["content"][PROBLEM_JSON]["schema"]["allOf"][1]
    return set(narrowed["properties"]["code"]["enum"])


def _error_classes() -> dict[str, type[DomainError]]:
    def walk(klass: type[DomainError]) -> list[type[DomainError]]:
        return [klass, *(k for sub in klass.__subclasses__() for k in walk(sub))]

    return {k.code: k for k in walk(DomainError)}


def test_request_a_booking_documents_its_problems_not_litestars() -> None:
    operation = document()["paths"]["/api/v1/bookings"]["post"]
    documented = problems(operation)
    assert {400, 401, 404, 409, 413, 415, 422, 503} <= set(documented)
    assert "not_bookable" in codes(documented[422])
    assert "invalid_token" in codes(documented[401])
    assert all(set(r["content"]) == {PROBLEM_JSON} for r in documented.values())


def test_an_operation_documents_only_the_codes_it_can_return() -> None:
    """Requesting a booking never answers ``email_taken`` (an account's sign-up) nor
    ``hold_expired`` (paying a held booking): its codes are its own, declared beside it."""
    documented = problems(document()["paths"]["/api/v1/bookings"]["post"])
    assert codes(documented[409]) == {
        "slot_taken", "booking_reference_taken", "flash_design_taken", "concurrent_update"
    }  # fmt: skip
    assert codes(documented[404]) == {"customer_not_found", "booking_not_found"}
    assert codes(documented[403]) == {"booking_action_not_allowed"}
    assert codes(documented[410]) == {"booking_link_gone"}
    assert codes(documented[422]) == {
        "invalid_input", "naive_datetime", "idempotency_key_reused", "not_bookable",
        "artist_not_bookable", "time_out_of_range", "invalid_interval", "invalid_money",
        "currency_mismatch", "deposit_currency_not_payable",
    }  # fmt: skip
    assert codes(documented[429]) == {"too_many_customer_lookups"}


@pytest.mark.parametrize(("method", "path", "operation"), operations(), ids=lambda v: str(v))
def test_every_error_status_is_a_problem_with_its_codes(
    method: str, path: str, operation: dict[str, Any]
) -> None:
    errors = _error_classes()
    for status, response in problems(operation).items():
        schema = response["content"][PROBLEM_JSON]["schema"]
        assert schema["allOf"][0] == {"$ref": "#/components/schemas/Problem"}
        assert schema["allOf"][1]["properties"]["status"] == {"const": status}
        for code in codes(response):
            if code in errors:
                assert status_for(errors[code]) == status, (method, path, code)
            else:
                assert GENERIC_CODES[status] == code, (method, path, code)


def test_the_problem_component_is_the_shape_the_api_sends() -> None:
    problem = document()["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "code"}
    assert {"detail", "instance", "requestId", "reason", "errors"} <= set(problem["properties"])
    assert "status_code" not in str(document()["paths"])


def test_generic_statuses_follow_guards_limits_and_bodies() -> None:
    paths = document()["paths"]
    assert 429 in problems(paths["/api/v1/auth/login"]["post"])
    assert 423 in problems(paths["/api/v1/auth/login"]["post"])
    assert 403 in problems(paths["/api/v1/admin/bookings"]["get"])
    assert 401 not in problems(paths["/api/v1/artists"]["get"])  # no token looked at
    assert 401 in problems(paths["/api/v1/artists/{artist_id}"]["get"])  # one sent is checked
    assert 413 not in problems(paths["/api/v1/me"]["get"])
    assert 400 not in problems(paths["/api/v1/me"]["get"])  # nothing to decode


def test_the_payment_callback_documents_the_200_it_always_sends() -> None:
    item = document()["paths"]["/api/v1/payments/callback/{number}"]
    for method in ("get", "post"):
        assert "200" in item[method]["responses"] and "201" not in item[method]["responses"]
        assert "text/plain" in item[method]["responses"]["200"]["content"]


def test_a_password_change_documents_the_lock_a_wrong_password_leads_to() -> None:
    documented = problems(document()["paths"]["/api/v1/me/password"]["post"])
    assert "account_locked" in codes(documented[423])
    assert "invalid_credentials" in codes(documented[401])


def test_reading_bookings_documents_no_refusal_of_a_change() -> None:
    """Reading a booking can only not find it (404) or refuse a query (422): no 409."""
    paths = document()["paths"]
    for path in (
        "/api/v1/bookings",
        "/api/v1/bookings/{booking_id}",
        "/api/v1/bookings/{booking_id}/customer",
        "/api/v1/bookings/{booking_id}/events",
    ):
        documented = problems(paths[path]["get"])
        assert 409 not in documented and 403 not in documented, path
    read = problems(paths["/api/v1/bookings/{booking_id}"]["get"])
    assert codes(read[404]) == {"not_found", "booking_not_found"}
    listed = problems(paths["/api/v1/bookings"]["get"])
    assert codes(listed[422]) == {"invalid_input", "naive_datetime", "time_out_of_range"}


def test_payments_and_scheduling_document_only_their_own_codes() -> None:
    """Reading an invoice cannot meet the provider nor a refused change; removing a weekly
    rule or asking for slots cannot meet another context's conflicts (``email_taken``)."""
    paths = document()["paths"]
    invoice = problems(paths["/api/v1/payments/{invoice_id}"]["get"])
    assert codes(invoice[404]) == {"not_found", "invoice_not_found", "booking_not_found"}
    assert 409 not in invoice and codes(invoice[503]) == {"service_unavailable"}
    callback = problems(paths["/api/v1/payments/callback/{number}"]["get"])
    assert set(callback) == {400, 404, 422, 503}  # it answers SUCCESS whatever it meets
    removed = problems(paths["/api/v1/availability/{rule_id}"]["delete"])
    assert codes(removed[404]) == {"not_found", "availability_not_found"}
    assert 409 not in removed
    slots = problems(paths["/api/v1/artists/{artist_id}/slots"]["get"])
    assert 409 not in slots and 403 not in slots
    assert codes(slots[422]) == {
        "invalid_input", "naive_datetime", "time_out_of_range", "artist_not_bookable"
    }  # fmt: skip


# Codes the expansion of categories listed on operations that can never return them: each
# operation's own declaration drops them.
NEVER_RETURNED = [
    ("get", "/api/v1/consent-forms/{form_id}", "email_taken"),
    ("get", "/api/v1/disputes/{dispute_id}", "slot_taken"),
    ("get", "/api/v1/loyalty-program", "booking_not_found"),
    ("get", "/api/v1/me/loyalty", "loyalty_program_not_found"),
    ("get", "/api/v1/uploads/{upload_id}", "storage_unavailable"),
    ("get", "/api/v1/me/notifications/unread-count", "telegram_off"),
    ("get", "/api/v1/me/telegram/chat", "booking_not_found"),
    ("get", "/api/v1/me/export", "webhook_not_found"),
    ("get", "/api/v1/reviews/{review_id}", "review_exists"),
    ("get", "/api/v1/portfolio", "portfolio_item_not_found"),
    ("get", "/api/v1/artists", "invalid_cursor"),
    ("get", "/api/v1/events/stream", "booking_not_found"),
    ("get", "/api/v1/waitlist/{entry_id}", "hold_expired"),
    ("get", "/api/v1/webhooks", "webhook_not_found"),
]


@pytest.mark.parametrize(("method", "path", "code"), NEVER_RETURNED)
def test_an_exact_operation_drops_the_codes_it_never_returns(
    method: str, path: str, code: str
) -> None:
    documented = problems(document()["paths"][path][method])
    assert all(code not in codes(r) for r in documented.values()), (method, path)


# The contexts whose every operation declares exactly what it raises (``raises_exactly``).
EXACT_CONTEXTS = frozenset(
    {
        "consent",
        "disputes",
        "loyalty",
        "media",
        "notifications",
        "payments",
        "privacy",
        "reviews",
        "scheduling",
        "search",
        "stream",
        "telegram",
        "waitlist",
        "webhooks",
    }
)


def _schema_handlers() -> list[tuple[str, str, HTTPRouteHandler]]:
    return [
        (method, route.path, handler)
        for route in openapi_app().routes
        if isinstance(route, HTTPRoute)
        for handler in route.route_handlers
        if handler.include_in_schema
        for method in sorted(handler.http_methods)
    ]


@pytest.mark.parametrize("context", sorted(EXACT_CONTEXTS))
def test_every_operation_of_an_exact_context_declares_what_it_raises(context: str) -> None:
    handlers = [(m, p, h) for m, p, h in _schema_handlers() if facts_of(h).context == context]
    assert handlers, context
    loose = [f"{m} {p}" for m, p, h in handlers if not facts_of(h).exact]
    assert loose == [], context
