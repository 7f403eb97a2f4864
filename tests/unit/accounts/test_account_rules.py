"""Account rules: email normalisation, the password policy, lockout."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import (
    MIN_PASSWORD_LENGTH,
    AccountLockedError,
    LockoutPolicy,
    Role,
    SignInAttempts,
    User,
    normalize_email,
    password_problems,
    sign_in_key,
    validate_registration,
)
from booking_domain.accounts.users import e164
from booking_domain.shared import InvalidInputError, UserId, new_uuid7

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def a_user(**changes: object) -> User:
    values: dict[str, object] = {
        "id": UserId(new_uuid7()),
        "email": "ada@example.com",
        "name": "Ada Lovelace",
        "role": Role.CUSTOMER,
        "password_hash": "x",
        "created_at": NOW,
        "updated_at": NOW,
    }
    values.update(changes)
    return User(**values)  # type: ignore[arg-type]


def field_codes(exc: InvalidInputError) -> dict[str, str]:
    return {e.field: e.code for e in exc.errors}


def test_email_is_trimmed_and_lower_cased() -> None:
    assert normalize_email("  Ada@Example.COM ") == "ada@example.com"


@pytest.mark.parametrize("email", ["", "ada", "ada@", "@example.com", "ada@example", "a da@x.io"])
def test_malformed_emails_are_refused(email: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        validate_registration(email, "a long enough passphrase", "Ada", Role.CUSTOMER)
    assert field_codes(caught.value) == {"email": "invalid_email"}


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InvalidInputError) as caught:
        validate_registration("nope", "short", "   ", Role.ADMIN)
    assert field_codes(caught.value) == {
        "email": "invalid_email",
        "name": "required",
        "role": "invalid_role",
        "password": "weak_password",
    }


def test_valid_registration_returns_normalised_values() -> None:
    assert validate_registration(
        " Ada@Example.com", "tattoo-ink-2026", "  Ada   Lovelace ", Role.ARTIST
    ) == (
        "ada@example.com",
        "Ada Lovelace",
    )


@given(st.text(max_size=MIN_PASSWORD_LENGTH - 1))
def test_short_passwords_are_weak(password: str) -> None:
    assert password_problems(password, email="ada@example.com", name="Ada") != []


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789!-", min_size=0, max_size=20))
def test_a_password_containing_the_email_local_part_is_weak(padding: str) -> None:
    password = padding + "lovelace77" + padding
    assert password_problems(password, email="lovelace77@example.com", name="Ada") != []


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaaaa", "1234567890", "Password123", "my name is ada lovelace"]
)
def test_guessable_or_personal_passwords_are_weak(password: str) -> None:
    assert password_problems(password, email="countess@example.com", name="Ada Lovelace") != []


def test_a_decent_passphrase_passes() -> None:
    assert password_problems("violet-needle-harbour", email="ada@example.com", name="Ada") == []


@given(st.lists(st.booleans(), max_size=40), st.integers(1, 6))
def test_a_pair_locks_exactly_when_its_failures_in_a_row_reach_the_limit(
    outcomes: list[bool], limit: int
) -> None:
    """``outcomes``: True for a failure, False for a success (which forgets the pair). The
    pair is locked right after the failure that makes ``limit`` in a row since the last
    success or lock, and never otherwise; a lock ends after its duration."""
    policy = LockoutPolicy(max_failures=limit, lock_duration=timedelta(minutes=15))
    attempts, in_a_row = SignInAttempts("k", NOW), 0
    for failed in outcomes:
        if not failed:
            attempts, in_a_row = SignInAttempts("k", NOW), 0
            continue
        attempts, in_a_row = attempts.with_failure(NOW, policy), in_a_row + 1
        if in_a_row == limit:
            with pytest.raises(AccountLockedError) as caught:
                attempts.ensure_not_locked(NOW + timedelta(minutes=14, seconds=59))
            assert 1 <= caught.value.retry_after_seconds <= 2
            attempts.ensure_not_locked(NOW + timedelta(minutes=15))
            attempts, in_a_row = SignInAttempts("k", NOW), 0  # the lock has run out
        else:
            attempts.ensure_not_locked(NOW)


@given(st.lists(st.integers(0, 60), min_size=1, max_size=30))
def test_failures_further_apart_than_the_window_never_lock(gaps_in_minutes: list[int]) -> None:
    """Only a run of ``max_failures``, each within ``lock_duration`` of the one before, locks."""
    policy = LockoutPolicy(max_failures=3, lock_duration=timedelta(minutes=15))
    attempts, moment, run = SignInAttempts("k", NOW), NOW, 0
    for gap in gaps_in_minutes:
        moment += timedelta(minutes=gap)
        run = run + 1 if gap < 15 else 1
        attempts = attempts.with_failure(moment, policy)
        if run == policy.max_failures:
            with pytest.raises(AccountLockedError):
                attempts.ensure_not_locked(moment)
            return
        attempts.ensure_not_locked(moment)


def test_the_pair_key_is_a_digest_of_email_and_address() -> None:
    key = sign_in_key("ada@example.com", "198.51.100.7")
    assert len(key) == 64 and "ada" not in key
    assert key != sign_in_key("ada@example.com", "203.0.113.9")
    assert key != sign_in_key("bob@example.com", "198.51.100.7")


def test_profile_edits_validate_phone_and_can_clear_it() -> None:
    user = a_user().with_profile(NOW, name=None, phone="+976 8811 2233")
    assert user.phone == "+97688112233" and user.name == "Ada Lovelace"
    assert user.with_profile(NOW, name=None, phone="").phone is None
    with pytest.raises(InvalidInputError) as caught:
        user.with_profile(NOW, name="", phone="call me")
    assert field_codes(caught.value) == {"name": "required", "phone": "invalid_phone"}


@given(st.integers(min_value=10_000_000, max_value=99_999_999), st.sampled_from([" ", "-", ""]))
def test_a_mongolian_national_number_is_kept_in_e164_however_it_is_written(
    number: int, separator: str
) -> None:
    digits = str(number)
    written = digits[:4] + separator + digits[4:]
    assert e164(written) == "+976" + digits
    assert e164("+976 " + written) == e164("00976" + digits) == "+976" + digits


@given(st.text(max_size=30))
def test_whatever_is_typed_a_phone_is_e164_or_refused(typed: str) -> None:
    number = e164(typed)
    assert number is None or re.fullmatch(r"\+[1-9][0-9]{7,14}", number)
