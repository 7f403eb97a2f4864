"""How each ``INKSLOT_*`` variable's text becomes a setting's value: one parser per kind of
value, and the table of every variable with its ``Settings`` field and parser
(:data:`FIELDS`).

A parser raises ``ValueError`` with a message a person can act on, and never shows a secret
it refuses (a bad key is named by its position, a bad token by its shape). An unset or
empty variable keeps the field's default. Checks across several settings are
``setting_checks``'; the fields themselves and their defaults are ``Settings``'.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import phonenumbers

PREFIX = "INKSLOT_"


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
    if value not in ("sandbox", "qpay", "edge", "none"):
        raise ValueError("expected sandbox, qpay, edge or none")
    return value


# Currencies whose smallest unit is not a hundredth (Stripe's zero- and three-decimal
# ones): amounts are kept in hundredths of the unit, so these are not offered by card.
NOT_TWO_DECIMAL = frozenset(
    {
        *("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX"),
        *("VND", "VUV", "XAF", "XOF", "XPF", "BHD", "JOD", "KWD", "OMR", "TND"),
    }
)


def _currency_codes(raw: str) -> frozenset[str]:
    """``USD,EUR``: ISO 4217 codes (any case) of two-decimal currencies, at least one."""
    codes = frozenset(part.upper() for part in _csv(raw))
    if not codes or any(len(c) != 3 or not c.isascii() or not c.isalpha() for c in codes):
        raise ValueError("expected ISO 4217 currency codes, e.g. USD,EUR")
    odd = sorted(codes & NOT_TWO_DECIMAL)
    if odd:
        raise ValueError(f"{', '.join(odd)}: only currencies with cents (hundredths) are taken")
    return codes


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


def _shift_seconds(raw: str) -> int:
    """Whole seconds, ASCII digits with an optional sign, at most ten years either way."""
    text = raw.strip()
    if not text.lstrip("+-").isascii() or not text.lstrip("+-").isdigit():
        raise ValueError("expected whole seconds, e.g. 86400")
    value = int(text)
    if abs(value) > 10 * 366 * 86_400:
        raise ValueError("expected at most ten years")
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


def _fee_percent(raw: str) -> int:
    """A percentage with at most two decimals ("2.5"), as basis points (250)."""
    match = re.fullmatch(r"\s*([0-9]{1,3})(?:\.([0-9]{1,2}))?\s*", raw)
    points = None if match is None else int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0"))
    if points is None or points > 10_000:
        raise ValueError("expected a percentage from 0 to 100, at most two decimals (2.5)")
    return points


def _fee_minimums(raw: str) -> dict[str, int]:
    """``MNT:50000, USD:50``: a currency code and minor units, per currency."""
    minimums: dict[str, int] = {}
    for item in _csv(raw):
        match = re.fullmatch(r"([A-Z]{3}):([0-9]{1,12})", item.replace(" ", "").upper())
        if match is None:
            raise ValueError("expected CURRENCY:minor units, comma-separated (MNT:50000)")
        if match[1] in minimums:
            raise ValueError(f"{match[1]} is given twice")
        minimums[match[1]] = int(match[2])
    return minimums


def _cron(raw: str) -> str:
    fields = raw.split()
    if len(fields) not in (5, 6):
        raise ValueError("expected a cron line of 5 fields (6 with seconds last)")
    return " ".join(fields)


# name -> (field, parser); parsers raise ValueError with a readable message.
FIELDS: dict[str, tuple[str, Callable[[str], Any]]] = {
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
    "API_KEY_RATE_LIMIT_PER_MINUTE": ("api_key_rate_limit_per_minute", _positive_int),
    "PHONE_REGION": ("phone_region", _phone_region),
    "SMS_DAILY_LIMIT": ("sms_daily_limit", _positive_int),
    "SMS_REGIONS": ("sms_regions", _phone_regions),
    "SMS_RANGE_DAILY_LIMIT": ("sms_range_daily_limit", _positive_int),
    "SMS_ACCOUNT_DAILY_LIMIT": ("sms_account_daily_limit", _positive_int),
    "CUSTOMER_LOOKUPS_PER_HOUR": ("customer_lookups_per_hour", _positive_int),
    "CLOCK_SHIFT_SECONDS": ("clock_shift_seconds", _shift_seconds),
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
    "WORKER_STALLED_SECONDS": ("worker_stalled_seconds", _seconds(5, 3600)),
    "EXPIRE_HOLDS_CRON": ("expire_holds_cron", _cron),
    "PURGE_CRON": ("purge_cron", _cron),
    "FOLD_ANALYTICS_CRON": ("fold_analytics_cron", _cron),
    "WEBHOOKS_ALLOW_PRIVATE": ("webhooks_allow_private", _bool),
    "WEBHOOK_RETRY_SECONDS": ("webhook_retry_seconds", _delays),
    "WEBHOOK_ROUNDS": ("webhook_rounds", _bool),
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
    "PLATFORM_FEE_PERCENT": ("platform_fee_basis_points", _fee_percent),
    "PLATFORM_FEE_MINIMUM": ("platform_fee_minimums", _fee_minimums),
    "QPAY_BASE_URL": ("qpay_base_url", str),
    "QPAY_CLIENT_ID": ("qpay_client_id", str),
    "QPAY_CLIENT_SECRET": ("qpay_client_secret", str),
    "QPAY_INVOICE_CODE": ("qpay_invoice_code", str),
    "PAYMENT_EDGE_URL": ("payment_edge_url", str),
    "STRIPE_SECRET_KEY": ("stripe_secret_key", str),
    "STRIPE_WEBHOOK_SECRET": ("stripe_webhook_secret", str),
    "STRIPE_API_URL": ("stripe_api_url", _http_url),
    "STRIPE_CURRENCIES": ("stripe_currencies", _currency_codes),
    "STRIPE_FAKE": ("stripe_fake", _bool),
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


def parsed_fields(env: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """Every field set to a non-empty value, parsed; and a problem for each that does not
    parse. An unset or empty variable keeps the default."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for name, (attribute, parse) in FIELDS.items():
        raw = env.get(PREFIX + name)
        if raw is None or raw == "":
            continue
        try:
            values[attribute] = parse(raw)
        except ValueError as exc:
            problems.append(f"{PREFIX}{name}: {exc}")
    return values, problems
