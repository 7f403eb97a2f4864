"""Sessions a user can see (``accounts.devices``): the User-Agent kept and its label, the
record's moves, and the rules of the list and of ending a session."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import SessionFamilyId, issue_refresh_token
from booking_domain.accounts.devices import (
    BROWSER_NAMES,
    MAX_ADDRESS_LENGTH,
    MAX_USER_AGENT_LENGTH,
    SYSTEM_NAMES,
    UNKNOWN_DEVICE,
    Session,
    SessionDevice,
    clean_address,
    clean_user_agent,
    describe_user_agent,
    family_is_live,
    newest_use_first,
    seen_by,
    session_to_end,
)
from booking_domain.accounts.errors import SessionNotFoundError
from booking_domain.shared import UserId, new_uuid7
from booking_domain.shared.errors import NotFoundError
from tests.support.builders import START

ADA, BOB = UserId(new_uuid7()), UserId(new_uuid7())

FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (FIREFOX_LINUX, "Firefox on Linux"),
        (CHROME_ANDROID, "Chrome on Android"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36",
            "Chrome on Windows",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge on Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Safari on macOS",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
            "Safari on iOS",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome on iOS",
        ),
        (
            "Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
            "Firefox on iPadOS",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
            "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Samsung Internet on Android",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
            "Opera on Linux",
        ),
        (
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Safari/537.36",
            "Chrome on ChromeOS",
        ),
        ("okhttp/4.12.0", "Android app"),
        ("curl/8.5.0", "curl"),
        ("python-httpx/0.28.1", "Python"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Windows"),
        ("SomethingElse/1.0", UNKNOWN_DEVICE),
        ("", UNKNOWN_DEVICE),
        (None, UNKNOWN_DEVICE),
    ],
)
def test_a_user_agent_is_labelled_browser_on_system(user_agent: str | None, label: str) -> None:
    assert describe_user_agent(user_agent) == label


LABELS = (
    {UNKNOWN_DEVICE}
    | BROWSER_NAMES
    | SYSTEM_NAMES
    | {f"{b} on {s}" for b in BROWSER_NAMES for s in SYSTEM_NAMES}
)


@given(st.text(max_size=400))
def test_every_user_agent_gets_one_of_the_known_labels(user_agent: str) -> None:
    assert describe_user_agent(user_agent) in LABELS


@given(st.one_of(st.none(), st.text(max_size=600)))
def test_a_kept_user_agent_is_bounded_printable_single_spaced_and_stable(
    raw: str | None,
) -> None:
    kept = clean_user_agent(raw)
    assert len(kept) <= MAX_USER_AGENT_LENGTH
    assert not any(unicodedata.category(ch).startswith("C") for ch in kept)
    assert kept == kept.strip() and "  " not in kept
    assert all(not ch.isspace() or ch == " " for ch in kept)
    assert clean_user_agent(kept) == kept


def test_cleaning_drops_control_and_format_characters_and_cuts_long_agents() -> None:
    assert clean_user_agent("  Firefox/1\x00\x1b[31m\u202e  x\r\n") == "Firefox/1 [31m x"
    assert clean_user_agent("A" * 1000) == "A" * MAX_USER_AGENT_LENGTH
    assert clean_user_agent(None) == clean_user_agent("\x00\x01") == ""


@given(st.one_of(st.none(), st.text(max_size=200)))
def test_a_kept_address_is_bounded_or_none(raw: str | None) -> None:
    kept = clean_address(raw)
    assert kept is None or 0 < len(kept) <= MAX_ADDRESS_LENGTH
    assert clean_address(kept) == kept


def _opened(
    user: UserId = ADA, at: timedelta = timedelta(0), device: SessionDevice | None = None
) -> Session:
    return Session.opened(SessionFamilyId(new_uuid7()), user, START + at, device)


def test_a_sign_in_records_the_device_and_address_as_first_and_last() -> None:
    session = _opened(device=SessionDevice(f"{FIREFOX_LINUX}\x00", " 198.51.100.7 "))
    assert session.user_agent == FIREFOX_LINUX and session.device == "Firefox on Linux"
    assert session.address == session.last_address == "198.51.100.7"
    assert session.created_at == session.last_used_at == START
    unknown = _opened()
    assert unknown.user_agent == "" and unknown.device == UNKNOWN_DEVICE
    assert unknown.address is None and unknown.last_address is None


def test_a_refresh_moves_the_last_use_and_address_and_keeps_the_signing_device() -> None:
    session = _opened(device=SessionDevice(FIREFOX_LINUX, "198.51.100.7"))
    later = START + timedelta(hours=2)
    used = session.used(later, SessionDevice(CHROME_ANDROID, "203.0.113.9"))
    assert used.last_used_at == later and used.last_address == "203.0.113.9"
    assert used.user_agent == FIREFOX_LINUX and used.address == "198.51.100.7"
    assert used.created_at == START
    # an unknown address keeps the last known; a session that knew no device learns one
    assert used.used(later, None).last_address == "203.0.113.9"
    assert _opened().used(later, SessionDevice(CHROME_ANDROID)).device == "Chrome on Android"


@given(st.lists(st.integers(min_value=-10_000, max_value=10_000), max_size=8))
def test_the_last_use_never_moves_back(moments: list[int]) -> None:
    session = _opened()
    latest = session.last_used_at
    for seconds in moments:
        session = session.used(START + timedelta(seconds=seconds))
        latest = max(latest, START + timedelta(seconds=seconds))
        assert session.last_used_at == latest


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=10), st.data())
def test_the_list_is_newest_use_first_with_exactly_the_asking_session_current(
    uses: list[int], data: st.DataObject
) -> None:
    sessions = [_opened().used(START + timedelta(minutes=m)) for m in uses]
    current = data.draw(st.sampled_from(sessions)).id
    seen = seen_by(reversed(sessions), current)
    assert sorted(s.session.id for s in seen) == sorted(s.id for s in sessions)
    moments = [s.session.last_used_at for s in seen]
    assert moments == sorted(moments, reverse=True)
    assert [s.session.id for s in seen if s.current] == [current]
    assert [s.session for s in seen] == newest_use_first(sessions)


def test_ties_put_the_greater_id_first() -> None:
    """Ids are UUIDv7: between two sign-ins of different milliseconds, the later one."""
    low, high = (SessionFamilyId(UUID(int=n)) for n in (1, 2))
    first, second = (Session.opened(i, ADA, START) for i in (low, high))
    assert newest_use_first([first, second]) == [second, first]


def test_only_the_owner_ends_a_session_and_others_meet_not_found() -> None:
    mine = _opened(ADA)
    assert session_to_end(mine, ADA) is mine
    for session, user in ((mine, BOB), (None, ADA)):
        with pytest.raises(SessionNotFoundError) as raised:
            session_to_end(session, user)
        assert isinstance(raised.value, NotFoundError)
        assert raised.value.code == "session_not_found"


def test_a_family_lives_while_one_token_is_usable() -> None:
    ttl = timedelta(days=30)
    token = issue_refresh_token(ADA, "h1", START, ttl)
    successor = issue_refresh_token(ADA, "h2", START, ttl, token.family_id)
    assert family_is_live([token], START)
    assert not family_is_live([], START)
    assert not family_is_live([token], START + ttl)  # expired
    assert not family_is_live([token.revoked(START)], START)
    spent = token.spent(START, successor.id)
    assert not family_is_live([spent], START)
    assert family_is_live([spent, successor], START)
    assert not family_is_live([spent, replace(successor, revoked_at=START)], START)
