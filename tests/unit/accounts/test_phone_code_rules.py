"""Phone code rules (``accounts.phone_codes``), checked for every history and clock the
strategies draw: the cooldown, the hourly limits and what they say of retrying, the
attempts, expiry and single use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts.phone_codes import (
    CodeCooldownError,
    CodePurpose,
    PhoneCodePolicy,
    SendingHistory,
    TooManyCodesError,
    check_sending,
    new_phone_code,
    seconds_to_next_day,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
POLICY = PhoneCodePolicy()
HOUR = timedelta(hours=1)

offsets = st.lists(st.integers(min_value=1, max_value=7_200), max_size=30).map(
    lambda seconds: tuple(sorted(NOW - timedelta(seconds=s) for s in seconds))
)


def _allowed(history: SendingHistory, now: datetime) -> bool:
    """The rule, naively: the last send to the number a minute ago or more, fewer than 5 to
    it and fewer than 20 from the address within the hour."""
    to_number = [t for t in history.to_number if now - t < HOUR]
    from_address = [t for t in history.from_address if now - t < HOUR]
    cooled = not to_number or now - max(to_number) >= POLICY.resend_cooldown
    return cooled and len(to_number) < 5 and len(from_address) < 20


@given(to_number=offsets, from_address=offsets)
def test_a_send_is_refused_exactly_when_a_limit_forbids_it(
    to_number: tuple[datetime, ...], from_address: tuple[datetime, ...]
) -> None:
    history = SendingHistory(to_number, from_address)
    try:
        check_sending(history, NOW, POLICY)
        refused = None
    except (CodeCooldownError, TooManyCodesError) as error:
        refused = error
    assert (refused is None) == _allowed(history, NOW)


def _refusal(
    history: SendingHistory, now: datetime
) -> CodeCooldownError | TooManyCodesError | None:
    try:
        check_sending(history, now, POLICY)
    except (CodeCooldownError, TooManyCodesError) as error:
        return error
    return None


@given(to_number=offsets, from_address=offsets)
def test_retrying_when_told_lifts_the_limit_that_refused(
    to_number: tuple[datetime, ...], from_address: tuple[datetime, ...]
) -> None:
    """After ``Retry-After`` seconds the cooldown no longer refuses (an hourly limit may),
    and a second earlier the refusal still stood: the figure is exact, not a guess."""
    history = SendingHistory(to_number, from_address)
    refused = _refusal(history, NOW)
    if refused is None:
        return
    wait = refused.retry_after_seconds
    later = _refusal(history, NOW + timedelta(seconds=wait))
    if isinstance(refused, CodeCooldownError):  # the hourly limits may refuse next, not it
        assert not isinstance(later, CodeCooldownError)
    if wait > 1:
        assert type(_refusal(history, NOW + timedelta(seconds=wait - 1))) is type(refused)


def test_the_cooldown_is_one_minute_to_the_second() -> None:
    history = SendingHistory(to_number=(NOW,))
    with pytest.raises(CodeCooldownError) as refused:
        check_sending(history, NOW + timedelta(seconds=59), POLICY)
    assert refused.value.retry_after_seconds == 1
    check_sending(history, NOW + timedelta(seconds=60), POLICY)


@given(
    wrong=st.integers(min_value=0, max_value=10),
    seconds=st.integers(min_value=0, max_value=600),
    right_at_end=st.booleans(),
)
def test_attempts_expiry_and_single_use(wrong: int, seconds: int, right_at_end: bool) -> None:
    code = new_phone_code("+97688112233", CodePurpose.SIGN_IN, "h", "a", NOW, POLICY)
    at = NOW + timedelta(seconds=seconds)
    for n in range(wrong):
        before = code
        code = code.entered(False, at, POLICY)
        if before.is_live(at):
            assert code.attempts == n + 1
            assert code.is_live(at) == (n + 1 < POLICY.max_attempts)
    live_before_right = code.is_live(at)
    assert live_before_right == (wrong < 5 and seconds < 300)
    if right_at_end:
        code = code.entered(True, at, POLICY)
        assert not code.is_live(at)  # spent by its right entry, or dead already
        assert code.entered(True, at, POLICY) == code  # nothing more happens to it


@given(st.datetimes(max_value=datetime(2200, 1, 1), timezones=st.just(UTC)))
def test_the_budget_day_ends_at_utc_midnight(now: datetime) -> None:
    wait = seconds_to_next_day(now)
    assert 1 <= wait <= 86_400
    assert (now + timedelta(seconds=wait)).date() > now.date() or wait == 1
