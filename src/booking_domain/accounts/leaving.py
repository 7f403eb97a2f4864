"""Leaving the platform: the owner deletes their own account (docs/privacy.md).

Rules:
- only the owner deletes an account, and proves it again at that moment: an account with a
  password gives the password; an account without one (made by phone code or Telegram)
  gives a fresh sign-in code sent to its verified number; an account with neither cannot
  prove itself and is refused (an admin or support deletes it);
- a deleted account is anonymised, not removed: its name becomes ``DELETED_NAME``; its
  email, phone and password hash are cleared, nothing is verified any more, it is disabled
  (no sign-in of any kind, no session) and ``deleted_at`` says when. Its id and role stay,
  and its language (messages about the bookings it leaves behind are still sent in it);
- deleting is once: a deleted account is not deleted again, nor locked, suspended or
  reinstated by admins;
- the email is free again for a new account (it is no longer stored).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from booking_domain.accounts.users import User
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    NotFoundError,
)
from booking_domain.shared.outbox import JsonValue, subject_of

DELETED_NAME = "Deleted user"
ACCOUNT_DELETED = "account.deleted"


@dataclass(frozen=True, slots=True)
class PasswordProof:
    password: str


@dataclass(frozen=True, slots=True)
class PhoneCodeProof:
    phone: str  # as typed; read into E.164 by the use case
    code: str


Proof = PasswordProof | PhoneCodeProof


class CannotProveOwnerError(InvalidTransitionError):
    """The account has neither a password nor a verified number to prove its owner with."""

    code = "cannot_prove_owner"
    default_message = "This account cannot be deleted here; contact support."


class AccountDeletedError(NotFoundError):
    code = "account_deleted"
    default_message = "This account has been deleted."


def require_proof_fits(user: User, proof: Proof | None) -> None:
    """The proof the account can give: its password if it has one, else a code to its
    verified number. Another kind is a field error on what is missing."""
    if user.deleted_at is not None:
        raise AccountDeletedError()
    if user.password_hash is not None:
        if not isinstance(proof, PasswordProof):
            detail = "Enter your password to delete the account."
            raise InvalidInputError(errors=(FieldError("password", detail, "required"),))
        return
    if not (user.phone_verified and user.phone):
        raise CannotProveOwnerError()
    if not isinstance(proof, PhoneCodeProof):
        detail = "Enter the code sent to your phone to delete the account."
        raise InvalidInputError(errors=(FieldError("code", detail, "required"),))


def wrong_password() -> InvalidInputError:
    return InvalidInputError(
        errors=(FieldError("password", "The password is wrong.", "wrong_password"),)
    )


def anonymised(user: User, now: datetime) -> User:
    """The account as it stays after its owner deleted it (the module's rules)."""
    if user.deleted_at is not None:
        raise AccountDeletedError()
    return replace(
        user,
        name=DELETED_NAME,
        email=None,
        phone=None,
        password_hash=None,
        phone_verified=False,
        email_verified=False,
        locked_until=None,
        disabled=True,
        deleted_at=now,
        updated_at=now,
    )


def deletion_audit(before: User, after: User, now: datetime) -> AuditEntry:
    """``account.deleted`` by its owner: what was cleared is said, never its value."""
    cleared: list[JsonValue] = [
        name
        for name, had in (
            ("email", before.email),
            ("phone", before.phone),
            ("password", before.password_hash),
        )
        if had is not None
    ]
    after_summary: dict[str, JsonValue] = {"name": after.name, "cleared": cleared}
    return audit_entry(
        ACCOUNT_DELETED,
        subject_of("user", before.id),
        now,
        actor=before.actor,
        after=after_summary,
    )
