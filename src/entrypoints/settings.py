"""Typed settings, read from ``INKSLOT_*`` environment variables by :func:`load_settings`.

Profiles:
- ``local`` (the default): nothing to configure. An embedded PostgreSQL under ``data_dir``,
  a JWT secret and an encryption key generated once and kept in ``data_dir`` (mode 600),
  demo data seeded when empty.
- ``production``: every value that has no safe default is required; start-up stops with one
  message that names every missing variable. It never falls back to local parts.

Nothing is read at import time: call :func:`load_settings` (tests build ``Settings`` directly).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import phonenumbers

PREFIX = "INKSLOT_"
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
    # Payments (docs/payments.md). The gateway: "sandbox" (the local profile's default and
    # only there), "qpay" (this process holds the QPay credentials) or "edge" (the payment
    # edge holds them; this process signs its requests to it).
    payment_gateway: str | None = None
    qpay_base_url: str = "https://merchant.qpay.mn"
    qpay_client_id: str | None = None
    qpay_client_secret: str | None = None
    qpay_invoice_code: str | None = None
    payment_edge_url: str | None = None
    payment_edge_secret: str | None = None
    # Where QPay calls back: None, this API (<public URL>/api/v1/payments/callback); or the
    # payment edge's /v1/callbacks, which passes each callback on to the API's URL it is
    # given as payment_edge_forward_url (entrypoints/payment_edge/forward.py).
    payment_callback_base_url: str | None = None
    payment_edge_forward_url: str | None = None
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


def _phone_region(raw: str) -> str:
    value = raw.strip().upper()
    if value not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError("expected a region code such as MN")
    return value


def _phone_regions(raw: str) -> tuple[str, ...]:
    regions = tuple(_phone_region(part) for part in _csv(raw))
    if not regions:
        raise ValueError("expected region codes such as MN, separated by commas")
    return regions


def _gateway(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("sandbox", "qpay", "edge"):
        raise ValueError("expected sandbox, qpay or edge")
    return value


def _sms_provider(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("log", "gateway", "twilio"):
        raise ValueError("expected log, gateway or twilio")
    return value


def _http_url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    if not value.startswith(("https://", "http://")) or any(c in value for c in "?# \r\n"):
        raise ValueError("expected an http(s) URL without a query")
    return value


def _pooler(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("none", "transaction"):
        raise ValueError("expected none or transaction")
    return value


def _seconds(low: float, high: float) -> Callable[[str], float]:
    """A parser of seconds from ``low`` to ``high`` (NaN and infinities refused)."""

    def parse(raw: str) -> float:
        value = float(raw)
        if not low <= value <= high:
            raise ValueError(f"expected seconds between {low:g} and {high:g}")
        return value

    return parse


def _payment_problems(env: Mapping[str, str], values: Mapping[str, Any], local: bool) -> list[str]:
    """The chosen gateway's missing settings; the sandbox only in the local profile; an
    edge secret long enough to sign with. Checked on every start, beside the other
    settings' problems, so that one refusal names them all."""
    if env.get(PREFIX + "PAYMENT_GATEWAY") and "payment_gateway" not in values:
        return []  # an unknown gateway is already named; its needs are unknown
    gateway = values.get("payment_gateway") or ("sandbox" if local else "qpay")
    problems = []
    if gateway == "sandbox" and not local:
        problems.append(f"{PREFIX}PAYMENT_GATEWAY=sandbox is for the local profile only")
    missing = [PREFIX + n for n in _GATEWAY_NEEDS.get(gateway, ()) if not env.get(PREFIX + n)]
    if missing:
        problems.append(f"the {gateway} payment gateway needs " + ", ".join(missing))
    secret = values.get("payment_edge_secret")
    if gateway == "edge" and isinstance(secret, str) and len(secret) < 32:
        problems.append(f"{PREFIX}PAYMENT_EDGE_SECRET must be at least 32 characters")
    url = values.get("payment_edge_url")
    if gateway == "edge" and not local and isinstance(url, str) and not url.startswith("https://"):
        problems.append(f"{PREFIX}PAYMENT_EDGE_URL must be https:// in production")
    callbacks = values.get("payment_callback_base_url")
    if not local and isinstance(callbacks, str) and not callbacks.startswith("https://"):
        problems.append(f"{PREFIX}PAYMENT_CALLBACK_BASE_URL must be https:// in production")
    return problems


# name -> (field, parser); parsers raise ValueError with a readable message.
def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("expected true or false")


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError("expected a positive integer")
    return value


def _minutes(raw: str) -> timedelta:
    return timedelta(minutes=_positive_int(raw))


def _csv(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _delays(raw: str) -> tuple[int, ...]:
    delays = tuple(int(part) for part in _csv(raw))
    if not delays or any(d < 0 or d > 86400 for d in delays):
        raise ValueError("expected seconds between 0 and 86400, separated by commas")
    return delays


def _fernet_keys(raw: str) -> tuple[str, ...]:
    """Comma-separated Fernet keys (urlsafe base64 of 32 bytes), the newest first; a bad
    one is named by its position, never shown."""
    keys = _csv(raw)
    if not keys:
        raise ValueError("expected one or more Fernet keys, separated by commas")
    for position, key in enumerate(keys, start=1):
        try:
            decoded = base64.urlsafe_b64decode(key.encode())
        except (binascii.Error, ValueError):
            decoded = b""
        if len(decoded) != 32:
            raise ValueError(f"key {position} is not a Fernet key (urlsafe base64 of 32 bytes)")
    return keys


_BOT_TOKEN = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$")


def _bot_token(raw: str) -> str:
    """A Telegram bot token, ``<bot id>:<secret>``; a bad one is never shown."""
    value = raw.strip()
    if not _BOT_TOKEN.match(value):
        raise ValueError("expected a bot token from @BotFather (<digits>:<secret>)")
    return value


_BOT_USERNAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")
_WEBHOOK_SECRET = re.compile(r"^[A-Za-z0-9_-]{16,256}$")


def _bot_username(raw: str) -> str:
    """The bot's username as @BotFather gave it (a leading @ is dropped)."""
    value = raw.strip().removeprefix("@")
    if not _BOT_USERNAME.match(value):
        raise ValueError("expected the bot's username, 4-32 letters, digits and _")
    return value


def _webhook_secret(raw: str) -> str:
    """Telegram's secret_token: 1-256 of A-Z a-z 0-9 _ - (here at least 16); never shown."""
    value = raw.strip()
    if not _WEBHOOK_SECRET.match(value):
        raise ValueError("expected 16-256 characters of A-Z, a-z, 0-9, _ and -")
    return value


def _tls(raw: str) -> str:
    value = raw.strip().lower()
    if value not in ("starttls", "implicit", "none"):
        raise ValueError("expected starttls, implicit or none")
    return value


def _mail_from(raw: str) -> str:
    if "@" not in raw or any(c in raw for c in "\r\n"):
        raise ValueError('expected an address, e.g. "Inkslot <no-reply@example.mn>"')
    return raw.strip()


def _cron(raw: str) -> str:
    fields = raw.split()
    if len(fields) not in (5, 6):
        raise ValueError("expected a cron line of 5 fields (6 with seconds last)")
    return " ".join(fields)


_FIELDS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "HOST": ("host", str),
    "PORT": ("port", _positive_int),
    "WORKERS": ("workers", _positive_int),
    "DATABASE_URL": ("database_url", str),
    "DATABASE_POOL_SIZE": ("database_pool_size", _positive_int),
    "DATABASE_POOLER": ("database_pooler", _pooler),
    "DATABASE_DIRECT_URL": ("database_direct_url", str),
    "DATABASE_REPLICA_URL": ("database_replica_url", str),
    "DATABASE_REPLICA_MAX_LAG": ("database_replica_max_lag", _seconds(0.1, 3600)),
    "DATA_DIR": ("data_dir", Path),
    "JWT_SECRET": ("jwt_secret", str),
    "ENCRYPTION_KEY": ("encryption_keys", _fernet_keys),
    "ACCESS_TOKEN_MINUTES": ("access_token_ttl", _minutes),
    "REFRESH_TOKEN_DAYS": ("refresh_token_ttl", lambda raw: timedelta(days=_positive_int(raw))),
    "ARGON2_TIME_COST": ("argon2_time_cost", _positive_int),
    "ARGON2_MEMORY_KIB": ("argon2_memory_kib", _positive_int),
    "ARGON2_PARALLELISM": ("argon2_parallelism", _positive_int),
    "LOGIN_MAX_FAILURES": ("login_max_failures", _positive_int),
    "LOGIN_LOCK_MINUTES": ("login_lock", _minutes),
    "AUTH_RATE_LIMIT_PER_MINUTE": ("auth_rate_limit_per_minute", _positive_int),
    "SIGN_UP_RATE_LIMIT_PER_HOUR": ("sign_up_rate_limit_per_hour", _positive_int),
    "PHONE_REGION": ("phone_region", _phone_region),
    "SMS_DAILY_LIMIT": ("sms_daily_limit", _positive_int),
    "SMS_REGIONS": ("sms_regions", _phone_regions),
    "SMS_RANGE_DAILY_LIMIT": ("sms_range_daily_limit", _positive_int),
    "SMS_ACCOUNT_DAILY_LIMIT": ("sms_account_daily_limit", _positive_int),
    "CUSTOMER_LOOKUPS_PER_HOUR": ("customer_lookups_per_hour", _positive_int),
    "TRUSTED_PROXIES": ("trusted_proxies", _csv),
    "REDIS_URL": ("redis_url", str),
    "REDIS_NAMESPACE": ("redis_namespace", str),
    "CORS_ORIGINS": ("cors_origins", _csv),
    "SEED_DEMO_DATA": ("seed_demo_data", _bool),
    "SHUTDOWN_DRAIN_SECONDS": ("shutdown_drain_seconds", _seconds(0, 300)),
    "MIGRATE_ON_START": ("migrate_on_start", _bool),
    "LOG_LEVEL": ("log_level", lambda raw: raw.strip().upper()),
    "ACCESS_LOG": ("access_log", _bool),
    "TRACE_BACKGROUND_STATEMENTS": ("trace_background_statements", _bool),
    "METRICS_TOKEN": ("metrics_token", str),
    "EMBEDDED_WORKER": ("embedded_worker", _bool),
    "WORKER_CONCURRENCY": ("worker_concurrency", _positive_int),
    "EXPIRE_HOLDS_CRON": ("expire_holds_cron", _cron),
    "PURGE_CRON": ("purge_cron", _cron),
    "FOLD_ANALYTICS_CRON": ("fold_analytics_cron", _cron),
    "WEBHOOKS_ALLOW_PRIVATE": ("webhooks_allow_private", _bool),
    "WEBHOOK_RETRY_SECONDS": ("webhook_retry_seconds", _delays),
    "PUBLIC_URL": ("public_url", str),
    "S3_ENDPOINT_URL": ("s3_endpoint_url", str),
    "R2_ACCOUNT_ID": ("r2_account_id", str),
    "R2_ACCESS_KEY_ID": ("r2_access_key_id", str),
    "R2_SECRET_ACCESS_KEY": ("r2_secret_access_key", str),
    "R2_UPLOADS_BUCKET": ("r2_uploads_bucket", str),
    "R2_MEDIA_BUCKET": ("r2_media_bucket", str),
    "R2_MEDIA_PUBLIC_BASE_URL": ("r2_media_public_base_url", str),
    "IMAGE_CONCURRENCY": ("image_concurrency", _positive_int),
    "PAYMENT_GATEWAY": ("payment_gateway", _gateway),
    "QPAY_BASE_URL": ("qpay_base_url", str),
    "QPAY_CLIENT_ID": ("qpay_client_id", str),
    "QPAY_CLIENT_SECRET": ("qpay_client_secret", str),
    "QPAY_INVOICE_CODE": ("qpay_invoice_code", str),
    "PAYMENT_EDGE_URL": ("payment_edge_url", str),
    "PAYMENT_EDGE_SECRET": ("payment_edge_secret", str),
    "PAYMENT_CALLBACK_BASE_URL": ("payment_callback_base_url", _http_url),
    "PAYMENT_EDGE_FORWARD_URL": ("payment_edge_forward_url", _http_url),
    "SMTP_HOST": ("smtp_host", str),
    "SMTP_PORT": ("smtp_port", _positive_int),
    "SMTP_TLS": ("smtp_tls", _tls),
    "SMTP_USERNAME": ("smtp_username", str),
    "SMTP_PASSWORD": ("smtp_password", str),
    "MAIL_FROM": ("mail_from", _mail_from),
    "SMS_GATEWAY_URL": ("sms_gateway_url", str),
    "SMS_GATEWAY_KEY": ("sms_gateway_key", str),
    "SMS_SENDER_ID": ("sms_sender_id", str),
    "SMS_PROVIDER": ("sms_provider", _sms_provider),
    "TWILIO_ACCOUNT_SID": ("twilio_account_sid", str),
    "TWILIO_AUTH_TOKEN": ("twilio_auth_token", str),
    "TWILIO_API_KEY_SID": ("twilio_api_key_sid", str),
    "TWILIO_API_KEY_SECRET": ("twilio_api_key_secret", str),
    "TWILIO_FROM": ("twilio_from", str),
    "TWILIO_MESSAGING_SERVICE_SID": ("twilio_messaging_service_sid", str),
    "TWILIO_BASE_URL": ("twilio_base_url", _http_url),
    "APP_URL": ("app_url", str),
    "TELEGRAM_BOT_TOKEN": ("telegram_bot_token", _bot_token),
    "TELEGRAM_BOT_USERNAME": ("telegram_bot_username", _bot_username),
    "TELEGRAM_API_URL": ("telegram_api_url", _http_url),
    "TELEGRAM_WEBHOOK_SECRET": ("telegram_webhook_secret", _webhook_secret),
    "NOTIFICATION_RETRY_SECONDS": ("notification_retry_seconds", _delays),
}

# Each gateway's own settings, required when it is chosen.
_GATEWAY_NEEDS = {
    "sandbox": (),
    "qpay": ("QPAY_CLIENT_ID", "QPAY_CLIENT_SECRET", "QPAY_INVOICE_CODE"),
    "edge": ("PAYMENT_EDGE_URL", "PAYMENT_EDGE_SECRET"),
}

# What production cannot run without; the chosen payment gateway's own needs are
# ``_GATEWAY_NEEDS`` (QPay's credentials, or the payment edge's address and secret).
_REQUIRED_IN_PRODUCTION = (
    "DATABASE_URL",
    "JWT_SECRET",
    "ENCRYPTION_KEY",  # seals the secrets stored in the database
    "R2_ACCOUNT_ID",
    "R2_ACCESS_KEY_ID",
    "R2_SECRET_ACCESS_KEY",
    "R2_MEDIA_PUBLIC_BASE_URL",
    "SMTP_HOST",
    "MAIL_FROM",
    "APP_URL",  # the links in every message open the web app, not this API
)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment; raise :class:`SettingsError` naming every problem."""
    env = os.environ if environ is None else environ
    profile = _profile(env)
    values, problems = _parsed_fields(env)
    values["profile"] = profile
    if profile is Profile.PRODUCTION:
        problems = _missing_in_production(env) + problems + _short_jwt_secret(values)
        values.setdefault("seed_demo_data", False)
    # Every check runs on every start, so one refusal names everything to fix: the
    # chosen gateway's needs are named beside the missing required settings.
    problems.extend(_payment_problems(env, values, profile is Profile.LOCAL))
    problems.extend(_message_channel_problems(values, profile))
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


def _parsed_fields(env: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Every field set to a non-empty value, parsed; and a problem for each that does not
    parse. An unset or empty variable keeps the default."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, (attribute, parse) in _FIELDS.items():
        raw = env.get(PREFIX + name)
        if raw is None or raw == "":
            continue
        try:
            values[attribute] = parse(raw)
        except ValueError as exc:
            problems.append(f"{PREFIX}{name}: {exc}")
    return values, problems


def _missing_in_production(env: Mapping[str, str]) -> list[str]:
    """One problem naming every required setting production lacks (first in the message)."""
    missing = [PREFIX + n for n in _REQUIRED_IN_PRODUCTION if not env.get(PREFIX + n)]
    if missing:
        return ["missing required settings for production: " + ", ".join(missing)]
    return []


def _short_jwt_secret(values: Mapping[str, Any]) -> list[str]:
    """Production signs tokens with a secret of at least 32 characters."""
    secret = values.get("jwt_secret")
    if isinstance(secret, str) and len(secret) < 32:
        return [f"{PREFIX}JWT_SECRET must be at least 32 characters"]
    return []


def _message_channel_problems(values: Mapping[str, Any], profile: Profile) -> list[str]:
    """Production never sends the SMTP password in the clear; the SMS gateway's URL and key
    come together."""
    problems: list[str] = []
    if (
        profile is Profile.PRODUCTION
        and values.get("smtp_password")
        and values.get("smtp_tls", "starttls") == "none"
    ):
        problems.append(f"{PREFIX}SMTP_TLS=none would send the SMTP password in the clear")
    if bool(values.get("sms_gateway_url")) != bool(values.get("sms_gateway_key")):
        problems.append(f"{PREFIX}SMS_GATEWAY_URL and {PREFIX}SMS_GATEWAY_KEY go together")
    return problems + _sms_provider_problems(values)


def _sms_provider_problems(values: Mapping[str, Any]) -> list[str]:
    """The chosen SMS provider's settings are all there (named, never shown); Twilio's API
    key comes with its secret, and texts come from a number or a Messaging Service."""
    provider = values.get("sms_provider") or (
        "twilio" if values.get("twilio_account_sid") else None
    )
    problems: list[str] = []
    if provider == "gateway" and not values.get("sms_gateway_url"):
        problems.append(
            f"{PREFIX}SMS_PROVIDER=gateway needs {PREFIX}SMS_GATEWAY_URL and "
            f"{PREFIX}SMS_GATEWAY_KEY"
        )
    if bool(values.get("twilio_api_key_sid")) != bool(values.get("twilio_api_key_secret")):
        problems.append(f"{PREFIX}TWILIO_API_KEY_SID and {PREFIX}TWILIO_API_KEY_SECRET go together")
    if provider != "twilio":
        return problems
    missing = [
        PREFIX + name
        for name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN")
        if not values.get(name.lower())
    ]
    if missing:
        problems.append("the twilio SMS provider needs " + ", ".join(missing))
    if bool(values.get("twilio_from")) == bool(values.get("twilio_messaging_service_sid")):
        problems.append(
            f"the twilio SMS provider needs one of {PREFIX}TWILIO_FROM and "
            f"{PREFIX}TWILIO_MESSAGING_SERVICE_SID"
        )
    return problems


def jwt_secret_for(settings: Settings) -> str:
    """The secret access tokens are signed with: the setting, else (local profile only) the
    one kept in ``data_dir``."""
    if settings.jwt_secret:
        return settings.jwt_secret
    if settings.is_local:
        return local_jwt_secret(settings.data_dir)
    raise ValueError("INKSLOT_JWT_SECRET is required outside the local profile")


def local_jwt_secret(data_dir: Path) -> str:
    """The local profile's signing secret: made once, kept in ``data_dir`` (mode 600) so that
    tokens survive a restart of ``make run``."""
    path = data_dir / "jwt-secret"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    path.touch(mode=0o600)
    path.write_text(secret)
    return secret


def encryption_keys_for(settings: Settings) -> tuple[str, ...]:
    """The keys that seal stored secrets: ``INKSLOT_ENCRYPTION_KEY``, else (local profile
    only) the key kept in ``data_dir``. Production never makes one up: without the setting
    it refuses to start (``load_settings`` names it; this guards ``Settings`` built in code)."""
    if settings.encryption_keys:
        return settings.encryption_keys
    if not settings.is_local:
        raise SettingsError(f"missing required settings for production: {PREFIX}ENCRYPTION_KEY")
    return (local_encryption_key(settings.data_dir),)


def local_encryption_key(data_dir: Path) -> str:
    """The local profile's key: made once and kept in ``data_dir`` (created with mode 600,
    so no other user can read it), so sealed secrets open after a restart of ``make run``.
    Processes starting together agree: the key is written whole to a file of this process's
    own, then linked into place, which only one of them can do; the others read it."""
    path = data_dir / "encryption-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = data_dir / f".encryption-key.{os.getpid()}.{secrets.token_hex(8)}"
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first: its key is the one
        finally:
            draft.unlink()
    return path.read_text().strip()
