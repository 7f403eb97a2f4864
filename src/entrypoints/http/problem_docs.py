"""The problem responses of the OpenAPI document, derived from what the API does.

Each operation documents the statuses it can answer with a problem (``application/problem+json``,
the shape of ``problems.Problem``), and, per status, the ``code``s it can carry. Nothing is
listed by hand per operation; the statuses come from the same table the exception handlers
use (``problems.status_for``), applied to:

- the domain errors the operation raises, declared beside its route with
  ``raises_exactly(...)`` (passed as the route's ``opt``) and read from its use case: the
  document lists these codes and no others of the domain (a category class stands for its
  own code only, where it is raised as such). Every operation declares them (a test walks
  the document), and the fuzzing suite holds every answered code to the list;
- what every operation can meet: 400 ``malformed_request`` and 422 ``invalid_input``
  where it decodes a body or parameters, 413 and 415 where it takes a body, 404
  ``not_found`` where its path names something, 401 where a bearer token is checked
  (signed-in operations, and public ones that look at a token when one is sent), 403 where
  a role guard stands, 429 behind a rate limit, 503 ``service_unavailable`` everywhere
  (the database may be unreachable);
- what an API key meets (``auth``): on a signed-in operation, 403 ``api_key_not_accepted``
  where it names no scope and ``api_key_scope_missing`` where it does; 429
  ``api_key_rate_limited`` wherever a key is taken (a scope named, or a public operation
  that looks at a token).

Litestar's own 400 schema (``status_code``/``detail``/``extra``) is never sent by this API
and is dropped.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from http import HTTPStatus
from typing import Any, ClassVar

import msgspec
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import (
    OpenAPI,
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Reference,
    Schema,
)
from litestar.routes import HTTPRoute

from booking_domain.accounts import (
    ApiKeyNotAcceptedError,
    ApiKeyRateLimitedError,
    ApiKeyScopeMissingError,
    InvalidTokenError,
)
from booking_domain.shared.errors import (
    DomainError,
    InvalidInputError,
    ServiceUnavailableError,
)
from entrypoints.http.auth import API_KEY_SCOPE, RoleGuard, authenticated, stream_authenticated
from entrypoints.http.problems import CODES_BY_STATUS, PROBLEM_JSON, Problem, status_for

RAISES = "raises"
CONTEXT = "context"
RATE_LIMITED = "rate_limited"
OPTIONAL_CALLER = "maybe_actor"  # the dependency that reads a token when one is sent
# The code of each status every operation may meet; the framework's statuses are coded where
# the exception handlers code them.
GENERIC_CODES = {
    **CODES_BY_STATUS,
    422: InvalidInputError.code,
    503: ServiceUnavailableError.code,
}


def raises_exactly(*errors: type[DomainError]) -> dict[str, Any]:
    """The ``opt`` of one operation naming every domain error it can raise, read from its
    use case: the document lists these codes and no others of the domain (a category
    stands for its own code only). The codes every operation can meet are added as ever."""
    return {RAISES: errors}


def problem_schemas() -> dict[str, Any]:
    """The components ``Problem`` and ``ProblemField``, generated from the structs the
    exception handlers encode (``problems.Problem``), so the document cannot drift from
    what is sent."""
    _, components = msgspec.json.schema_components(
        [Problem], ref_template="#/components/schemas/{name}"
    )
    return components


class DocumentWithProblems(OpenAPI):
    """The document with the ``Problem`` components its operations' problems refer to
    (Litestar fills ``components.schemas`` with the handlers' own types only)."""

    def to_schema(self) -> dict[str, Any]:
        document = super().to_schema()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(problem_schemas())
        return document


@dataclass
class OpenAPIConfigWithProblems(OpenAPIConfig):
    def to_openapi_schema(self) -> OpenAPI:
        plain = super().to_openapi_schema()
        return DocumentWithProblems(**{f.name: getattr(plain, f.name) for f in fields(plain)})


@dataclass(frozen=True, slots=True)
class ProblemFacts:
    """What an operation's handler says about the problems it can answer."""

    errors: tuple[type[DomainError], ...]
    exact: bool
    signed_in: bool
    token_checked: bool
    role_guarded: bool
    rate_limited: bool
    takes_key_scope: bool = False  # the operation names an API key scope


def facts_of(handler: HTTPRouteHandler) -> ProblemFacts:
    opt = handler.opt  # merged from the app, router and controller at registration
    guards = handler.resolve_guards()
    signed_in = any(g in (authenticated, stream_authenticated) for g in guards)
    return ProblemFacts(
        errors=tuple(opt.get(RAISES, ())),
        exact=RAISES in opt,  # raises_exactly is the only way to declare
        signed_in=signed_in,
        token_checked=signed_in or OPTIONAL_CALLER in inspect.signature(handler.fn).parameters,
        role_guarded=any(isinstance(g, RoleGuard) for g in guards),
        rate_limited=bool(opt.get(RATE_LIMITED)),
        takes_key_scope=opt.get(API_KEY_SCOPE) is not None,
    )


def codes_by_status(
    facts: ProblemFacts, *, takes_body: bool, takes_input: bool, names_path: bool
) -> dict[int, set[str]]:
    """Every status the operation can answer with a problem, and the codes of each."""
    codes: dict[int, set[str]] = defaultdict(set)
    for error in facts.errors:
        codes[status_for(error)].add(error.code)
    generic = [
        (takes_input, 400),
        (takes_input, 422),
        (takes_body, 413),
        (takes_body, 415),
        (names_path, 404),
        (facts.token_checked, 401),
        (facts.role_guarded, 403),
        (facts.rate_limited, 429),
        (True, 503),
    ]
    for applies, status in generic:
        if applies:
            codes[status].add(GENERIC_CODES[status])
    if facts.token_checked:
        codes[401].add(InvalidTokenError.code)
    _add_api_key_codes(facts, codes)
    return dict(codes)


def _add_api_key_codes(facts: ProblemFacts, codes: dict[int, set[str]]) -> None:
    if facts.signed_in:
        refused = ApiKeyScopeMissingError if facts.takes_key_scope else ApiKeyNotAcceptedError
        codes[status_for(refused)].add(refused.code)
    if facts.token_checked and (facts.takes_key_scope or not facts.signed_in):
        codes[status_for(ApiKeyRateLimitedError)].add(ApiKeyRateLimitedError.code)


def problem_response(status: int, codes: Iterable[str]) -> OpenAPIResponse:
    ordered = sorted(codes)
    narrowed = Schema(
        type=OpenAPIType.OBJECT,
        properties={"status": Schema(const=status), "code": Schema(enum=list(ordered))},
    )
    schema = Schema(all_of=[Reference("#/components/schemas/Problem"), narrowed])
    headers: dict[str, OpenAPIHeader | Reference] = {}
    if status in (429, 423):
        headers["Retry-After"] = OpenAPIHeader(
            schema=Schema(type=OpenAPIType.INTEGER), description="Seconds to wait"
        )
    return OpenAPIResponse(
        description=f"{HTTPStatus(status).phrase}: " + ", ".join(f"`{c}`" for c in ordered),
        content={PROBLEM_JSON: OpenAPIMediaType(schema=schema)},
        headers=headers or None,
    )


@dataclass
class ProblemOperation(Operation):
    """An operation whose error responses are the API's problems (``FACTS`` is set per
    handler by :func:`document_problems`)."""

    FACTS: ClassVar[ProblemFacts]

    def __post_init__(self) -> None:
        parameters = self.parameters or []
        codes = codes_by_status(
            self.FACTS,
            takes_body=self.request_body is not None,
            takes_input=bool(parameters) or self.request_body is not None,
            names_path=any(getattr(p, "param_in", None) == "path" for p in parameters),
        )
        kept = {k: v for k, v in (self.responses or {}).items() if int(k) < 400}
        problems = {str(s): problem_response(s, c) for s, c in sorted(codes.items())}
        self.responses = {**kept, **problems}


def document_problems(app: Litestar) -> None:
    """Give every operation of ``app`` its problem responses, when the document is built
    (lazily: building it costs about a second)."""
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                handler.operation_class = _operation_for(facts_of(handler))


def _operation_for(facts: ProblemFacts) -> type[Operation]:
    return type("ProblemOperation", (ProblemOperation,), {"FACTS": facts})
