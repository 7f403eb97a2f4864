"""The OpenAPI document tells the truth about problems: every error status an operation can
answer is documented as ``application/problem+json`` with the codes it may carry, each
code's status is the one the error table gives it, and Litestar's own 400 schema (which
the API never sends) is gone."""

from __future__ import annotations

import re
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
    assert codes(documented[403]) == {"booking_action_not_allowed", "api_key_scope_missing"}
    assert codes(documented[410]) == {"booking_link_gone"}
    assert codes(documented[422]) == {
        "invalid_input", "naive_datetime", "idempotency_key_reused", "not_bookable",
        "artist_not_bookable", "time_out_of_range", "invalid_interval", "invalid_money",
        "currency_mismatch", "deposit_currency_not_payable",
    }  # fmt: skip
    assert codes(documented[429]) == {"too_many_customer_lookups", "api_key_rate_limited"}


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
    """A wrong current password is a 422 field error that counts as a failed sign-in; the
    pair's lock follows (423). It is never a 401 ``invalid_credentials``."""
    documented = problems(document()["paths"]["/api/v1/me/password"]["post"])
    assert "account_locked" in codes(documented[423])
    assert "invalid_input" in codes(documented[422])
    assert codes(documented[401]) == {"not_authenticated", "invalid_token"}


def test_reading_bookings_documents_no_refusal_of_a_change() -> None:
    """Reading a booking can only not find it (404) or refuse a query (422): no 409, and no
    403 but an API key's without the reading scope."""
    paths = document()["paths"]
    for path in (
        "/api/v1/bookings",
        "/api/v1/bookings/{booking_id}",
        "/api/v1/bookings/{booking_id}/customer",
        "/api/v1/bookings/{booking_id}/events",
    ):
        documented = problems(paths[path]["get"])
        assert 409 not in documented, path
        assert codes(documented[403]) <= {"api_key_scope_missing", "api_key_not_accepted"}, path
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


def _plain(path: str) -> str:
    """A route's path as the document writes it: ``{id:uuid}`` is ``{id}``."""
    return re.sub(r"\{(\w+):[^}]+\}", r"{\1}", path)


def _schema_handlers() -> list[tuple[str, str, HTTPRouteHandler]]:
    """The handlers of the document's operations (Litestar's own schema routes are not)."""
    documented = document()["paths"]
    return [
        (method, route.path, handler)
        for route in openapi_app().routes
        if isinstance(route, HTTPRoute)
        for handler in route.route_handlers
        if handler.include_in_schema and _plain(route.path) in documented
        for method in sorted(handler.http_methods)
    ]


def test_every_operation_declares_exactly_what_it_raises() -> None:
    """No operation lists a category's codes by expansion: each declares, beside its route,
    the errors its use case can raise (``raises_exactly``), and the fuzzing suite holds every
    answer's code to that list."""
    handlers = _schema_handlers()
    assert len(handlers) == len(operations())
    loose = [f"{m} {p}" for m, p, h in handlers if not facts_of(h).exact]
    assert loose == []


def test_changing_a_booking_documents_only_its_own_refusals() -> None:
    """Reading a touch-up offer refuses nothing but an unseen booking; removing an idea
    meets no slot or deposit; a suspension never answers ``email_taken``."""
    paths = document()["paths"]
    offer = problems(paths["/api/v1/bookings/{booking_id}/touch-up"]["get"])
    assert 409 not in offer and codes(offer[403]) == {"api_key_not_accepted"}
    assert codes(offer[422]) == {"invalid_input"}  # the path's id, decoded
    assert codes(offer[404]) == {"not_found", "booking_not_found"}
    removed = problems(paths["/api/v1/ideas/{idea_id}"]["delete"])
    assert 409 not in removed and codes(removed[422]) == {"invalid_input"}
    suspend = problems(paths["/api/v1/admin/artists/{artist_id}/suspend"]["post"])
    assert "email_taken" not in codes(suspend[409])
    assert "slot_taken" not in codes(suspend[409])
    status = problems(paths["/api/v1/bookings/{booking_id}"]["patch"])
    assert "hold_expired" in codes(status[409]) and "slot_taken" not in codes(status[409])


def test_account_operations_document_only_their_own_refusals() -> None:
    """Signing up cannot meet a phone code's limits; logging out refuses nothing of the
    domain; reading oneself is never a conflict."""
    paths = document()["paths"]
    register = problems(paths["/api/v1/auth/register"]["post"])
    assert codes(register[409]) == {"email_taken"}
    assert 404 not in register
    assert 429 not in register or codes(register[429]) == {"rate_limited"}
    logout = problems(paths["/api/v1/auth/logout"]["post"])
    assert {code for r in logout.values() for code in codes(r)} == {
        "malformed_request", "payload_too_large", "unsupported_media_type", "invalid_input",
        "rate_limited", "service_unavailable",
    }  # fmt: skip
    me = problems(paths["/api/v1/me"]["get"])
    assert 409 not in me and 422 not in me
    assert codes(me[404]) == {"user_not_found"}
    login = problems(paths["/api/v1/auth/login"]["post"])
    assert 409 not in login and codes(login[401]) == {"invalid_credentials"}


def test_reports_and_feeds_document_only_their_own_refusals() -> None:
    """Analytics and the audit trail read (no 409); one's calendar feed refuses nothing of
    the domain; a feed by its URL is found or not."""
    paths = document()["paths"]
    for path in ("/api/v1/artists/{artist_id}/analytics", "/api/v1/admin/analytics"):
        documented = problems(paths[path]["get"])
        assert 409 not in documented, path
        assert "invalid_analytics_range" in codes(documented[422]), path
    audit = problems(paths["/api/v1/admin/audit"]["get"])
    assert 409 not in audit and 404 not in audit
    feed = problems(paths["/api/v1/me/calendar-feed"]["get"])
    assert set(feed) == {401, 403, 503}
    assert codes(feed[403]) == {"api_key_not_accepted"}  # an access token's operation
    by_url = problems(paths["/cal/{name}"]["get"])
    assert codes(by_url[404]) == {"not_found", "calendar_feed_not_found"}
    assert 409 not in by_url


def test_catalog_operations_document_only_their_own_refusals() -> None:
    """Reading a studio can only not find it; an artist's public reads never answer a
    booking's conflicts."""
    paths = document()["paths"]
    studio = problems(paths["/api/v1/studios/{studio_id}"]["get"])
    assert codes(studio[404]) == {"not_found", "studio_not_found"}
    assert 409 not in studio and 403 not in studio
    portfolio = problems(paths["/api/v1/artists/{artist_id}/portfolio"]["get"])
    assert 409 not in portfolio and codes(portfolio[404]) == {"not_found", "artist_not_found"}


def test_commissions_operations_document_only_their_own_refusals() -> None:
    """A tattoo request's reads and answers meet no slot or deposit; ending a project meets
    no account's conflicts; accepting a quote meets the first session's."""
    paths = document()["paths"]
    request = problems(paths["/api/v1/requests/{request_id}"]["get"])
    assert 409 not in request
    assert codes(request[404]) == {"not_found", "request_not_found"}
    accept = problems(paths["/api/v1/requests/{request_id}/accept"]["post"])
    assert codes(accept[409]) == {"request_not_open"}
    cancel = problems(paths["/api/v1/projects/{project_id}/cancel"]["post"])
    assert "slot_taken" not in codes(cancel[409]) and "email_taken" not in codes(cancel[409])
    accept_quote = problems(paths["/api/v1/quotes/{quote_id}/accept"]["post"])
    assert {"slot_taken", "quote_expired", "project_deposit_unpaid"} <= codes(accept_quote[409])


def test_what_an_api_key_can_meet_is_documented_where_it_can_meet_it() -> None:
    """A signed-in operation that names no scope refuses keys; one that names a scope
    refuses a key without it and counts a key's requests; a public one that looks at a
    token counts them too; one that never reads a token says nothing of keys."""
    paths = document()["paths"]
    no_scope = problems(paths["/api/v1/me/api-keys"]["post"])
    assert "api_key_not_accepted" in codes(no_scope[403])
    assert 429 not in no_scope or "api_key_rate_limited" not in codes(no_scope[429])
    scoped = problems(paths["/api/v1/webhooks"]["get"])
    assert "api_key_scope_missing" in codes(scoped[403])
    assert codes(scoped[429]) == {"api_key_rate_limited"}
    public = problems(paths["/api/v1/artists/{artist_id}/slots"]["get"])
    assert codes(public[429]) == {"api_key_rate_limited"} and 403 not in public
    logout = paths["/api/v1/auth/logout"]["post"]  # reads a refresh token, never a bearer
    assert not {"api_key_not_accepted", "api_key_rate_limited"} & {
        code for response in problems(logout).values() for code in codes(response)
    }
