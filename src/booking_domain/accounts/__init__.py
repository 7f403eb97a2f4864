"""Accounts: users, the password and lockout rules, and session tokens (refresh tokens in
families, rotated on every use). Sign-up, sign-in and profile edits are the ``use_cases``
subpackage; storage, hashing and token signing are ``ports``."""

from booking_domain.accounts.emails import email_problem, normalize_email
from booking_domain.accounts.errors import (
    AccountDisabledError,
    AccountLockedError,
    EmailAlreadyRegisteredError,
    InvalidCredentialsError,
    InvalidTokenError,
    RefreshTokenReusedError,
    UserNotFoundError,
)
from booking_domain.accounts.ports import AccessClaims, HasUsers, UserRepository
from booking_domain.accounts.sessions import (
    RefreshToken,
    RefreshTokenId,
    SessionFamilyId,
    issue_refresh_token,
)
from booking_domain.accounts.sign_in import LockoutPolicy, SignInAttempts, sign_in_key
from booking_domain.accounts.users import (
    DEFAULT_LOCALE,
    MAX_LOCK,
    MAX_NAME_LENGTH,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    SELF_SERVICE_ROLES,
    Moderation,
    User,
    checked_name,
    e164,
    moderated,
    password_problems,
    validate_registration,
)
from booking_domain.shared.identity import Actor, Role

__all__ = [
    "DEFAULT_LOCALE",
    "MAX_LOCK",
    "MAX_NAME_LENGTH",
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "SELF_SERVICE_ROLES",
    "AccessClaims",
    "AccountDisabledError",
    "AccountLockedError",
    "Actor",
    "EmailAlreadyRegisteredError",
    "HasUsers",
    "InvalidCredentialsError",
    "InvalidTokenError",
    "LockoutPolicy",
    "Moderation",
    "RefreshToken",
    "RefreshTokenId",
    "RefreshTokenReusedError",
    "Role",
    "SessionFamilyId",
    "SignInAttempts",
    "User",
    "UserNotFoundError",
    "UserRepository",
    "checked_name",
    "e164",
    "email_problem",
    "issue_refresh_token",
    "moderated",
    "normalize_email",
    "password_problems",
    "sign_in_key",
    "validate_registration",
]
