"""JWT access tokens (PyJWT, HS256) and opaque refresh-token secrets."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt

from booking_domain.accounts import InvalidTokenError, Role, SessionFamilyId
from booking_domain.accounts.ports import AccessClaims, IssuedAccessToken, TokenService
from booking_domain.shared import UserId

_ALGORITHM = "HS256"
_REQUIRED_CLAIMS = ["sub", "role", "sid", "exp", "iat", "jti"]
# How far a token's issue time may lie after the verifying clock's now: the processes of
# one deployment read clocks a few seconds apart at most.
_ISSUED_LEEWAY = timedelta(seconds=30)
# A stream ticket is an access token with this scope: good for the event stream only.
_STREAM_SCOPE = "events:stream"
STREAM_TICKET_TTL = timedelta(minutes=1)


class JwtTokenService(TokenService):
    """Signs access tokens with a shared secret.

    Verification accepts exactly one algorithm, so ``alg: none`` and algorithm-confusion
    tokens are refused; ``exp``, ``iat`` and every claim we rely on are required.
    """

    def __init__(
        self,
        secret: str,
        access_ttl: timedelta = timedelta(minutes=15),
        issuer: str = "inkslot",
        cache_size: int = 10_000,
    ) -> None:
        if len(secret) < 32:
            raise ValueError("the JWT secret must be at least 32 characters")
        self._secret = secret
        self._ttl = access_ttl
        self._issuer = issuer
        # Verified tokens, so a client's repeated requests skip the HMAC and JSON work. A
        # token's validity depends only on its bytes and our secret (plus expiry, which is
        # re-checked against the clock on every hit), so a cached answer is always correct.
        self._verified: OrderedDict[str, AccessClaims] = OrderedDict()
        self._cache_size = cache_size

    @property
    def cached_verifications(self) -> int:
        """How many verified tokens this process remembers (at most ``cache_size``)."""
        return len(self._verified)

    def issue_access_token(
        self, user_id: UserId, role: Role, session_id: SessionFamilyId, now: datetime
    ) -> IssuedAccessToken:
        return self._issue(user_id, role, session_id, now, self._ttl, {})

    def issue_stream_ticket(self, claims: AccessClaims, now: datetime) -> IssuedAccessToken:
        return self._issue(
            claims.user_id,
            claims.role,
            claims.session_id,
            now,
            STREAM_TICKET_TTL,
            {"scp": _STREAM_SCOPE},
        )

    def verify_stream_ticket(self, ticket: str, now: datetime) -> AccessClaims:
        claims, scope = self._verify_signature_and_claims(ticket)
        if scope != _STREAM_SCOPE:
            raise InvalidTokenError("This is not a stream ticket.")
        if now >= claims.expires_at:
            raise InvalidTokenError("The stream ticket has expired; ask for a new one.")
        if claims.issued_at > now + _ISSUED_LEEWAY:
            raise InvalidTokenError("The stream ticket is not valid yet.")
        return claims

    def _issue(
        self,
        user_id: UserId,
        role: Role,
        session_id: SessionFamilyId,
        now: datetime,
        ttl: timedelta,
        extra: dict[str, str],
    ) -> IssuedAccessToken:
        expires = now + ttl
        claims = {
            **extra,
            "iss": self._issuer,
            "sub": str(user_id),
            "role": role.value,
            "sid": str(session_id),
            "iat": int(now.timestamp()),
            "exp": int(expires.timestamp()),
            "jti": secrets.token_urlsafe(12),
        }
        return IssuedAccessToken(jwt.encode(claims, self._secret, algorithm=_ALGORITHM), expires)

    def verify_access_token(self, token: str, now: datetime) -> AccessClaims:
        claims = self._verified.get(token)
        if claims is None:
            claims, scope = self._verify_signature_and_claims(token)
            if scope is not None:  # a stream ticket opens the stream, nothing else
                raise InvalidTokenError()
            self._verified[token] = claims
            if len(self._verified) > self._cache_size:
                self._verified.popitem(last=False)
        # Expiry is checked against the injected clock, not the process's wall clock.
        if now >= claims.expires_at:
            raise InvalidTokenError("The access token has expired.")
        if claims.issued_at > now + _ISSUED_LEEWAY:
            raise InvalidTokenError("The access token is not valid yet.")
        return claims

    def _verify_signature_and_claims(self, token: str) -> tuple[AccessClaims, str | None]:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[_ALGORITHM],
                issuer=self._issuer,
                # Expiry and issue time are judged by the injected clock (``_in_time``), not
                # PyJWT's wall clock: a clock shifted to rehearse another day, or a test's.
                options={"require": _REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
            )
            expires = datetime.fromtimestamp(int(claims["exp"]), UTC)
            issued = datetime.fromtimestamp(int(claims["iat"]), UTC)
            scope = claims.get("scp")
            verified = AccessClaims(
                user_id=UserId(UUID(claims["sub"])),
                role=Role(claims["role"]),
                session_id=SessionFamilyId(UUID(claims["sid"])),
                token_id=str(claims["jti"]),
                issued_at=issued,
                expires_at=expires,
            )
            return verified, None if scope is None else str(scope)
        except (jwt.PyJWTError, ValueError, TypeError, KeyError) as exc:
            raise InvalidTokenError() from exc

    def new_refresh_secret(self) -> str:
        return secrets.token_urlsafe(32)

    def form_token(self, session_id: SessionFamilyId) -> str:
        # Keyed with the signing secret, under a label of its own so that no token of
        # another kind can ever equal one.
        message = b"inkslot:form-token:" + session_id.bytes
        return hmac.new(self._secret.encode(), message, hashlib.sha256).hexdigest()

    def hash_refresh_secret(self, secret: str) -> str:
        # The secret has 256 bits of entropy, so a fast hash is enough: nothing to brute-force.
        # surrogatepass: any string a client sends has a digest (and matches no token).
        return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
