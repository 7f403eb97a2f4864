"""A refused query parameter is named as the client sends it (``from``, ``ratingMin``), never
by the handler's argument (``starts_from``, ``rating_min``): every operation's query
parameters, read from the OpenAPI document, are each sent an invalid value, and each
required one is left out once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from uuid import uuid4

import pytest

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
Schema = dict[str, Any]
# A credential in the query is read by the sign-in guard before anything is validated: a
# wrong one is 401 invalid_token, as a wrong bearer token is.
CREDENTIALS = {"/api/v1/events/stream": "ticket"}


def _operations(document: Schema) -> Iterator[tuple[str, str, list[Schema]]]:
    """(method, path with its path parameters filled in, query parameters) of each
    operation that reads the query."""
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict):
                continue
            query = [p for p in operation.get("parameters", []) if p["in"] == "query"]
            if query:
                yield method.upper(), re.sub(r"\{[^}]+\}", lambda _: str(uuid4()), path), query


def _resolved(schema: Schema, document: Schema) -> Schema:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return dict(document["components"]["schemas"][name])
    return schema


def _variant(schema: Schema, document: Schema) -> Schema:
    """The one non-null shape of a parameter's schema, constraints included."""
    options = [_resolved(o, document) for o in schema.get("oneOf", [schema])]
    shapes = [o for o in options if o.get("type") != "null"]
    shape = dict(shapes[0]) if shapes else {}
    constraints = ("maxLength", "pattern", "enum", "format")
    return {**shape, **{k: v for k, v in schema.items() if k in constraints}}


def _invalid_value(schema: Schema, document: Schema) -> str | None:
    """A value the schema refuses, or None when it takes any text."""
    shape = _variant(schema, document)
    if shape.get("type") == "array":
        shape = _resolved(shape["items"], document)
    kind = shape.get("type")
    kind = next(k for k in kind if k != "null") if isinstance(kind, list) else kind
    if kind in ("integer", "number"):
        return "twelve"
    if kind == "boolean":
        return "perhaps"
    if "enum" in shape or "pattern" in shape:
        return "no such value!"
    if shape.get("format") in ("uuid", "date-time"):
        return f"not-a-{shape['format']}"
    if "maxLength" in shape:
        return "x" * (int(shape["maxLength"]) + 1)
    return None


def _valid_value(schema: Schema, document: Schema) -> str:
    shape = _variant(schema, document)
    if shape.get("format") == "uuid":
        return str(uuid4())
    if shape.get("format") == "date-time":
        return "2030-01-01T00:00:00Z"
    return "1" if shape.get("type") in ("integer", "number") else "x"


async def _refusal(
    api: Api, method: str, path: str, params: dict[str, str], sessions: list[dict[str, str]]
) -> Schema | None:
    """The first 400/422 problem any caller gets (guards may stop some roles first)."""
    for headers in sessions:
        answer = await api.client.request(method, path, params=params, headers=headers)
        if answer.status_code in (400, 422):
            problem: Schema = answer.json()
            return problem
    return None


@pytest.fixture
async def sessions(api: Api) -> list[dict[str, str]]:
    admin = api.bearer(await api.admin())
    customer = api.bearer(await api.register("customer@example.com"))
    artist = api.bearer(await api.register("artist@example.com", role="artist"))
    return [admin, customer, artist, {}]


async def test_an_invalid_query_value_is_named_as_sent(
    api: Api, sessions: list[dict[str, str]]
) -> None:
    document = (await api.client.get("/schema/openapi.json")).json()
    wrong, checked = [], 0
    for method, path, query in _operations(document):
        names = {p["name"] for p in query}
        for parameter in query:
            bad = _invalid_value(parameter["schema"], document)
            if bad is None or CREDENTIALS.get(path) == parameter["name"]:
                continue
            params = {
                p["name"]: _valid_value(p["schema"], document) for p in query if p.get("required")
            }
            params[parameter["name"]] = bad
            problem = await _refusal(api, method, path, params, sessions)
            fields = {e["field"] for e in (problem or {}).get("errors", [])}
            checked += 1
            if parameter["name"] not in fields or not fields <= names:
                wrong.append(f"{method} {path} {parameter['name']}={bad!r}: {problem}")
    assert not wrong, "\n".join(wrong)
    assert checked > 60


async def test_a_missing_required_query_parameter_is_named(
    api: Api, sessions: list[dict[str, str]]
) -> None:
    document = (await api.client.get("/schema/openapi.json")).json()
    wrong, checked = [], 0
    for method, path, query in _operations(document):
        required = [p for p in query if p.get("required")]
        for left_out in required:
            params = {
                p["name"]: _valid_value(p["schema"], document) for p in required if p != left_out
            }
            problem = await _refusal(api, method, path, params, sessions)
            errors = (problem or {}).get("errors", [])
            checked += 1
            expected = [{"field": left_out["name"], "message": "is required", "code": "required"}]
            if errors != expected:
                wrong.append(f"{method} {path} without {left_out['name']}: {problem}")
    assert not wrong, "\n".join(wrong)
    assert checked >= 3  # serviceId, from and to of the slots
