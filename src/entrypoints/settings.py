"""Typed settings, read from ``INKSLOT_*`` environment variables by :func:`load_settings`.

Profiles:
- ``local`` (the default): nothing to configure. An embedded PostgreSQL under ``data_dir``,
  a JWT secret and an encryption key generated once and kept in ``data_dir`` (mode 600),
  demo data seeded when empty.
- ``production``: every value that has no safe default is required; start-up stops with one
  message that names every missing variable. It never falls back to local parts.

Nothing is read at import time: call :func:`load_settings` (tests build ``Settings`` directly).

Here are the fields and their defaults, and the reading of the environment; each variable's
parser and the table of variables are ``setting_values``', the checks across settings
``setting_checks``', and the secrets the local profile makes for itself ``local_secrets``'.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from entrypoints.setting_checks import (
    message_channel_problems,
    missing_in_production,
    payment_problems,
    short_jwt_secret,
)
from entrypoints.setting_values import PREFIX, parsed_fields

# Where Twilio posts delivery reports (entrypoints/http/notifications/sms_status.py).
TWILIO_STATUS_PATH = "/api/v1/sms/twilio/status"


class Profile(StrEnum):
    LOCAL = "local"
    PRODUCTION = "production"


class SettingsError(Exception):
    """The environment does not describe a runnable configuration."""


@dataclass(frozen=True, slots=True)
class Settings:
    profile: Profile = Profile.LOCAL
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    # None in the local profile means "start the embedded server".
    database_url: str | None = None
    database_pool_size: int = 10
    # "transaction": database_url (and the replica's) reach PostgreSQL through a
    # transaction-mode pooler such as PgBouncer (docs/deployment.md, "Behind PgBouncer").
    database_pooler: str = "none"
    # A direct (or session-mode) URL for what a transaction pooler cannot carry: migrations
    # and the job workers' LISTEN. None: database_url.
    database_direct_url: str | None = None
    # A streaming replica for the reads that may lag, and how far it may trail (seconds).
    database_replica_url: str | None = None
    database_replica_max_lag: float = 5.0
    data_dir: Path = Path("var")
    jwt_secret: str | None = None
    # INKSLOT_ENCRYPTION_KEY: Fernet keys, newest first (adapters/security/secret_box.py);
    # empty in the local profile means "the key kept in data_dir". Never in a repr.
    encryption_keys: tuple[str, ...] = field(default=(), repr=False)
    access_token_ttl: timedelta = timedelta(minutes=15)
    refresh_token_ttl: timedelta = timedelta(days=30)
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    login_max_failures: int = 5
    login_lock: timedelta = timedelta(minutes=15)
    auth_rate_limit_per_minute: int = 30
    sign_up_rate_limit_per_hour: int = 20
    # Requests per minute of each API key, apart from every other caller (docs/api.md).
    api_key_rate_limit_per_minute: int = 600
    # Sign-in by phone code (docs/product.md, "Phone codes"): national numbers are read in
    # this region (ISO 3166 alpha-2); at most this many code messages leave a UTC day.
    phone_region: str = "MN"
    sms_daily_limit: int = 1_000
    # Where texts go (docs/product.md, "Where texts go"): the regions whose numbers are
    # texted; empty: phone_region alone. Satellite and premium ranges never are.
    sms_regions: tuple[str, ...] = ()
    # Codes a range of 10,000 numbers (all but the last 4 digits) is sent in 24 hours.
    sms_range_daily_limit: int = 50
    # Texts one account's actions (a booking, a move, a cancellation...) may cause a UTC
    # day; those beyond are skipped as text_limit (docs/notifications.md).
    sms_account_daily_limit: int = 50
    # How many customers an artist may look up an hour when booking them in by email or
    # phone (booking_domain/bookings/lookups.py): the answer tells who has an account.
    customer_lookups_per_hour: int = 60
    # Seconds the clock runs ahead of the wall clock (negative: behind), in the local
    # profile only (adapters/system/clock.py, ShiftedClock): to rehearse another day.
    clock_shift_seconds: int = 0
    # Addresses of proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; none by
    # default, so a client cannot pose as another address (the rate limits key on it).
    trusted_proxies: tuple[str, ...] = ()
    redis_url: str | None = None
    # Key prefix in Redis, so deployments (or test runs) sharing one Redis stay apart.
    redis_namespace: str = "inkslot"
    cors_origins: tuple[str, ...] = ()
    seed_demo_data: bool = True
    # Whether every command (serve, worker, ...) migrates the database when it starts. None:
    # in the local profile only; production migrates with `inkslot migrate`, once, before
    # the rollout, so that a process of the release before can still start afterwards.
    migrate_on_start: bool | None = None
    # Seconds an API process answers /health/ready (the payment edge /health) with 503 after
    # SIGTERM before it stops (entrypoints/http/draining.py). None: 0 in the local profile, 5
    # in production.
    shutdown_drain_seconds: float | None = None
    log_level: str = "INFO"
    access_log: bool = True
    # With tracing on, record the statements nothing is behind (the worker's polling);
    # off, only a request's or a job's statements are (entrypoints/tracing.py).
    trace_background_statements: bool = False
    # Who may read /metrics: a token, requests bearing it; None, loopback clients in the
    # local profile and nobody in production (docs/deployment.md).
    metrics_token: str | None = None
    # Background work (docs/jobs.md). None: a worker runs inside `inkslot serve` in the local
    # profile only; production runs `inkslot worker` processes.
    embedded_worker: bool | None = None
    worker_concurrency: int = 4
    # A worker silent this long is taken for dead and its jobs are put back (docs/jobs.md).
    worker_stalled_seconds: float = 20.0
    # Cron lines (a sixth field is seconds) of the periodic tasks.
    expire_holds_cron: str = "* * * * *"
    purge_cron: str = "17 * * * *"
    fold_analytics_cron: str = "* * * * *"
    # Webhooks (docs/events.md). None: private and loopback targets (and http) are allowed
    # in the local profile only. The retry delays in seconds, after each failed attempt.
    webhooks_allow_private: bool | None = None
    # None: the webhooks context's own schedule (booking_domain.webhooks.DEFAULT_RETRY_DELAYS).
    # The settings import no context: every command reads them, most need none of them.
    webhook_retry_seconds: tuple[int, ...] | None = None
    # Whether dispatch queues a round's job per endpoint and batch (false: a job per
    # delivery, which every release runs: for a rolling upgrade from a release without
    # rounds, docs/deployment.md).
    webhook_rounds: bool = True
    # Where clients reach this app (the local store's signed and public URLs point at it);
    # None: http://{host}:{port}.
    public_url: str | None = None
    # Object storage (docs/media.md). Without R2/S3 settings the local profile keeps files
    # under data_dir/storage; production requires them.
    s3_endpoint_url: str | None = None  # any S3-compatible endpoint; R2's comes from the id
    r2_account_id: str | None = None
    r2_access_key_id: str | None = None
    r2_secret_access_key: str | None = None
    r2_uploads_bucket: str = "inkslot-uploads"
    r2_media_bucket: str = "inkslot-media"
    r2_media_public_base_url: str | None = None
    # Images a process decodes at once. None: one fewer than the machine's cores (at least
    # one), so the event loop keeps a core while images are processed.
    image_concurrency: int | None = None
    # Payments (docs/payments.md). The road to QPay: "sandbox" (the local profile's default
    # and only there), "qpay" (this process holds the QPay credentials), "edge" (the payment
    # edge holds them; this process signs its requests to it) or "none" (no QPay: Stripe
    # alone).
    payment_gateway: str | None = None
    qpay_base_url: str = "https://merchant.qpay.mn"
    qpay_client_id: str | None = None
    qpay_client_secret: str | None = None
    qpay_invoice_code: str | None = None
    payment_edge_url: str | None = None
    payment_edge_secret: str | None = None
    # Stripe (docs/payments.md, "Stripe"): enabled by its secret key, beside QPay or alone.
    # The webhook's signing secret is required with it; the API URL is Stripe's unless a
    # fake's; the currencies it takes (None: adapters.payments.stripe_gateway's defaults).
    # stripe_fake (local profile only): `inkslot serve` starts the local fake Stripe and
    # points all of these at it.
    stripe_secret_key: str | None = field(default=None, repr=False)
    stripe_webhook_secret: str | None = field(default=None, repr=False)
    stripe_api_url: str | None = None
    stripe_currencies: frozenset[str] | None = None
    stripe_fake: bool = False
    # Where QPay calls back: None, this API (<public URL>/api/v1/payments/callback); or the
    # payment edge's /v1/callbacks, which passes each callback on to the API's URL it is
    # given as payment_edge_forward_url (entrypoints/payment_edge/forward.py).
    payment_callback_base_url: str | None = None
    payment_edge_forward_url: str | None = None
    # The platform's fee on what a gateway collects for an artist (docs/payouts.md, "The
    # fee"): basis points of each payment (250: 2.5 %), at least the minimum of its currency
    # (minor units), never more than the payment. 0 and none: no fee.
    platform_fee_basis_points: int = 0
    platform_fee_minimums: Mapping[str, int] = field(default_factory=dict)
    # Notifications (docs/notifications.md). Email goes through SMTP when smtp_host is set
    # (production requires it); otherwise each message is written as an .eml file under
    # data_dir/mail. Texts go to a generic JSON SMS gateway when its URL and key are set,
    # to the log otherwise. Links in messages point at app_url (the web app; None: the API).
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_tls: str = "starttls"  # starttls | implicit | none
    smtp_username: str | None = None
    smtp_password: str | None = None
    mail_from: str = "Inkslot <no-reply@inkslot.local>"
    sms_gateway_url: str | None = None
    sms_gateway_key: str | None = None
    sms_sender_id: str | None = None
    # Which SMS provider carries texts: "log", "gateway" (the JSON gateway above) or
    # "twilio". None: Twilio when its Account SID is set, the gateway when its URL is, else
    # the log. Twilio authenticates with the Auth Token, or an API key (SID and secret) when
    # set; the Auth Token also checks the signature of its delivery reports, posted to
    # <public URL>/api/v1/sms/twilio/status (only when public_url is set). Texts come from
    # twilio_from (a number or sender id) or a Messaging Service: exactly one.
    sms_provider: str | None = None
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = field(default=None, repr=False)
    twilio_api_key_sid: str | None = None
    twilio_api_key_secret: str | None = field(default=None, repr=False)
    twilio_from: str | None = None
    twilio_messaging_service_sid: str | None = None
    twilio_base_url: str = "https://api.twilio.com"
    app_url: str | None = None
    # Telegram sign-in (docs/api.md, "Telegram sign-in"): the token @BotFather gave the bot
    # whose Login Widget and Mini App sign people in. None: every Telegram endpoint answers
    # 404 telegram_off. A credential: never in a repr, a log line or a response.
    telegram_bot_token: str | None = field(default=None, repr=False)
    # The bot (docs/telegram.md): its username (for the t.me deep links that link a chat;
    # unset, the app shows the /start command to send instead), Telegram's Bot API (a local
    # fake for make run and tests), and the secret its webhook checks (unset: derived from
    # the token, booking_domain/telegram/webhook.py). A credential: never in a repr.
    telegram_bot_username: str | None = None
    telegram_api_url: str = "https://api.telegram.org"
    telegram_webhook_secret: str | None = field(default=None, repr=False)
    # None: the notifications context's own (booking_domain.notifications.DEFAULT_RETRY_DELAYS).
    notification_retry_seconds: tuple[int, ...] | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def mail_dir(self) -> Path:
        return self.data_dir / "mail"

    @property
    def web_url(self) -> str:
        return (self.app_url or self.base_url).rstrip("/")

    @property
    def mail_domain(self) -> str:
        """The right-hand side of Message-IDs: the sender address's domain."""
        address = self.mail_from.rsplit("<", 1)[-1].rstrip(">").strip()
        return address.rpartition("@")[2] or "inkslot.local"

    @property
    def migrates_on_start(self) -> bool:
        return self.is_local if self.migrate_on_start is None else self.migrate_on_start

    @property
    def drain_seconds(self) -> float:
        if self.shutdown_drain_seconds is not None:
            return self.shutdown_drain_seconds
        return 0.0 if self.is_local else 5.0

    @property
    def behind_pooler(self) -> bool:
        """Whether the database URLs go through a transaction-mode pooler."""
        return self.database_pooler == "transaction"

    @property
    def direct_database_url(self) -> str | None:
        """The URL for migrations and the job workers: the direct one when set."""
        return self.database_direct_url or self.database_url

    @property
    def workers_listen(self) -> bool:
        """Job workers LISTEN for new jobs unless their only way to the database is a
        transaction pooler (which cannot carry LISTEN): then they poll."""
        return not self.behind_pooler or self.database_direct_url is not None

    @property
    def is_local(self) -> bool:
        return self.profile is Profile.LOCAL

    @property
    def allows_private_webhook_targets(self) -> bool:
        return self.is_local if self.webhooks_allow_private is None else self.webhooks_allow_private

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def uses_object_storage(self) -> bool:
        """R2 or another S3 store, rather than local files."""
        return bool(self.r2_access_key_id and (self.r2_account_id or self.s3_endpoint_url))

    @property
    def image_workers(self) -> int:
        if self.image_concurrency is not None:
            return self.image_concurrency
        return max(1, (os.cpu_count() or 2) - 1)

    @property
    def gateway(self) -> str:
        """Which payment gateway this deployment talks to (validated when loaded)."""
        return self.payment_gateway or ("sandbox" if self.is_local else "qpay")

    @property
    def sms(self) -> str:
        """Which SMS provider carries texts (validated when loaded)."""
        if self.sms_provider:
            return self.sms_provider
        if self.twilio_account_sid:
            return "twilio"
        return "gateway" if self.sms_gateway_url else "log"

    @property
    def twilio_status_callback_url(self) -> str | None:
        """Where Twilio posts delivery reports: only where clients reach this API."""
        if not self.public_url:
            return None
        return self.public_url.rstrip("/") + TWILIO_STATUS_PATH

    @property
    def text_regions(self) -> frozenset[str]:
        """The regions texted: ``sms_regions``, else the platform's own region."""
        return frozenset(self.sms_regions or (self.phone_region,))

    @property
    def runs_embedded_worker(self) -> bool:
        return self.is_local if self.embedded_worker is None else self.embedded_worker


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment; raise :class:`SettingsError` naming every problem."""
    env = os.environ if environ is None else environ
    profile = _profile(env)
    values, problems = parsed_fields(env)
    values["profile"] = profile
    if profile is Profile.PRODUCTION:
        problems = missing_in_production(env) + problems + short_jwt_secret(values)
        if values.get("clock_shift_seconds"):
            problems.append(f"{PREFIX}CLOCK_SHIFT_SECONDS is for the local profile only")
        values.setdefault("seed_demo_data", False)
    # Every check runs on every start, so one refusal names everything to fix: the
    # chosen gateway's needs are named beside the missing required settings.
    problems.extend(payment_problems(env, values, profile is Profile.LOCAL))
    problems.extend(message_channel_problems(values, production=profile is Profile.PRODUCTION))
    if problems:
        raise SettingsError("; ".join(problems))
    return Settings(**values)


def _profile(env: Mapping[str, str]) -> Profile:
    """``INKSLOT_PROFILE``, local when unset; any other word stops everything at once."""
    raw_profile = env.get(PREFIX + "PROFILE", Profile.LOCAL.value).strip().lower()
    try:
        return Profile(raw_profile)
    except ValueError:
        raise SettingsError(
            f"{PREFIX}PROFILE must be one of: {', '.join(p.value for p in Profile)}"
        ) from None
