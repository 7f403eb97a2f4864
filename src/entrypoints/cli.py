"""The ``inkslot`` command: serve, migrate, seed, create-admin, expire-holds."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from entrypoints.logs import configure_logging
from entrypoints.settings import Settings, SettingsError, load_settings

if TYPE_CHECKING:
    from entrypoints.container import Core
    from entrypoints.seed import DemoAccount

T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="inkslot", description="Inkslot booking backend")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the HTTP API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("seed", help="create demo data when the database is empty")
    admin = commands.add_parser("create-admin", help="create an admin (password read from stdin)")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Administrator")
    commands.add_parser("expire-holds", help="cancel pending bookings whose hold has run out")
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"inkslot: configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    handlers: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
        "serve": _serve,
        "migrate": _migrate,
        "seed": _seed,
        "create-admin": _create_admin,
        "expire-holds": _expire_holds,
    }
    return handlers[args.command](args, settings)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from entrypoints.app import create_app, jwt_secret_for, settle_heap_for_serving
    from entrypoints.runtime import database

    host = args.host or settings.host
    port = args.port or settings.port
    workers = args.workers or settings.workers
    # uvicorn re-raises the signal that stopped it; turning SIGTERM into SystemExit lets the
    # embedded PostgreSQL be stopped cleanly on `kill` as on Ctrl-C.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    with database(settings) as ready:
        if ready.seed_demo_data:
            _print_demo_accounts(_with_core(ready, _seed_core))
        print(f"Inkslot API on http://{host}:{port}  (docs: http://{host}:{port}/docs)", flush=True)
        common = _uvicorn_options(ready, host, port)
        if workers == 1:
            app = create_app(ready)
            settle_heap_for_serving()
            uvicorn.run(app, **common)
        else:
            # Each worker builds its own app from the environment (see app_from_env).
            os.environ["INKSLOT_DATABASE_URL"] = ready.database_url or ""
            os.environ["INKSLOT_JWT_SECRET"] = jwt_secret_for(ready)
            uvicorn.run("entrypoints.app:app_from_env", factory=True, workers=workers, **common)
    return 0


def _uvicorn_options(settings: Settings, host: str, port: int) -> dict[str, Any]:
    """uvicorn reads X-Forwarded-For only from the configured proxies: with none, the peer's
    own address is the client's (uvicorn's default would believe any local process)."""
    trusted = settings.trusted_proxies
    return {
        "host": host,
        "port": port,
        "log_config": None,
        "access_log": False,
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": ",".join(trusted) if trusted else None,
    }


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def _migrate(_: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.runtime import database

    with database(settings):
        print("migrations applied")
    return 0


def _seed(_: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.runtime import database

    with database(settings) as ready:
        accounts = _with_core(ready, _seed_core)
    if not accounts:
        print("the database already has users; nothing seeded")
    _print_demo_accounts(accounts)
    return 0


def _create_admin(args: argparse.Namespace, settings: Settings) -> int:
    from booking_domain.shared import DomainError
    from entrypoints.container import bundles
    from entrypoints.runtime import database

    if sys.stdin.isatty():
        password = getpass.getpass("Password for the new admin: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    with database(settings) as ready:

        async def create(core: Core) -> None:
            create_admin = bundles(core).accounts.create_admin
            await create_admin(email=args.email, password=password, name=args.name)

        try:
            _with_core(ready, create)
        except DomainError as exc:
            details = "; ".join(e.message for e in getattr(exc, "errors", ())) or exc.message
            print(f"inkslot: could not create the admin: {details}", file=sys.stderr)
            return 1
    print(f"admin {args.email} created")
    return 0


def _expire_holds(_: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.container import bundles
    from entrypoints.runtime import database

    async def sweep(core: Core) -> int:
        return await bundles(core).bookings.expire_holds()

    with database(settings) as ready:
        count = _with_core(ready, sweep)
    print(f"{count} expired holds cancelled")
    return 0


def _with_core(settings: Settings, work: Callable[[Core], Awaitable[T]]) -> T:
    from entrypoints.app import jwt_secret_for
    from entrypoints.container import build_container, close_adapters, open_adapters

    async def run() -> T:
        core = build_container(settings, jwt_secret=jwt_secret_for(settings))
        await open_adapters(core)
        try:
            return await work(core)
        finally:
            await close_adapters(core)

    return asyncio.run(run())


async def _seed_core(core: Core) -> list[DemoAccount]:
    from entrypoints.container import accounts_storage, bundles, clock_of
    from entrypoints.seed import seed_demo_data

    return await seed_demo_data(bundles(core), accounts_storage(core), clock_of(core))


def _print_demo_accounts(accounts: list[DemoAccount]) -> None:
    if not accounts:
        return
    print("\nDemo accounts (passwords are shown this once):")
    for account in accounts:
        print(f"  {account.role:<9} {account.email:<26} {account.password}")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
