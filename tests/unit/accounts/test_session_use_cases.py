"""Sign-up, sign-in, rotation, reuse detection and lockout, on the in-memory adapters."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.security.passwords import Argon2Parameters, Argon2PasswordHasher
from adapters.system.clock import ManualClock
from booking_domain.accounts import Role
from booking_domain.errors import (
    AccountLockedError,
    EmailAlreadyRegisteredError,
    InvalidCredentialsError,
    InvalidInputError,
    InvalidTokenError,
    RefreshTokenReusedError,
)
from booking_domain.use_cases.accounts import (
    AccountServices,
    ChangePassword,
    CreateAdmin,
    RegisterUser,
)
from booking_domain.use_cases.sessions import Login, Logout, RefreshSession
from tests.support.builders import START, account_services

PASSWORD = "violet-needle-harbour"

pytestmark = pytest.mark.anyio


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def services(clock: ManualClock) -> AccountServices:
    return account_services(clock=clock)


async def register(services: AccountServices, email: str = "ada@example.com") -> str:
    signed = await RegisterUser(services)(
        email=email, password=PASSWORD, name="Ada", role=Role.CUSTOMER
    )
    return signed.tokens.refresh_token


async def test_registration_signs_in_and_emails_are_unique_case_insensitively(
    services: AccountServices,
) -> None:
    signed = await RegisterUser(services)(
        email="Ada@Example.com", password=PASSWORD, name="Ada", role=Role.ARTIST
    )
    assert signed.user.email == "ada@example.com" and signed.user.role is Role.ARTIST
    claims = services.tokens.verify_access_token(signed.tokens.access.token, services.clock.now())
    assert claims.user_id == signed.user.id and claims.session_id == signed.tokens.family_id
    with pytest.raises(EmailAlreadyRegisteredError):
        await RegisterUser(services)(
            email="ADA@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
        )


async def test_wrong_email_and_wrong_password_fail_alike(services: AccountServices) -> None:
    await register(services)
    with pytest.raises(InvalidCredentialsError) as unknown:
        await Login(services)(email="nobody@example.com", password=PASSWORD)
    with pytest.raises(InvalidCredentialsError) as wrong:
        await Login(services)(email="ada@example.com", password="not-the-password")
    assert (unknown.value.code, unknown.value.message) == (wrong.value.code, wrong.value.message)


async def test_refresh_rotates_and_a_reused_token_revokes_the_family(
    services: AccountServices,
) -> None:
    first = await register(services)
    second = (await RefreshSession(services)(refresh_token=first)).tokens.refresh_token
    third = (await RefreshSession(services)(refresh_token=second)).tokens.refresh_token
    with pytest.raises(RefreshTokenReusedError):
        await RefreshSession(services)(refresh_token=first)
    # The thief's copy is dead, and so is the newest token of that family.
    with pytest.raises(InvalidTokenError):
        await RefreshSession(services)(refresh_token=third)


async def test_reuse_revokes_only_that_family(services: AccountServices) -> None:
    first = await register(services)
    other = (await Login(services)(email="ada@example.com", password=PASSWORD)).tokens.refresh_token
    await RefreshSession(services)(refresh_token=first)
    with pytest.raises(RefreshTokenReusedError):
        await RefreshSession(services)(refresh_token=first)
    assert (await RefreshSession(services)(refresh_token=other)).user.email == "ada@example.com"


async def test_concurrent_use_of_one_refresh_token_lets_exactly_one_through(
    services: AccountServices,
) -> None:
    token = await register(services)
    results = await asyncio.gather(
        *(RefreshSession(services)(refresh_token=token) for _ in range(2)), return_exceptions=True
    )
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    assert sum(isinstance(r, RefreshTokenReusedError) for r in results) == 1


async def test_refresh_tokens_expire(services: AccountServices, clock: ManualClock) -> None:
    token = await register(services)
    clock.advance(services.policy.refresh_token_ttl)
    with pytest.raises(InvalidTokenError):
        await RefreshSession(services)(refresh_token=token)


async def test_unknown_refresh_token_is_refused(services: AccountServices) -> None:
    with pytest.raises(InvalidTokenError):
        await RefreshSession(services)(refresh_token="made-up")


async def test_logout_revokes_and_is_idempotent(services: AccountServices) -> None:
    token = await register(services)
    await Logout(services)(refresh_token=token)
    await Logout(services)(refresh_token=token)
    await Logout(services)(refresh_token="never-issued")
    with pytest.raises(InvalidTokenError):
        await RefreshSession(services)(refresh_token=token)


async def test_five_failures_lock_even_the_right_password_until_the_lock_ends(
    services: AccountServices, clock: ManualClock
) -> None:
    await register(services)
    login = Login(services)
    for _ in range(5):
        with pytest.raises(InvalidCredentialsError):
            await login(email="ada@example.com", password="wrong-password-1")
    with pytest.raises(AccountLockedError) as locked:
        await login(email="ada@example.com", password=PASSWORD)
    assert locked.value.retry_after_seconds == 15 * 60 + 1
    clock.advance(timedelta(minutes=15))
    assert (await login(email="ada@example.com", password=PASSWORD)).user.failed_login_count == 0


async def test_change_password_needs_the_current_one_and_revokes_other_sessions(
    services: AccountServices,
) -> None:
    mine = (
        await RegisterUser(services)(
            email="ada@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
        )
    ).tokens
    other = (await Login(services)(email="ada@example.com", password=PASSWORD)).tokens.refresh_token
    actor = services.tokens.verify_access_token(mine.access.token, services.clock.now())
    change = ChangePassword(services)
    from booking_domain.accounts import Actor

    me = Actor(actor.user_id, actor.role)
    with pytest.raises(InvalidInputError) as wrong:
        await change(me, current_password="guess-guess-guess", new_password="another-fine-phrase")
    assert [e.field for e in wrong.value.errors] == ["currentPassword"]
    with pytest.raises(InvalidInputError) as weak:
        await change(me, current_password=PASSWORD, new_password="short")
    assert [e.field for e in weak.value.errors] == ["newPassword"]

    await change(
        me,
        current_password=PASSWORD,
        new_password="another-fine-phrase",
        keep_family=mine.family_id,
    )
    with pytest.raises(InvalidTokenError):
        await RefreshSession(services)(refresh_token=other)
    await RefreshSession(services)(refresh_token=mine.refresh_token)
    with pytest.raises(InvalidCredentialsError):
        await Login(services)(email="ada@example.com", password=PASSWORD)
    await Login(services)(email="ada@example.com", password="another-fine-phrase")


async def test_login_rehashes_when_the_parameters_change(services: AccountServices) -> None:
    await register(services)
    stronger = Argon2PasswordHasher(
        Argon2Parameters(time_cost=2, memory_cost_kib=128, parallelism=1)
    )
    upgraded = AccountServices(
        uow=services.uow, hasher=stronger, tokens=services.tokens, clock=services.clock
    )
    assert stronger.needs_rehash(await _stored_hash(services))
    await Login(upgraded)(email="ada@example.com", password=PASSWORD)
    new_hash = await _stored_hash(services)
    assert "t=2" in new_hash and not stronger.needs_rehash(new_hash)
    await Login(upgraded)(email="ada@example.com", password=PASSWORD)


async def test_admins_are_created_by_the_operator_use_case(services: AccountServices) -> None:
    admin = await CreateAdmin(services)(email="root@example.com", password=PASSWORD)
    assert admin.role is Role.ADMIN
    signed = await Login(services)(email="root@example.com", password=PASSWORD)
    assert (
        services.tokens.verify_access_token(signed.tokens.access.token, services.clock.now()).role
        is Role.ADMIN
    )


async def _stored_hash(services: AccountServices) -> str:
    async with services.uow() as uow:
        user = await uow.users.get_by_email("ada@example.com")
    assert user is not None
    return user.password_hash
