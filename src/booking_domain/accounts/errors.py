"""Errors of accounts and sessions."""

from __future__ import annotations

from booking_domain.shared.errors import (
    ConflictError,
    NotAuthenticatedError,
    NotFoundError,
    PermissionDeniedError,
    RetryLaterError,
)


class EmailAlreadyRegisteredError(ConflictError):
    code = "email_taken"
    default_message = "An account with this email already exists."


class PhoneAlreadyVerifiedError(ConflictError):
    """Another account has proven this number already (a verified number is one account's)."""

    code = "phone_taken"
    default_message = "Another account has verified this phone number."


class EmailNotVerifiedError(ConflictError):
    code = "email_not_verified"
    default_message = "Verify your email address first: open the link we sent you."


class InvalidCredentialsError(NotAuthenticatedError):
    """Wrong email or wrong password: deliberately the same error for both."""

    code = "invalid_credentials"
    default_message = "Email or password is incorrect."


class InvalidTokenError(NotAuthenticatedError):
    """A missing, malformed, expired, tampered or revoked token."""

    code = "invalid_token"
    default_message = "The token is missing, invalid or expired."


class RefreshTokenReusedError(NotAuthenticatedError):
    """A spent refresh token was presented again; its whole family is now revoked."""

    code = "refresh_token_reused"
    default_message = "This session has ended; please sign in again."


class AccountLockedError(RetryLaterError):
    """Sign-in refused for a while: the (email, client address) pair failed too often in a
    row, or an operator locked the account; ``retry_after_seconds`` says how long."""

    code = "account_locked"
    default_message = "Too many failed sign-in attempts; try again later."


class AccountDisabledError(PermissionDeniedError):
    code = "account_disabled"
    default_message = "This account is disabled."


class UserNotFoundError(NotFoundError):
    code = "user_not_found"
    default_message = "User not found."


class SessionNotFoundError(NotFoundError):
    """No live session of the caller's has this id (another user's is not found either)."""

    code = "session_not_found"
    default_message = "Session not found."
