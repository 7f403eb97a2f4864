"""API tests: the real app on a real PostgreSQL database of the test's own, with a manual
clock and cheap (but real) argon2 hashing.

The app is the one ``create_app()`` builds, lent from a shelf of apps built once per session
(``tests/support/apps.py``), serving the test's own core; the requests run in process, on the
test's event loop, as the use cases the tests call directly do (one loop: a pool connection
handed back in one is never awaited from another).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from dependency_injector import providers
from httpx import Response
from litestar import Litestar

from adapters.payments.sandbox import SandboxGateway
from adapters.system.clock import ManualClock
from entrypoints.bundles import Bundles
from entrypoints.container import LocalAdapters, build_container, bundles
from entrypoints.settings import Settings
from tests.support.apps import AppShelf
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings

PASSWORD = "violet-needle-harbour"


@dataclass
class Api:
    client: httpx.AsyncClient
    app: Litestar  # the ASGI app the client calls, for tests that call it bare
    clock: ManualClock
    # The app's own use cases, every registered context's under its name (the registry's
    # class: ``entrypoints.contexts``), for what only an operator does (admins) or only the
    # worker does (a sweep, a follower of the outbox, a job): ``api.bundles.payments``.
    bundles: Bundles
    sandbox: SandboxGateway | None = None  # the sandbox payment gateway, when it is the one
    database_url: str = ""

    async def register(
        self, email: str = "ada@example.com", role: str = "customer", name: str = "Ada"
    ) -> dict[str, Any]:
        response = await self.client.post(
            "/api/v1/auth/register",
            json={"email": email, "password": PASSWORD, "name": name, "role": role},
        )
        assert response.status_code == 201, response.text
        session: dict[str, Any] = response.json()
        return session

    async def login(self, email: str, password: str = PASSWORD) -> Response:
        return await self.client.post(
            "/api/v1/auth/login", json={"email": email, "password": password}
        )

    @staticmethod
    def bearer(session: dict[str, Any]) -> dict[str, str]:
        return {"Authorization": f"Bearer {session['tokens']['accessToken']}"}

    async def admin(self, email: str = "root@example.com") -> dict[str, Any]:
        """An admin session. Admins are made by the operator use case (the CLI's path; they
        cannot sign up over HTTP), then sign in like anyone."""
        await self.bundles.accounts.create_admin(email=email, password=PASSWORD)
        response = await self.login(email)
        assert response.status_code == 200
        session: dict[str, Any] = response.json()
        return session


ApiFactory = Callable[..., Awaitable[Api]]


@pytest.fixture(scope="session")
def app_shelf() -> AppShelf:
    return AppShelf()


@pytest.fixture
async def make_api(
    database_url: str, tmp_path: Path, app_shelf: AppShelf
) -> AsyncIterator[ApiFactory]:
    """Build an API with settings overrides; every one built is shut down after the test."""
    async with AsyncExitStack() as running:

        async def make(**overrides: Any) -> Api:
            defaults = {"database_url": database_url, "data_dir": tmp_path / "var"}
            settings: Settings = cheap_settings(**{**defaults, **overrides})
            clock = ManualClock(START)
            adapters = LocalAdapters(
                settings=settings, jwt_secret=TEST_JWT_SECRET, database_url=settings.database_url
            )
            adapters.clock.override(providers.Object(clock))
            core = build_container(settings, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
            app = await running.enter_async_context(app_shelf.serving(core))
            client = await running.enter_async_context(client_of(app))
            wired = bundles(core)
            sandbox = core.adapters.payments().sandbox
            if sandbox is not None:  # its callbacks reach this app the way QPay's would: HTTP
                sandbox.route_callbacks(_through(app))
            return Api(client, app, clock, wired, sandbox, str(settings.database_url))

        yield make


def client_of(app: Litestar) -> httpx.AsyncClient:
    """An HTTP client calling ``app`` in process, as Litestar's test client does (its host,
    address and redirects), on the caller's event loop."""
    transport = httpx.ASGITransport(app=app, client=("testclient", 50000))  # type: ignore[arg-type]
    return httpx.AsyncClient(
        transport=transport,
        base_url="http://testserver.local",
        headers={"user-agent": "testclient"},
        follow_redirects=True,
    )


def _through(app: Litestar) -> Callable[[str], Awaitable[int]]:
    """Calls to the app over HTTP (its ASGI side, in process). A client of its own for each
    call, as another party's would be."""

    async def call_back(url: str) -> int:
        async with client_of(app) as caller:
            return (await caller.get(url)).status_code

    return call_back


@pytest.fixture
async def api(make_api: ApiFactory) -> Api:
    return await make_api()
