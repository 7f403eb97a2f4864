"""Phone code rules (``accounts.phone_codes``), checked for every history and clock the
strategies draw: the cooldown, the hourly and daily limits of the number, the address and
the range, and what they say of retrying, the attempts, expiry and single use."""

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
    address_network,
    check_sending,
    new_phone_code,
    number_range,
    seconds_to_next_day,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
POLICY = PhoneCodePolicy()
HOUR, DAY = timedelta(hours=1), timedelta(days=1)

# Sends spread over two days, most of them in the last hours (where the limits bite).
offsets = st.lists(
    st.one_of(
        st.integers(min_value=1, max_value=7_200), st.integers(min_value=1, max_value=172_800)
    ),
    max_size=60,
).map(lambda seconds: tuple(sorted(NOW - timedelta(seconds=s) for s in seconds)))


def _within(sent: tuple[datetime, ...], now: datetime, window: timedelta) -> int:
    return sum(1 for t in sent if now - t < window)


def _allowed(history: SendingHistory, now: datetime) -> bool:
    """The rule, naively: the last send to the number a minute ago or more; fewer than 5
    to it within the hour and 10 within the day; fewer than 20 from the address within the
    hour and 50 within the day; fewer than 50 to its range within the day."""
    to_number = [t for t in history.to_number if now - t < DAY]
    cooled = not to_number or now - max(to_number) >= POLICY.resend_cooldown
    return (
        cooled
        and _within(history.to_number, now, HOUR) < 5
        and _within(history.to_number, now, DAY) < 10
        and _within(history.from_address, now, HOUR) < 20
        and _within(history.from_address, now, DAY) < 50
        and _within(history.to_range, now, DAY) < 50
    )


@given(to_number=offsets, from_address=offsets, to_range=offsets)
def test_a_send_is_refused_exactly_when_a_limit_forbids_it(
    to_number: tuple[datetime, ...],
    from_address: tuple[datetime, ...],
    to_range: tuple[datetime, ...],
) -> None:
    history = SendingHistory(to_number, from_address, to_range)
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


@given(to_number=offsets, from_address=offsets, to_range=offsets)
def test_retrying_when_told_lifts_the_limit_that_refused(
    to_number: tuple[datetime, ...],
    from_address: tuple[datetime, ...],
    to_range: tuple[datetime, ...],
) -> None:
    """After ``Retry-After`` seconds the cooldown no longer refuses (a limit may), a limit
    refuses no more at all, and a second earlier the refusal still stood: the figure is
    exact, not a guess."""
    history = SendingHistory(to_number, from_address, to_range)
    refused = _refusal(history, NOW)
    if refused is None:
        return
    wait = refused.retry_after_seconds
    later = _refusal(history, NOW + timedelta(seconds=wait))
    if isinstance(refused, CodeCooldownError):  # the limits may refuse next, not it
        assert not isinstance(later, CodeCooldownError)
    else:
        assert later is None
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


def test_a_range_has_a_daily_budget_of_its_own() -> None:
    """The 50th code to a block of numbers in 24 hours is the last, whatever numbers of the
    block and whatever addresses asked; the next passes when the first leaves the day."""
    sent = tuple(NOW - DAY + timedelta(minutes=20 * (i + 1)) for i in range(50))
    with pytest.raises(TooManyCodesError) as refused:
        check_sending(SendingHistory(to_range=sent), NOW, POLICY)
    assert refused.value.retry_after_seconds == 20 * 60
    check_sending(SendingHistory(to_range=sent[1:]), NOW, POLICY)
    assert number_range("+97688112233") == "+9768811"


def test_one_address_takes_at_most_a_fifth_of_a_ranges_day() -> None:
    """One address asking for the numbers of one block (10 of the 50 a day) is refused
    before it can spend the block's day and stop codes to the 10,000 numbers in it; other
    addresses still get codes there."""
    assert POLICY.per_address_range_daily == POLICY.per_range_daily // 5
    share = POLICY.per_address_range_daily
    sent = tuple(NOW - DAY + timedelta(minutes=20 * (i + 1)) for i in range(share))
    with pytest.raises(TooManyCodesError) as refused:
        check_sending(SendingHistory(to_range=sent, from_address_to_range=sent), NOW, POLICY)
    assert refused.value.retry_after_seconds == 20 * 60
    check_sending(SendingHistory(to_range=sent), NOW, POLICY)  # another address asks


def test_an_ipv6_address_counts_by_its_network() -> None:
    """One subscriber holds a whole /64: its addresses are one asker; IPv4 ones (mapped
    into IPv6 or not) are each their own."""
    assert address_network("2001:db8:1:2::7") == address_network("2001:db8:1:2:ffff::1")
    assert address_network("2001:db8:1:2::7") != address_network("2001:db8:1:3::7")
    assert address_network("::ffff:198.51.100.7") == address_network("198.51.100.7")
    assert address_network("198.51.100.7") != address_network("198.51.100.8")
    assert address_network("testclient") == "testclient"
