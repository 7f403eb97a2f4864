"""The ``inkslot`` command: serve, worker, jobs, migrate, seed, create-admin, expire-holds,
sandbox, payment-edge, telegram.

Each command imports what it uses when it runs: the parser alone answers ``--help`` and a
mistyped command, and an operator command that only reads (``jobs failed``) never loads the
HTTP app, the adapters of every context or the migrations."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import os
import shutil
import signal
import sys
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from entrypoints.bundles import Bundles
    from entrypoints.container import Core
    from entrypoints.seed import DemoAccount
    from entrypoints.settings import Settings

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
    commands.add_parser(
        "rotate-secrets", help="seal every stored secret again under the newest encryption key"
    )
    worker = commands.add_parser("worker", help="run background jobs (until SIGTERM)")
    worker.add_argument("--concurrency", type=int, help="jobs run at once (default 4)")
    worker.add_argument(
        "--nice", type=int, default=0, help="lower the worker's CPU priority by this much (0-19)"
    )
    worker.add_argument(
        "--with-parent", type=int, metavar="PID", help="stop when process PID ends (serve's)"
    )
    jobs = commands.add_parser("jobs", help="look at and retry failed jobs")
    job_commands = jobs.add_subparsers(dest="jobs_command", required=True)
    job_commands.add_parser("failed", help="list jobs that failed for good")
    job_commands.add_parser(
        "release-held",
        help="queue the jobs of every notification held until near its moment (before a rollback)",
    )
    retry = job_commands.add_parser("retry", help="run a failed job again")
    retry.add_argument("job_id", type=int)
    edge = commands.add_parser("payment-edge", help="run the payment edge (holds QPay's keys)")
    edge.add_argument("--host", default="127.0.0.1")
    edge.add_argument("--port", type=int, default=8100)
    sandbox = commands.add_parser("sandbox", help="the local sandbox payment gateway")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    pay = sandbox_commands.add_parser("pay", help="pay a sandbox invoice in full, then call back")
    pay.add_argument("invoice_id", help="the invoiceId a deposit invoice answered with")
    pay.add_argument(
        "--method",
        choices=["p2p", "card"],
        default="p2p",
        help="p2p: a bank app (refunds are manual); card: refundable",
    )
    from entrypoints.telegram.commands import add_telegram_commands

    add_telegram_commands(commands)
    args = parser.parse_args(argv)

    from entrypoints.logs import configure_logging
    from entrypoints.settings import SettingsError, load_settings

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
        "rotate-secrets": _rotate_secrets,
        "worker": _worker,
        "jobs": _jobs,
        "sandbox": _sandbox,
        "payment-edge": _payment_edge,
        "telegram": _telegram,
    }
    return handlers[args.command](args, settings)


def _empty_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from entrypoints.database import database
    from entrypoints.http.metrics import MULTIPROCESS_ENV
    from entrypoints.local_secrets import encryption_keys_for, jwt_secret_for
    from entrypoints.startup import collector_paused

    host = args.host or settings.host
    port = args.port or settings.port
    workers = args.workers or settings.workers
    # Where the app is reached (the local store's URLs point at it, unless INKSLOT_PUBLIC_URL).
    settings = replace(settings, host=host, port=port)
    from entrypoints.fake_stripe.serving import with_fake_stripe

    settings = with_fake_stripe(settings)
    # uvicorn re-raises the signal that stopped it; turning SIGTERM into SystemExit(0) lets
    # the embedded PostgreSQL be stopped cleanly on `kill` as on Ctrl-C (_exit_on_signal).
    signal.signal(signal.SIGTERM, _exit_on_signal)
    with database(settings) as ready:
        if ready.seed_demo_data:
            _print_demo_accounts(_with_core(ready, _seed_core))
        print(f"Inkslot API on http://{host}:{port}  (docs: http://{host}:{port}/docs)", flush=True)
        common = _uvicorn_options(ready, host, port)
        # The API's processes and the job worker build from the environment
        # (entrypoints.startup, `inkslot worker`), as a process started by hand would.
        os.environ["INKSLOT_DATABASE_URL"] = ready.database_url or ""
        os.environ["INKSLOT_JWT_SECRET"] = jwt_secret_for(ready)
        os.environ["INKSLOT_ENCRYPTION_KEY"] = ",".join(encryption_keys_for(ready))
        os.environ["INKSLOT_HOST"], os.environ["INKSLOT_PORT"] = host, str(port)
        with _worker_beside(ready):
            if workers == 1:
                with collector_paused():
                    from entrypoints.app import create_app
                    from entrypoints.startup import settle_heap_for_serving

                    app = create_app(ready)
                    settle_heap_for_serving()
                uvicorn.run(app, **common)
            else:
                # The workers count into one directory that /metrics sums (emptied: counts
                # start at zero with the server, as they do with one process).
                os.environ[MULTIPROCESS_ENV] = str(_empty_dir(ready.data_dir / "metrics"))
                uvicorn.run(
                    "entrypoints.startup:app_from_env", factory=True, workers=workers, **common
                )
    return 0


@contextlib.contextmanager
def _worker_beside(settings: Settings) -> Iterator[None]:
    """The job worker beside the API while the block serves, when the settings run one
    (the local profile; ``entrypoints.worker.beside``): started after the database is ready,
    stopped before it is released."""
    if not settings.runs_embedded_worker:
        yield
        return
    from entrypoints.worker.beside import WorkerBeside, worker_command

    env = {**os.environ, "INKSLOT_MIGRATE_ON_START": "false"}  # serve has migrated
    worker = WorkerBeside(worker_command(os.getpid()), env)
    worker.start()
    try:
        yield
    finally:
        worker.stop()


def _uvicorn_options(settings: Settings, host: str, port: int) -> dict[str, Any]:
    """uvicorn reads X-Forwarded-For only from the configured proxies: with none, the peer's
    own address is the client's (uvicorn's default would believe any local process). Its
    httptools parser runs with our bound on request heads and our refusals
    (``entrypoints.http.protocols``)."""
    from entrypoints.http.protocols import GuardedHttpToolsProtocol

    trusted = settings.trusted_proxies
    return {
        "http": GuardedHttpToolsProtocol,
        "host": host,
        "port": port,
        "log_config": None,
        "access_log": False,
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": ",".join(trusted) if trusted else None,
        # Event streams never end by themselves: on Ctrl-C/SIGTERM they get this long to
        # close before the server stops anyway (clients reconnect with Last-Event-ID).
        "timeout_graceful_shutdown": 3,
    }


def _exit_on_signal(signum: int, _frame: object) -> None:
    """SIGTERM is how an orchestrator stops a process (docker stop, compose down, a rolling
    restart): once the server has drained and stopped, that stop carried out is a success,
    exit 0, as the worker's (with --workers N uvicorn's supervisor already returns 0); 143
    would read as a failure to a restart policy or a monitor. The with-block around the
    server still runs, so the embedded PostgreSQL stops cleanly."""
    raise SystemExit(0)


def _migrate(_: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.database import database

    with database(settings, run_migrations=True):
        print("migrations applied")
    return 0


def _seed(_: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.database import database

    if not settings.is_local:  # demo accounts with printed passwords: never in production
        print("inkslot: demo data is for the local profile only", file=sys.stderr)
        return 2
    with database(settings) as ready:
        accounts = _with_core(ready, _seed_core)
    if not accounts:
        print("the database already has users; nothing seeded")
    _print_demo_accounts(accounts)
    return 0


def _create_admin(args: argparse.Namespace, settings: Settings) -> int:
    from booking_domain.shared import DomainError
    from entrypoints.database import database

    if sys.stdin.isatty():
        password = getpass.getpass("Password for the new admin: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    with database(settings) as ready:

        async def create(_: Core, wired: Bundles) -> None:
            create_admin = wired.accounts.create_admin
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
    from entrypoints.database import database

    async def sweep(_: Core, wired: Bundles) -> int:
        return await wired.bookings.expire_holds()

    with database(settings) as ready:
        count = _with_core(ready, sweep)
    print(f"{count} expired holds cancelled")
    return 0


def _rotate_secrets(_: argparse.Namespace, settings: Settings) -> int:
    from booking_domain.shared import SecretUnreadableError
    from entrypoints.database import database

    async def reseal(core: Core, _: Bundles) -> int:
        from entrypoints.container import reseal_secrets

        return await reseal_secrets(core)

    with database(settings) as ready:
        try:
            count = _with_core(ready, reseal)
        except SecretUnreadableError:
            print(
                "inkslot: a stored secret opens with none of the keys in "
                "INKSLOT_ENCRYPTION_KEY; nothing was changed",
                file=sys.stderr,
            )
            return 1
    print(f"{count} rows sealed again under the newest key")
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.database import database
    from entrypoints.tracing import flush_tracing, start_tracing

    if args.concurrency is not None and args.concurrency < 1:
        print("inkslot: --concurrency must be at least 1", file=sys.stderr)
        return 2
    if not 0 <= args.nice <= 19:
        print("inkslot: --nice must be between 0 and 19", file=sys.stderr)
        return 2
    if args.nice:
        # The kernel serves the API's requests first: within this session where it groups
        # sessions (entrypoints/worker/beside.py).
        os.nice(args.nice)
    if args.with_parent is not None:
        from entrypoints.worker.beside import exit_with_parent

        exit_with_parent(args.with_parent)
    # Until the job queue takes SIGTERM over (a graceful stop), a stop while the worker
    # starts (compose recreating it, then `down`) is a stop carried out: exit 0, not 143.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    start_tracing("inkslot-worker", background_statements=settings.trace_background_statements)
    with database(settings) as ready:

        async def work(_: Core, wired: Bundles) -> None:
            from entrypoints.startup import WORKER_YOUNG_AFTER, settle_heap_for_serving
            from entrypoints.worker import run_worker

            # The core, its adapters and the tasks' modules are made.
            settle_heap_for_serving(young_after=WORKER_YOUNG_AFTER)
            await run_worker(ready, wired, concurrency=args.concurrency)

        try:
            _with_core(ready, work)
        finally:
            flush_tracing()
    return 0


def _jobs(args: argparse.Namespace, settings: Settings) -> int:
    """The job queue alone: no core, and no migration (the queue's tables are the
    migrations' own; on a database without them the command says so)."""
    from adapters.jobs.queue import failed_jobs, opened, retry_failed
    from adapters.postgres.notification_queue import (
        EVERY_MOMENT,
        psycopg_pool_of,
        release_all_held,
    )
    from adapters.system.clock import SystemClock
    from entrypoints.database import database, has_job_queue, job_queue

    async def run(ready: Settings) -> int:
        app = job_queue(ready)
        async with opened(app):
            if args.jobs_command == "release-held":
                pool, manager = psycopg_pool_of(app), app.job_manager
                released = await release_all_held(pool, manager, EVERY_MOMENT)
                print(f"{released} held notifications queued, each to run at its moment")
                return 0
            if args.jobs_command == "failed":
                failed = await failed_jobs(app)
                for job in failed:
                    print(f"{job.id}\t{job.task}\tattempts={job.attempts}\t{job.args}")
                print(f"{len(failed)} failed jobs")
                return 0
            if await retry_failed(app, args.job_id, SystemClock().now()):
                print(f"job {args.job_id} queued again")
                return 0
            print(f"inkslot: no failed job {args.job_id}", file=sys.stderr)
            return 1

    with database(settings, run_migrations=False) as ready:
        if not has_job_queue(ready):
            print("inkslot: this database has no job queue yet: `inkslot migrate` makes it")
            return 1
        return asyncio.run(run(ready))


def _payment_edge(args: argparse.Namespace, settings: Settings) -> int:
    """The payment edge as its own process: QPay's credentials (``INKSLOT_QPAY_*``) and the
    secret the API signs with (``INKSLOT_PAYMENT_EDGE_SECRET``) are all it needs."""
    import uvicorn

    from adapters.payments.edge_wire import Verifier
    from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
    from adapters.system.clock import SystemClock
    from entrypoints.http.draining import Drain
    from entrypoints.payment_edge import PaymentEdge
    from entrypoints.payment_edge.forward import CallbackForwarder

    needed = {
        "INKSLOT_QPAY_CLIENT_ID": settings.qpay_client_id,
        "INKSLOT_QPAY_CLIENT_SECRET": settings.qpay_client_secret,
        "INKSLOT_QPAY_INVOICE_CODE": settings.qpay_invoice_code,
        "INKSLOT_PAYMENT_EDGE_SECRET": settings.payment_edge_secret,
    }
    missing = [name for name, value in needed.items() if not value]
    if missing:
        print(f"inkslot: the payment edge needs {', '.join(missing)}", file=sys.stderr)
        return 2
    secret = settings.payment_edge_secret or ""
    if len(secret) < 32:
        print(
            "inkslot: INKSLOT_PAYMENT_EDGE_SECRET must be at least 32 characters", file=sys.stderr
        )
        return 2
    credentials = QPayCredentials(
        settings.qpay_base_url,
        settings.qpay_client_id or "",
        settings.qpay_client_secret or "",
        settings.qpay_invoice_code or "",
    )
    gateway = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
    forward_to = settings.payment_edge_forward_url
    forwarder = CallbackForwarder(forward_to) if forward_to else None

    async def shut_down() -> None:
        await gateway.close()
        if forwarder is not None:
            await forwarder.close()

    from entrypoints.tracing import start_tracing

    provider = start_tracing(
        "inkslot-payment-edge", background_statements=settings.trace_background_statements
    )
    app: Any = PaymentEdge(
        gateway,
        Verifier(secret.encode()),
        on_shutdown=shut_down,
        forwarder=forwarder,
        access_log=settings.access_log,
        # As the API's: a callback QPay sends while a load balancer takes the edge out is
        # still served (entrypoints/http/draining.py).
        drain=Drain(settings.drain_seconds),
    )
    if provider is not None:  # a server span per request around the QPay calls it makes
        from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

        # Not QPay's callbacks: a span would keep the URL, and its query holds the token.
        app = OpenTelemetryMiddleware(app, tracer_provider=provider, excluded_urls="/v1/callbacks/")
    # The API's bound on request heads and its problem refusals (entrypoints.http.protocols).
    from entrypoints.http.protocols import GuardedHttpToolsProtocol

    signal.signal(signal.SIGTERM, _exit_on_signal)  # a stop carried out exits 0, as serve's
    uvicorn.run(
        app,
        http=GuardedHttpToolsProtocol,
        host=args.host,
        port=args.port,
        log_level=settings.log_level.lower(),
        # uvicorn's access log writes the query, and a callback's holds its token: the edge
        # writes its own, without it.
        access_log=False,
    )
    return 0


def _sandbox(args: argparse.Namespace, settings: Settings) -> int:
    from booking_domain.payments import PaymentMethod, PaymentNotFoundError
    from booking_domain.shared import ConflictError
    from entrypoints.database import database

    with database(settings) as ready:

        async def pay(_: Core, wired: Bundles) -> int:
            bank = wired.sandbox
            if bank is None:
                print("inkslot: this deployment does not pay through the sandbox", file=sys.stderr)
                return 2
            try:
                payment_id = await bank.pay(args.invoice_id, PaymentMethod(args.method))
            except (PaymentNotFoundError, ConflictError) as refused:
                print(f"inkslot: {refused.message}", file=sys.stderr)
                return 1
            print(f"invoice {args.invoice_id} paid: payment {payment_id}")
            return 0

        return _with_core(ready, pay)


def _telegram(args: argparse.Namespace, settings: Settings) -> int:
    from entrypoints.telegram.commands import telegram_command

    return telegram_command(args, settings)


def _with_core(settings: Settings, work: Callable[[Core, Bundles], Awaitable[T]]) -> T:
    """``work`` on the core the settings wire and its bundles, with its adapters open."""
    from entrypoints.local_secrets import jwt_secret_for
    from entrypoints.startup import collector_paused
    from entrypoints.stopping import run_until_stopped

    with collector_paused():  # the adapters and every context: most of a command's start
        from entrypoints.container import build_container, bundles, close_adapters, open_adapters

        core = build_container(settings, jwt_secret=jwt_secret_for(settings))
        wired = bundles(core)

    async def run() -> T:
        await open_adapters(core)
        return await work(core, wired)

    return run_until_stopped(run, lambda: close_adapters(core))


async def _seed_core(core: Core, wired: Bundles) -> list[DemoAccount]:
    from entrypoints.container import accounts_storage, clock_of
    from entrypoints.seed import seed_demo_data

    return await seed_demo_data(wired, accounts_storage(core), clock_of(core))


def _print_demo_accounts(accounts: list[DemoAccount]) -> None:
    if not accounts:
        return
    print("\nDemo accounts (passwords are shown this once):")
    for account in accounts:
        print(f"  {account.role:<9} {account.email:<26} {account.password}")
    for account in accounts:
        if account.booking_link:
            print(f"  booking page of {account.email}: {account.booking_link}")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
