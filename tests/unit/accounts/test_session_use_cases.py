"""Sign-up, sign-in, rotation, reuse detection and lockout, on the in-memory adapters."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from adapters.security.passwords import Argon2Parameters, Argon2PasswordHasher
from adapters.system.clock import ManualClock
from booking_domain.accounts import (
    AccountLockedError,
    EmailAlreadyRegisteredError,
    InvalidCredentialsError,
    InvalidTokenError,
    RefreshTokenReusedError,
    Role,
)
from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.shared import InvalidInputError
from tests.support.bootstrap import App, build_app
from tests.support.builders import START

PASSWORD = "violet-needle-harbour"
HERE, ELSEWHERE = "198.51.100.7", "203.0.113.9"  # two client addresses

pytestmark = pytest.mark.anyio


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def app(clock: ManualClock) -> App:
    return build_app(clock=clock)


async def register(app: App, email: str = "ada@example.com") -> str:
    signed = await app.accounts.register_user(
        email=email, password=PASSWORD, name="Ada", role=Role.CUSTOMER
    )
    return signed.tokens.refresh_token


async def test_registration_signs_in_and_emails_are_unique_case_insensitively(
    app: App,
) -> None:
    signed = await app.accounts.register_user(
        email="Ada@Example.com", password=PASSWORD, name="Ada", role=Role.ARTIST
    )
    assert signed.user.email == "ada@example.com" and signed.user.role is Role.ARTIST
    claims = app.tokens.verify_access_token(signed.tokens.access.token, app.clock.now())
    assert claims.user_id == signed.user.id and claims.session_id == signed.tokens.family_id
    with pytest.raises(EmailAlreadyRegisteredError):
        await app.accounts.register_user(
            email="ADA@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
        )


async def test_wrong_email_and_wrong_password_fail_alike(app: App) -> None:
    await register(app)
    with pytest.raises(InvalidCredentialsError) as unknown:
        await app.accounts.login(address=HERE, email="nobody@example.com", password=PASSWORD)
    with pytest.raises(InvalidCredentialsError) as wrong:
        await app.accounts.login(address=HERE, email="ada@example.com", password="not-the-password")
    assert (unknown.value.code, unknown.value.message) == (wrong.value.code, wrong.value.message)


async def test_refresh_rotates_and_a_reused_token_revokes_the_family(
    app: App,
) -> None:
    first = await register(app)
    second = (await app.accounts.refresh_session(refresh_token=first)).tokens.refresh_token
    third = (await app.accounts.refresh_session(refresh_token=second)).tokens.refresh_token
    with pytest.raises(RefreshTokenReusedError):
        await app.accounts.refresh_session(refresh_token=first)
    # The thief's copy is dead, and so is the newest token of that family.
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token=third)


async def test_reuse_revokes_only_that_family(app: App) -> None:
    first = await register(app)
    other = (
        await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)
    ).tokens.refresh_token
    await app.accounts.refresh_session(refresh_token=first)
    with pytest.raises(RefreshTokenReusedError):
        await app.accounts.refresh_session(refresh_token=first)
    assert (await app.accounts.refresh_session(refresh_token=other)).user.email == "ada@example.com"


async def test_concurrent_use_of_one_refresh_token_lets_exactly_one_through(
    app: App,
) -> None:
    token = await register(app)
    results = await asyncio.gather(
        *(app.accounts.refresh_session(refresh_token=token) for _ in range(2)),
        return_exceptions=True,
    )
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    assert sum(isinstance(r, RefreshTokenReusedError) for r in results) == 1


async def test_refresh_tokens_expire(app: App, clock: ManualClock) -> None:
    token = await register(app)
    clock.advance(app.settings.refresh_token_ttl)
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token=token)


async def test_unknown_refresh_token_is_refused(app: App) -> None:
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token="made-up")


async def test_logout_revokes_and_is_idempotent(app: App) -> None:
    token = await register(app)
    await app.accounts.logout(refresh_token=token)
    await app.accounts.logout(refresh_token=token)
    await app.accounts.logout(refresh_token="never-issued")
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token=token)


async def test_five_failures_lock_the_pair_even_for_the_right_password_until_the_lock_ends(
    app: App, clock: ManualClock
) -> None:
    await register(app)
    login = app.accounts.login
    for _ in range(5):
        with pytest.raises(InvalidCredentialsError):
            await login(address=HERE, email="ada@example.com", password="wrong-password-1")
    with pytest.raises(AccountLockedError) as locked:
        await login(address=HERE, email="ADA@example.com", password=PASSWORD)
    assert locked.value.retry_after_seconds == 15 * 60 + 1
    # The owner, from anywhere else, is not locked out by a stranger's guesses.
    assert await login(address=ELSEWHERE, email="ada@example.com", password=PASSWORD)
    clock.advance(timedelta(minutes=15))
    assert await login(address=HERE, email="ada@example.com", password=PASSWORD)


async def test_an_unknown_email_is_counted_and_locked_like_a_known_one(app: App) -> None:
    await register(app)
    for email in ("ada@example.com", "nobody@example.com"):
        for _ in range(5):
            with pytest.raises(InvalidCredentialsError):
                await app.accounts.login(address=HERE, email=email, password="wrong-password-1")
        with pytest.raises(AccountLockedError):
            await app.accounts.login(address=HERE, email=email, password=PASSWORD)


async def test_a_success_clears_the_pair_s_failures(app: App) -> None:
    await register(app)
    for _ in range(4):
        with pytest.raises(InvalidCredentialsError):
            await app.accounts.login(address=HERE, email="ada@example.com", password="wrong-1")
    assert await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)
    for _ in range(4):  # a fresh set of attempts
        with pytest.raises(InvalidCredentialsError):
            await app.accounts.login(address=HERE, email="ada@example.com", password="wrong-1")
    assert await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)


async def test_wrong_current_passwords_count_as_failed_sign_ins(app: App) -> None:
    await register(app)
    me = (await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)).user
    for _ in range(5):
        with pytest.raises(InvalidInputError):
            await app.accounts.change_password(
                me.actor, current_password="a-wrong-guess", new_password="x" * 12, address=HERE
            )
    with pytest.raises(AccountLockedError):
        await app.accounts.change_password(
            me.actor, current_password=PASSWORD, new_password="another-fine-phrase", address=HERE
        )
    with pytest.raises(AccountLockedError):
        await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)


async def test_change_password_needs_the_current_one_and_revokes_other_sessions(
    app: App,
) -> None:
    mine = (
        await app.accounts.register_user(
            email="ada@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
        )
    ).tokens
    other = (
        await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)
    ).tokens.refresh_token
    actor = app.tokens.verify_access_token(mine.access.token, app.clock.now())
    change = app.accounts.change_password
    from booking_domain.accounts import Actor

    me = Actor(actor.user_id, actor.role)
    with pytest.raises(InvalidInputError) as wrong:
        await change(
            me,
            current_password="guess-guess-guess",
            new_password="another-fine-phrase",
            address=HERE,
        )
    assert [e.field for e in wrong.value.errors] == ["currentPassword"]
    with pytest.raises(InvalidInputError) as weak:
        await change(me, current_password=PASSWORD, new_password="short", address=HERE)
    assert [e.field for e in weak.value.errors] == ["newPassword"]

    await change(
        me,
        current_password=PASSWORD,
        new_password="another-fine-phrase",
        address=HERE,
        keep_family=mine.family_id,
    )
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token=other)
    await app.accounts.refresh_session(refresh_token=mine.refresh_token)
    with pytest.raises(InvalidCredentialsError):
        await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)
    await app.accounts.login(address=HERE, email="ada@example.com", password="another-fine-phrase")


async def test_login_rehashes_when_the_parameters_change(app: App) -> None:
    await register(app)
    stronger = Argon2PasswordHasher(
        Argon2Parameters(time_cost=2, memory_cost_kib=128, parallelism=1)
    )
    upgraded = replace(app.accounts_deps, hasher=stronger)
    assert stronger.needs_rehash(await _stored_hash(app))
    await AccountUseCases.build(upgraded).login(
        address=HERE, email="ada@example.com", password=PASSWORD
    )
    new_hash = await _stored_hash(app)
    assert "t=2" in new_hash and not stronger.needs_rehash(new_hash)
    await AccountUseCases.build(upgraded).login(
        address=HERE, email="ada@example.com", password=PASSWORD
    )


async def test_admins_are_created_by_the_operator_use_case(app: App) -> None:
    admin = await app.accounts.create_admin(email="root@example.com", password=PASSWORD)
    assert admin.role is Role.ADMIN
    signed = await app.accounts.login(address=HERE, email="root@example.com", password=PASSWORD)
    assert (
        app.tokens.verify_access_token(signed.tokens.access.token, app.clock.now()).role
        is Role.ADMIN
    )


async def _stored_hash(app: App) -> str:
    async with app.uow() as uow:
        user = await uow.users.get_by_email("ada@example.com")
    assert user is not None and user.password_hash is not None
    return user.password_hash


async def _access(app: App, email: str = "ada@example.com") -> str:
    signed = await app.accounts.login(address=HERE, email=email, password=PASSWORD)
    return signed.tokens.access.token


async def test_an_access_token_ends_with_its_session(app: App) -> None:
    refresh = await register(app)
    signed = await app.accounts.refresh_session(refresh_token=refresh)
    access, refresh = signed.tokens.access.token, signed.tokens.refresh_token
    assert (await app.accounts.authenticate(access)).user_id == signed.user.id
    await app.accounts.logout(refresh_token=refresh)
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(access)


async def test_a_reused_refresh_token_ends_the_family_for_access_tokens_too(app: App) -> None:
    first = await register(app)
    rotated = await app.accounts.refresh_session(refresh_token=first)
    other = await _access(app)  # another sign-in: another family
    with pytest.raises(RefreshTokenReusedError):
        await app.accounts.refresh_session(refresh_token=first)
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(rotated.tokens.access.token)
    assert await app.accounts.authenticate(other)


async def test_a_password_change_ends_every_other_session(app: App) -> None:
    await register(app)
    mine = await app.accounts.login(address=HERE, email="ada@example.com", password=PASSWORD)
    elsewhere = await _access(app)
    claims = await app.accounts.authenticate(mine.tokens.access.token)
    await app.accounts.change_password(
        mine.user.actor,
        current_password=PASSWORD,
        new_password="another-fine-phrase",
        address=HERE,
        keep_family=claims.session_id,
    )
    assert await app.accounts.authenticate(mine.tokens.access.token)
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(elsewhere)


@pytest.mark.parametrize(
    "change", [{"disabled": True}, {"locked_until": START + timedelta(hours=1)}]
)
async def test_a_disabled_or_locked_account_has_no_live_session(
    app: App, change: dict[str, object]
) -> None:
    await register(app)
    access = await _access(app)
    async with app.uow() as uow:
        user = await uow.users.get_by_email("ada@example.com")
        assert user is not None
        await uow.users.update(replace(user, **change))  # type: ignore[arg-type]
        await uow.commit()
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(access)
