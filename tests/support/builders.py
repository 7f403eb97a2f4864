"""Wiring for tests: real adapters with cheap password hashing and a manual clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from adapters.memory.uow import InMemoryUnitOfWorkFactory
from adapters.security.passwords import Argon2Parameters, Argon2PasswordHasher
from adapters.security.tokens import JwtTokenService
from adapters.system.clock import ManualClock
from booking_domain.ports import UnitOfWorkFactory
from booking_domain.use_cases.accounts import AccountServices, SessionPolicy
from entrypoints.settings import Settings

TEST_JWT_SECRET = "test-secret-" + "x" * 40
# The smallest argon2id cost: real hashing code, milliseconds per hash.
CHEAP_ARGON2 = Argon2Parameters(time_cost=1, memory_cost_kib=64, parallelism=1)
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def cheap_settings(**overrides: object) -> Settings:
    base = Settings(
        argon2_time_cost=CHEAP_ARGON2.time_cost,
        argon2_memory_kib=CHEAP_ARGON2.memory_cost_kib,
        argon2_parallelism=CHEAP_ARGON2.parallelism,
        auth_rate_limit_per_minute=10_000,
        seed_demo_data=False,
        jwt_secret=TEST_JWT_SECRET,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def account_services(
    uow: UnitOfWorkFactory | None = None,
    clock: ManualClock | None = None,
    hasher: Argon2PasswordHasher | None = None,
    policy: SessionPolicy | None = None,
) -> AccountServices:
    return AccountServices(
        uow=uow or InMemoryUnitOfWorkFactory(),
        hasher=hasher or Argon2PasswordHasher(CHEAP_ARGON2, workers=2),
        tokens=JwtTokenService(TEST_JWT_SECRET),
        clock=clock or ManualClock(START),
        policy=policy or SessionPolicy(),
    )
