"""The app and its OpenAPI document, built once per test process: the app on in-memory
adapters (the document does not depend on storage). The suites that are parametrized by
them need them when they are collected, before any fixture runs."""

from __future__ import annotations

from functools import cache
from typing import Any

from litestar import Litestar

from entrypoints.app import create_app
from entrypoints.container import build_container, memory_adapters
from tests.support.builders import TEST_JWT_SECRET, cheap_settings


@cache
def openapi_app() -> Litestar:
    """The app the document is built from (its handlers say what each operation raises)."""
    config = cheap_settings()
    core = build_container(
        config, jwt_secret=TEST_JWT_SECRET, adapters=memory_adapters(config, TEST_JWT_SECRET)
    )
    return create_app(config, container=core)


@cache
def openapi_document() -> dict[str, Any]:
    document: dict[str, Any] = openapi_app().openapi_schema.to_schema()
    return document
