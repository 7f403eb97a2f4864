"""Settings and constants for tests: cheap (but real) password hashing, a fixed start."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from adapters.security.passwords import Argon2Parameters
from adapters.security.secret_box import FernetSecretBox
from entrypoints.settings import Settings

TEST_JWT_SECRET = "test-secret-" + "x" * 40
# The key tests seal stored secrets with (cheap_settings' too, so an app under test and a
# test's own units of work read each other's rows).
TEST_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1mb3ItaW5rc2xvdC10ZXN0cy0="

# Production's required settings with QPay as the gateway, all but the JWT secret (which
# tests give or leave out on purpose).
PRODUCTION_ENV = {
    "INKSLOT_PROFILE": "production",
    "INKSLOT_DATABASE_URL": "postgresql://db/x",
    "INKSLOT_R2_ACCOUNT_ID": "acc",
    "INKSLOT_R2_ACCESS_KEY_ID": "key",
    "INKSLOT_R2_SECRET_ACCESS_KEY": "secret",
    "INKSLOT_R2_MEDIA_PUBLIC_BASE_URL": "https://media.example",
    "INKSLOT_SMTP_HOST": "smtp.example",
    "INKSLOT_MAIL_FROM": "Inkslot <no-reply@example.mn>",
    "INKSLOT_APP_URL": "https://app.example.mn",
    "INKSLOT_ENCRYPTION_KEY": TEST_ENCRYPTION_KEY,
    "INKSLOT_QPAY_CLIENT_ID": "merchant",
    "INKSLOT_QPAY_CLIENT_SECRET": "merchant-secret",
    "INKSLOT_QPAY_INVOICE_CODE": "INKSLOT_INVOICE",
}
TEST_SECRETS = FernetSecretBox([TEST_ENCRYPTION_KEY])
# The smallest argon2id cost: real hashing code, milliseconds per hash.
CHEAP_ARGON2 = Argon2Parameters(time_cost=1, memory_cost_kib=64, parallelism=1)
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def cheap_settings(**overrides: object) -> Settings:
    """Settings for tests; files the app writes (local mail, storage) go to a fresh temporary
    directory unless ``data_dir`` is given, never into the checkout's ``var/``."""
    if "data_dir" not in overrides:
        overrides = {**overrides, "data_dir": Path(tempfile.mkdtemp(prefix="inkslot-test-"))}
    base = Settings(
        argon2_time_cost=CHEAP_ARGON2.time_cost,
        argon2_memory_kib=CHEAP_ARGON2.memory_cost_kib,
        argon2_parallelism=CHEAP_ARGON2.parallelism,
        auth_rate_limit_per_minute=10_000,
        seed_demo_data=False,
        jwt_secret=TEST_JWT_SECRET,
        encryption_keys=(TEST_ENCRYPTION_KEY,),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]
