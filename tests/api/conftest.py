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
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.loyalty.use_cases import LoyaltyUseCases
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.search.use_cases import SearchUseCases
from booking_domain.telegram.use_cases import TelegramUseCases
from booking_domain.waitlist.use_cases import WaitlistUseCases
from booking_domain.webhooks.use_cases import WebhookUseCases
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
    accounts: AccountUseCases  # the app's own, for what only an operator does (admins)
    sandbox: SandboxGateway | None = None  # the sandbox payment gateway, when it is the one
    payments: PaymentUseCases | None = None  # the app's own, for what only the worker does
    notifications: NotificationUseCases | None = None  # likewise: planning and sending
    database_url: str = ""
    search: SearchUseCases | None = None  # likewise: refreshing the free-starts projection
    webhooks: WebhookUseCases | None = None  # likewise: dispatching and delivering
    scheduling: SchedulingUseCases | None = None  # likewise: fetching external calendars
    bookings: BookingUseCases | None = None  # likewise: the hold sweep
    waitlist: WaitlistUseCases | None = None  # likewise: the reader offering freed times
    telegram: TelegramUseCases | None = None  # likewise: handling the bot's updates
    loyalty: LoyaltyUseCases | None = None  # likewise: earning from the outbox, expiring

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
        await self.accounts.create_admin(email=email, password=PASSWORD)
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
            return Api(
                client, app, clock, wired.accounts, sandbox, wired.payments, wired.notifications,
                str(settings.database_url), wired.search, wired.webhooks, wired.scheduling,
                wired.bookings, wired.waitlist, wired.telegram, wired.loyalty,
            )  # fmt: skip

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
