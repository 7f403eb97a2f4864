"""API keys' rules (booking_domain/accounts/api_keys.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts.api_keys import (
    LONGEST_LIFE,
    MAX_LIVE_KEYS,
    SHORTEST_LIFE,
    ApiKey,
    ApiKeyNotAcceptedError,
    ApiKeyScope,
    ApiKeyScopeMissingError,
    ApiKeysNotForCustomersError,
    KeyRequest,
    TooManyApiKeysError,
    check_key_request,
    could_be_api_key,
    fresh_secret,
    new_api_key,
    well_formed_key,
)
from booking_domain.shared import Actor, InvalidInputError, Role, UserId, is_clean_text

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)
ARTIST = Actor(UserId(UUID(int=1)), Role.ARTIST)
SCOPES = st.frozensets(st.sampled_from(ApiKeyScope), min_size=1)


def _request(scopes: frozenset[ApiKeyScope] = frozenset(ApiKeyScope)) -> KeyRequest:
    return check_key_request("CRM sync", [s.value for s in scopes], NOW + timedelta(days=30), NOW)


def _key(scopes: frozenset[ApiKeyScope] = frozenset(ApiKeyScope), owner: Actor = ARTIST) -> ApiKey:
    secret = fresh_secret()
    return new_api_key(owner, _request(scopes), secret, f"digest-of-{secret}", NOW, live=0)


def test_a_secret_has_the_keys_shape_and_is_never_the_same() -> None:
    secrets = {fresh_secret() for _ in range(200)}
    assert len(secrets) == 200
    assert all(well_formed_key(s) and could_be_api_key(s) for s in secrets)


def test_a_key_keeps_its_digest_and_a_prefix_never_the_secret() -> None:
    secret = fresh_secret()
    key = new_api_key(ARTIST, _request(), secret, "d", NOW, live=0)
    assert key.prefix == secret[:12] and key.digest == "d"
    assert secret not in repr(key)


@given(scopes=SCOPES, asked=st.sampled_from(ApiKeyScope))
def test_a_key_permits_its_scopes_and_reading_what_it_manages(
    scopes: frozenset[ApiKeyScope], asked: ApiKeyScope
) -> None:
    key = _key(scopes)
    granted = asked in scopes or (
        asked is ApiKeyScope.BOOKINGS_READ and ApiKeyScope.BOOKINGS_MANAGE in scopes
    )
    assert key.permits(asked) is granted
    if granted:
        key.ensure_permits(asked)
    else:
        with pytest.raises(ApiKeyScopeMissingError):
            key.ensure_permits(asked)


def test_an_operation_naming_no_scope_takes_no_key() -> None:
    with pytest.raises(ApiKeyNotAcceptedError):
        _key().ensure_permits(None)


def test_a_read_key_cannot_manage_bookings() -> None:
    with pytest.raises(ApiKeyScopeMissingError):
        _key(frozenset({ApiKeyScope.BOOKINGS_READ})).ensure_permits(ApiKeyScope.BOOKINGS_MANAGE)


@given(offset=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60)))
def test_a_key_is_live_until_its_expiry_or_its_revocation(offset: timedelta) -> None:
    key = _key()
    at = NOW + offset
    assert key.is_live(at) is (at < key.expires_at)
    assert not key.revoked(NOW).is_live(NOW)
    assert not key.is_live(key.expires_at)


def test_revoking_twice_keeps_the_first_moment() -> None:
    once = _key().revoked(NOW)
    assert once.revoked(NOW + timedelta(hours=1)).revoked_at == NOW


@given(gap=st.timedeltas(min_value=timedelta(0), max_value=timedelta(minutes=5)))
def test_a_use_is_written_at_most_once_a_minute(gap: timedelta) -> None:
    first = _key().used(NOW)
    assert first is not None and first.last_used_at == NOW
    again = first.used(NOW + gap)
    assert (again is None) is (gap < timedelta(minutes=1))


@pytest.mark.parametrize("role", [Role.ARTIST, Role.ADMIN])
def test_artists_and_admins_make_keys(role: Role) -> None:
    assert _key(owner=Actor(UserId(UUID(int=2)), role)).user_id == UserId(UUID(int=2))


def test_customers_make_no_keys() -> None:
    with pytest.raises(ApiKeysNotForCustomersError):
        _key(owner=Actor(UserId(UUID(int=3)), Role.CUSTOMER))


def test_an_account_holds_a_bounded_number_of_live_keys() -> None:
    new_api_key(ARTIST, _request(), fresh_secret(), "d", NOW, live=MAX_LIVE_KEYS - 1)
    with pytest.raises(TooManyApiKeysError):
        new_api_key(ARTIST, _request(), fresh_secret(), "d", NOW, live=MAX_LIVE_KEYS)


@given(life=st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=800)))
def test_an_expiry_from_an_hour_to_two_years_ahead_is_taken(life: timedelta) -> None:
    if SHORTEST_LIFE <= life <= LONGEST_LIFE:
        assert check_key_request("k", ["bookings:read"], NOW + life, NOW).expires_at == NOW + life
        return
    with pytest.raises(InvalidInputError) as refused:
        check_key_request("k", ["bookings:read"], NOW + life, NOW)
    assert [e.field for e in refused.value.errors] == ["expiresAt"]


@given(name=st.text(max_size=100))
def test_a_name_is_one_to_eighty_clean_characters(name: str) -> None:
    cleaned = name.strip()
    if 1 <= len(cleaned) <= 80 and is_clean_text(cleaned):
        checked = check_key_request(name, ["bookings:read"], NOW + timedelta(days=1), NOW)
        assert checked.name == cleaned
        return
    with pytest.raises(InvalidInputError) as refused:
        check_key_request(name, ["bookings:read"], NOW + timedelta(days=1), NOW)
    assert [e.field for e in refused.value.errors] == ["name"]


@pytest.mark.parametrize("scopes", [[], ["bookings:write"], ["bookings:read", "BOOKINGS:READ"]])
def test_scopes_are_known_and_at_least_one(scopes: list[str]) -> None:
    with pytest.raises(InvalidInputError) as refused:
        check_key_request("k", scopes, NOW + timedelta(days=1), NOW)
    assert [e.field for e in refused.value.errors] == ["scopes"]
