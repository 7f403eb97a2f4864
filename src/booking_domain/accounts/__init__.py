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
    PhoneAlreadyVerifiedError,
    RefreshTokenReusedError,
    UserNotFoundError,
)
from booking_domain.accounts.guessing import count_a_failure, refuse_a_locked_pair
from booking_domain.accounts.leaving import (
    DELETED_NAME,
    AccountDeletedError,
    CannotProveOwnerError,
    PasswordProof,
    PhoneCodeProof,
    Proof,
    anonymised,
    deletion_audit,
    require_proof_fits,
    wrong_password,
)
from booking_domain.accounts.phone_codes import InvalidCodeError, PhoneCodePolicy
from booking_domain.accounts.ports import (
    AccessClaims,
    AccountsUnitOfWork,
    HasUsers,
    KeyedDigest,
    PasswordHasher,
    PhoneNumbers,
    SessionCheck,
    UserRepository,
)
from booking_domain.accounts.proving import CodeEntries, enter_code
from booking_domain.accounts.sessions import (
    RefreshToken,
    RefreshTokenId,
    SessionFamilyId,
    issue_refresh_token,
)
from booking_domain.accounts.sign_in import LockoutPolicy, SignInAttempts, sign_in_key
from booking_domain.accounts.telegram import TelegramOffError
from booking_domain.accounts.text_reach import BLOCKED_RANGES, ReachRefusal, TextReach
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
    "BLOCKED_RANGES",
    "DEFAULT_LOCALE",
    "DELETED_NAME",
    "MAX_LOCK",
    "MAX_NAME_LENGTH",
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "SELF_SERVICE_ROLES",
    "AccessClaims",
    "AccountDeletedError",
    "AccountDisabledError",
    "AccountLockedError",
    "AccountsUnitOfWork",
    "Actor",
    "CannotProveOwnerError",
    "CodeEntries",
    "EmailAlreadyRegisteredError",
    "HasUsers",
    "InvalidCodeError",
    "InvalidCredentialsError",
    "InvalidTokenError",
    "KeyedDigest",
    "LockoutPolicy",
    "Moderation",
    "PasswordHasher",
    "PasswordProof",
    "PhoneAlreadyVerifiedError",
    "PhoneCodePolicy",
    "PhoneCodeProof",
    "PhoneNumbers",
    "Proof",
    "ReachRefusal",
    "RefreshToken",
    "RefreshTokenId",
    "RefreshTokenReusedError",
    "Role",
    "SessionCheck",
    "SessionFamilyId",
    "SignInAttempts",
    "TelegramOffError",
    "TextReach",
    "User",
    "UserNotFoundError",
    "UserRepository",
    "anonymised",
    "checked_name",
    "count_a_failure",
    "deletion_audit",
    "e164",
    "email_problem",
    "enter_code",
    "issue_refresh_token",
    "moderated",
    "normalize_email",
    "password_problems",
    "refuse_a_locked_pair",
    "require_proof_fits",
    "sign_in_key",
    "validate_registration",
    "wrong_password",
]
