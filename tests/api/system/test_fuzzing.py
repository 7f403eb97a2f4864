"""Property-based fuzzing of every operation of the OpenAPI document, as every role.

Schemathesis generates requests from the schema (valid ones, and invalid ones for negative
testing; NUL characters allowed) and sends them in process to the app from ``create_app()``
on a PostgreSQL database of this module's own. Each operation is tried as a customer, as an
artist with an approved profile, as an admin, and with that artist's API key holding every
scope (anonymous callers only ever meet 401).
Path parameters that name an artist, service, studio, booking or loyalty program are the
seeded ones, so the requests reach the rules instead of stopping at 404. Checks: no response
is a server error, every status is one the operation documents, and every response
(problems included) matches its documented schema. New endpoints are fuzzed without anyone
remembering to: the test is parametrized by the schema.

The example count per operation is FUZZ_EXAMPLES (an environment variable; each example is
sent once per role); the module prints how many requests it sent.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from dependency_injector import providers
from hypothesis import HealthCheck, settings
from litestar import Litestar
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from adapters.system.clock import ManualClock
from booking_domain.accounts import ApiKeyScope
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog.use_cases import ProfileFields, ServiceFields, StudioFields
from booking_domain.loyalty.use_cases import ProgramSettings
from booking_domain.scheduling.use_cases import RuleFields
from booking_domain.shared import Money, Role
from booking_domain.testing.loyalty import EVERYDAY
from entrypoints.app import create_app
from entrypoints.bundles import Bundles
from entrypoints.container import LocalAdapters, build_container, bundles
from tests.support import postgres
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.fuzzing import FUZZ_SUMMARY
from tests.support.openapi import openapi_document
from tests.support.telegram import TEST_BOT_TOKEN

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
PASSWORD = "violet-needle-harbour"
ROLES = ("customer", "artist", "admin", "api_key")
SENT: Counter[str] = Counter()


@dataclass(frozen=True)
class Target:
    app: Litestar
    tokens: dict[str, str]
    known: dict[str, str]  # path parameter -> an id that exists


def _wire(database_url: str) -> tuple[Litestar, Bundles, Any]:
    # Telegram sign-in on, so its operations are fuzzed past 404 telegram_off.
    # The API key's own rate limit out of the way: thousands of requests a minute are sent.
    config = cheap_settings(
        database_url=database_url,
        telegram_bot_token=TEST_BOT_TOKEN,
        api_key_rate_limit_per_minute=10_000_000,
    )
    adapters = LocalAdapters(settings=config, jwt_secret=TEST_JWT_SECRET, database_url=database_url)
    adapters.clock.override(providers.Object(ManualClock(START)))
    core = build_container(config, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    return create_app(config, container=core), bundles(core), core


async def _seed(database_url: str) -> tuple[dict[str, str], dict[str, str]]:
    """Three people (one per role), an approved artist with a service, hours and a studio,
    a confirmed booking and the platform's loyalty program on: through the use cases, on a
    container of its own."""
    _, use_cases, core = _wire(database_url)
    await core.adapters.open()
    try:
        accounts, catalog = use_cases.accounts, use_cases.catalog
        admin = await accounts.create_admin(email="admin@fuzz.example", password=PASSWORD)
        customer = await accounts.register_user(
            email="customer@fuzz.example", password=PASSWORD, name="Ada", role=Role.CUSTOMER
        )
        artist = await accounts.register_user(
            email="artist@fuzz.example", password=PASSWORD, name="Ink", role=Role.ARTIST
        )
        me = artist.user.actor
        studio = await catalog.create_studio(me, StudioFields("Ink Bar", "1 Peace Ave", "UB"))
        profile = await catalog.create_artist(
            me, ProfileFields(display_name="Ink", time_zone="Asia/Ulaanbaatar", studio_id=studio.id)
        )
        service = await catalog.add_service(
            me,
            profile.id,
            ServiceFields(
                name="Small", duration=timedelta(hours=1),
                price=Money(100_000, "MNT"),
            ),
        )  # fmt: skip
        for day in range(7):
            await use_cases.scheduling.add_weekly_rule(me, RuleFields(day, "08:00", "20:00"))
        await catalog.submit_artist(me, profile.id)
        await catalog.review_artist(admin.actor, profile.id, approved=True, note=None)
        slots = await use_cases.scheduling.find_free_slots(
            customer.user.actor, profile.id, service.id, START, START.replace(day=20)
        )
        booked = await use_cases.bookings.create_booking(
            customer.user.actor, BookingRequest(profile.id, service.id, slots.starts[0])
        )
        admin_in = await accounts.login(
            email="admin@fuzz.example", password=PASSWORD, address="127.0.0.1"
        )
        program = await use_cases.loyalty.set_platform_program(
            admin.actor, ProgramSettings(active=True, rates=EVERYDAY)
        )
        key = await accounts.create_api_key(
            me,
            name="Fuzzing",
            scopes=[s.value for s in ApiKeyScope],
            expires_at=START + timedelta(days=90),
        )
    finally:
        await core.adapters.close()
    tokens = {
        "customer": customer.tokens.access.token,
        "artist": artist.tokens.access.token,
        "admin": admin_in.tokens.access.token,
        "api_key": key.secret,
    }
    known = {
        "artist_id": str(profile.id),
        "service_id": str(service.id),
        "studio_id": str(studio.id),
        "booking_id": str(booked.booking.id),
        "program_id": str(program.id),
    }
    return tokens, known


class DeferredApp:
    """The ASGI app schemathesis calls: it forwards to the app the module's fixture builds.
    Schemathesis needs the operations when tests are collected; the database exists only
    once fixtures run."""

    def __init__(self) -> None:
        self.target: Litestar | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        assert self.target is not None, "the fuzz_target fixture binds the app first"
        if scope.get("path", "").endswith(STREAM_PATH):
            receive, send = _hang_up_once_started(receive, send)
        await self.target(scope, receive, send)


STREAM_PATH = "/events/stream"


def _hang_up_once_started(receive: Any, send: Any) -> tuple[Any, Any]:
    """The event stream never ends by itself: the client here hangs up as soon as the
    response has started, as a browser closing the tab would (its status and headers are
    what the checks look at)."""
    started = asyncio.Event()
    asked = 0

    async def hang_up_receive() -> Any:
        nonlocal asked
        asked += 1
        if asked == 1:
            return await receive()
        await started.wait()
        return {"type": "http.disconnect"}

    async def noting_send(message: Any) -> None:
        if message["type"] == "http.response.start":
            started.set()
        await send(message)

    return hang_up_receive, noting_send


APP = DeferredApp()
schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = APP


@pytest.fixture(scope="module")
def fuzz_target(
    pg_server: postgres.TestServer, pg_template: str, pytestconfig: pytest.Config
) -> Iterator[Target]:
    with postgres.fresh_database(pg_server, pg_template) as url:
        tokens, known = asyncio.run(_seed(url))
        app, _, _ = _wire(url)
        APP.target = app
        yield Target(app, tokens, known)
    operations = sum(1 for _ in schema.get_all_operations())
    pytestconfig.stash[FUZZ_SUMMARY] = (
        f"fuzzing: {operations} operations x {len(ROLES)} roles, up to {EXAMPLES} examples per "
        f"operation and generation phase: {SENT['admin']} examples, {sum(SENT.values())} requests"
    )


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_request_makes_the_server_fail(case: Any, fuzz_target: Target) -> None:
    """Each generated request is sent once as each role."""
    for name in case.path_parameters or {}:
        if name in fuzz_target.known:
            case.path_parameters[name] = fuzz_target.known[name]
    for role in ROLES:
        SENT[role] += 1
        case.call_and_validate(
            headers={"Authorization": f"Bearer {fuzz_target.tokens[role]}"},
            checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
        )
