"""RFC 9457 problem responses, produced from one table of domain error -> HTTP status.

Every error a client can cause ends here as ``application/problem+json`` with a stable
``code``; only a genuine bug becomes a 500, and its body says nothing about the cause.

The texts (``title``, ``detail``, each ``errors[].message``) are written in English and
translated here, last, into the language the request's ``Accept-Language`` prefers
(``Content-Language`` says which); the wording lives in the ``problems`` catalogues
(``translations``). The ``code``s, field names and ``reason``s never change.
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import MediaType, Request, Response
from litestar.enums import ParamType
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap

from booking_domain.shared import errors
from booking_domain.shared.errors import DomainError, RetryLaterError
from entrypoints.http.field_errors import field_error
from entrypoints.http.locale import negotiate_locale
from entrypoints.http.metrics import count_problem
from entrypoints.http.secret_paths import loggable_path
from entrypoints.http.translations import translate, translate_template

PROBLEM_JSON = "application/problem+json"
_log = logging.getLogger("inkslot.http")

# The one table. Lookup walks the error's MRO, so every subclass of a category is covered;
# a test walks every DomainError subclass and fails if any would fall through to 500.
STATUS_BY_ERROR: dict[type[DomainError], int] = {
    errors.InvalidInputError: 422,
    errors.RuleViolationError: 422,
    errors.NotAuthenticatedError: 401,
    errors.PermissionDeniedError: 403,
    errors.NotFoundError: 404,
    errors.ConflictError: 409,
    errors.GoneError: 410,
    errors.RetryLaterError: 429,
    errors.ServiceUnavailableError: 503,
}
# Refinements of a category's default, by error code.
STATUS_BY_CODE: dict[str, int] = {"account_locked": 423}


def status_for(error_class: type[DomainError]) -> int:
    status = STATUS_BY_CODE.get(error_class.code)
    if status is not None:
        return status
    for klass in error_class.__mro__:
        if klass in STATUS_BY_ERROR:
            return STATUS_BY_ERROR[klass]
    return 500


class ProblemField(msgspec.Struct, frozen=True):
    field: str
    message: str
    code: str


class Problem(msgspec.Struct, frozen=True, omit_defaults=True, rename="camel"):
    """RFC 9457 problem details plus ``code`` (stable), ``errors`` (per field) and, for
    refusals that carry one (``not_bookable``), the precise ``reason``."""

    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    reason: str | None = None
    errors: list[ProblemField] = msgspec.field(default_factory=list)


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    code: str,
    detail: str | None,
    errors: list[ProblemField] | None = None,
    headers: dict[str, str] | None = None,
    reason: str | None = None,
) -> Response[Problem]:
    """The problem, its texts in the client's language (English ones are passed in)."""
    locale = negotiate_locale(request.headers.get("accept-language"))
    body = Problem(
        type="about:blank" if status >= 500 else f"urn:inkslot:problem:{code}",
        title=translate(locale, HTTPStatus(status).phrase),
        status=status,
        code=code,
        detail=None if detail is None else translate(locale, detail),
        instance=request.url.path,
        request_id=request.scope.get("request_id"),  # type: ignore[arg-type]
        reason=reason,
        errors=[
            ProblemField(e.field, _field_message(locale, e.message), e.code) for e in errors or ()
        ],
    )
    headers = _with_language(headers or {}, locale)
    count_problem(request, code)
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_message(locale: str, message: str) -> str:
    # msgspec ends a message with where it applies ("... - at `$.email`"): the message is
    # translated on its own, the place kept.
    text, at, path = message.partition(" - at ")
    if not at:
        return translate(locale, message)
    return translate_template(
        locale, "{message} - at {path}", message=translate(locale, text), path=path
    )


def _with_language(headers: dict[str, str], locale: str) -> dict[str, str]:
    """``Content-Language``, and ``Vary: Accept-Language`` (the body depends on it)."""
    out = {k: v for k, v in headers.items() if k.lower() not in ("content-language", "vary")}
    vary = [v for k, v in headers.items() if k.lower() == "vary"]
    out["Content-Language"] = locale
    out["Vary"] = ", ".join([*vary, "Accept-Language"])
    return out


def domain_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    assert isinstance(exc, DomainError)
    status = status_for(type(exc))
    errors = [ProblemField(e.field, e.message, e.code) for e in getattr(exc, "errors", ())]
    headers = None
    # A 429 always says when to retry; a 503 does when it knows (a spent daily budget).
    retry_after = getattr(exc, "retry_after_seconds", None)
    if isinstance(exc, RetryLaterError) or isinstance(retry_after, int):
        headers = {"Retry-After": str(retry_after)}
    if status >= 500:
        _log.warning("dependency failure: %s", exc.code)
    reason = getattr(exc, "reason", None)
    return problem_response(request, status, exc.code, exc.message, errors, headers, reason)


def validation_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    """Body/query/path decoding failures. Unparseable JSON is 400; well-formed JSON with wrong
    or missing fields is 422 with one entry per field."""
    assert isinstance(exc, ValidationException)
    extra = [item for item in exc.extra if isinstance(item, dict)] if exc.extra else []
    malformed = any("malformed" in str(item.get("message", "")).lower() for item in extra)
    wire_names = _wire_names(request)
    fields = [] if malformed else [_problem_field(item, request, wire_names) for item in extra]
    missing = _MISSING_PARAMETER.match(exc.detail)
    if missing and not fields and not malformed:  # in our words, as every field error
        fields = [ProblemField(field=missing.group(2), message="is required", code="required")]
    if not fields:
        return problem_response(
            request, 400, "malformed_request", "The request could not be parsed."
        )
    return problem_response(request, 422, "invalid_input", "Some fields are invalid.", fields)


# Litestar refuses a missing parameter before it validates any: by its name as sent.
_PARAMETER_SOURCES = frozenset(t.value for t in ParamType)
_MISSING_PARAMETER = re.compile(r"Missing required (query|header|cookie|path) parameter '([^']+)'")


def _wire_names(request: Request[Any, Any, Any]) -> dict[str, str]:
    """The handler's arguments that are read from the query, headers, cookies or path, by
    the name the client sends (``starts_from`` is ``from``, ``rating_min`` ``ratingMin``):
    Litestar names a refused value by the argument."""
    names: dict[str, str] = {}
    for argument, definition in request.route_handler.parsed_fn_signature.parameters.items():
        wire = getattr(definition.kwarg_definition, "name", None)
        if isinstance(wire, str):
            names[argument] = wire
    return names


def _problem_field(
    item: dict[str, Any], request: Request[Any, Any, Any], wire_names: dict[str, str]
) -> ProblemField:
    """The refused field by the name the client sent, and our words for what it must be
    (``field_errors``), never the parser's."""
    raw = str(item.get("message", ""))
    field = str(item.get("key") or "").removeprefix("data.")
    argument = field.partition(".")[0]
    if item.get("source") in _PARAMETER_SOURCES:
        _, dot, rest = field.partition(".")
        field = wire_names.get(argument, argument) + dot + rest
    else:
        argument = "data"
    definition = request.route_handler.parsed_fn_signature.parameters.get(argument)
    annotation = None if definition is None else definition.annotation
    error = field_error(raw, field, annotation)
    return ProblemField(field=error.field, message=error.message, code=error.code)


CODES_BY_STATUS = {
    400: "malformed_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def http_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    headers = dict(exc.headers or {})
    if status == 429 and "Retry-After" not in headers:
        headers["Retry-After"] = str(headers.get("RateLimit-Reset", "60"))
    code = CODES_BY_STATUS.get(status, "http_error" if status < 500 else "internal_error")
    if status >= 500:  # the framework's own failures (its configuration): say what, here only
        _log.error(
            "%s on %s %s: %s", status, request.method, loggable_path(request.url.path), exc.detail
        )
    detail = exc.detail if status < 500 else "Something went wrong on our side."
    return problem_response(request, status, code, detail, headers=headers or None)


def unexpected_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Problem]:
    path = loggable_path(request.url.path)
    _log.exception("unhandled error on %s %s", request.method, path, exc_info=exc)
    return problem_response(request, 500, "internal_error", "Something went wrong on our side.")


EXCEPTION_HANDLERS: ExceptionHandlersMap = {
    DomainError: domain_error_handler,
    ValidationException: validation_error_handler,
    HTTPException: http_error_handler,
    Exception: unexpected_error_handler,
}

__all__ = [
    "CODES_BY_STATUS",
    "EXCEPTION_HANDLERS",
    "PROBLEM_JSON",
    "MediaType",
    "Problem",
    "status_for",
]
