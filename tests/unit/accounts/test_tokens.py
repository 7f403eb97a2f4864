"""Access tokens: what the JWT service accepts and what it refuses."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from uuid import UUID

import jwt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.security.tokens import JwtTokenService
from booking_domain.accounts import InvalidTokenError, Role, SessionFamilyId
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START, TEST_JWT_SECRET

service = JwtTokenService(TEST_JWT_SECRET)
USER = UserId(new_uuid7())
SESSION = SessionFamilyId(new_uuid7())


def issued() -> str:
    return service.issue_access_token(USER, Role.ARTIST, SESSION, START).token


def test_a_fresh_token_verifies_with_its_claims() -> None:
    claims = service.verify_access_token(issued(), START + timedelta(minutes=14))
    assert (claims.user_id, claims.role, claims.session_id) == (USER, Role.ARTIST, SESSION)
    assert claims.expires_at - claims.issued_at == timedelta(minutes=15)


def test_expired_tokens_are_refused_by_the_injected_clock() -> None:
    with pytest.raises(InvalidTokenError):
        service.verify_access_token(issued(), START + timedelta(minutes=15))


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def test_alg_none_is_refused() -> None:
    _, payload, _ = issued().split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    with pytest.raises(InvalidTokenError):
        service.verify_access_token(forged, START)


def test_tampered_claims_are_refused() -> None:
    header, payload, signature = issued().split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["role"] = "admin"
    with pytest.raises(InvalidTokenError):
        service.verify_access_token(f"{header}.{_b64(claims)}.{signature}", START)


def test_tokens_signed_with_another_secret_or_missing_claims_are_refused() -> None:
    other = JwtTokenService("another-secret-" + "y" * 40).issue_access_token(
        USER, Role.ADMIN, SESSION, START
    )
    incomplete = jwt.encode(
        {"sub": str(USER), "iss": "inkslot"}, TEST_JWT_SECRET, algorithm="HS256"
    )
    for token in (other.token, incomplete, "garbage", ""):
        with pytest.raises(InvalidTokenError):
            service.verify_access_token(token, START)


def test_refresh_secrets_are_random_and_hashed_stably() -> None:
    a, b = service.new_refresh_secret(), service.new_refresh_secret()
    assert a != b and len(a) >= 43
    assert service.hash_refresh_secret(a) == service.hash_refresh_secret(a) != a


def test_a_short_signing_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="32"):
        JwtTokenService("short")


def test_a_cached_verification_still_expires() -> None:
    token = issued()
    service.verify_access_token(token, START)  # now cached
    with pytest.raises(InvalidTokenError):
        service.verify_access_token(token, START + timedelta(minutes=15))


def test_the_verification_cache_is_bounded() -> None:
    small = JwtTokenService(TEST_JWT_SECRET, cache_size=2)
    tokens = [small.issue_access_token(USER, Role.CUSTOMER, SESSION, START).token for _ in range(5)]
    for token in tokens:
        small.verify_access_token(token, START)
    assert small.cached_verifications == 2


@given(st.uuids(), st.uuids())
def test_a_form_token_is_its_sessions_own_and_needs_the_key(first: UUID, second: UUID) -> None:
    """The same session always gets the same form token; another session, or the same one
    under another key, never does; and the token is no access token."""
    one, other = SessionFamilyId(first), SessionFamilyId(second)
    assert service.form_token(one) == service.form_token(one)
    assert (service.form_token(one) == service.form_token(other)) == (first == second)
    assert service.form_token(one) != JwtTokenService("k" * 32).form_token(one)
    with pytest.raises(InvalidTokenError):
        service.verify_access_token(service.form_token(one), START)


def test_the_injected_clock_alone_judges_when_a_token_was_issued() -> None:
    """A token issued by a clock ahead of the wall clock (the local profile's rehearsal of
    another day, a test's) verifies by that clock; PyJWT's own check of ``iat`` against
    the wall clock refused it. One issued after the clock's now is refused."""
    ahead = START.replace(year=START.year + 3)
    fresh = service.issue_access_token(USER, Role.ARTIST, SESSION, ahead).token
    assert service.verify_access_token(fresh, ahead + timedelta(minutes=1)).user_id == USER
    ticket = service.issue_stream_ticket(service.verify_access_token(fresh, ahead), ahead).token
    assert service.verify_stream_ticket(ticket, ahead).user_id == USER
    later = JwtTokenService(TEST_JWT_SECRET).issue_access_token(
        USER, Role.ARTIST, SESSION, ahead + timedelta(minutes=5)
    )
    with pytest.raises(InvalidTokenError):
        JwtTokenService(TEST_JWT_SECRET).verify_access_token(later.token, ahead)
