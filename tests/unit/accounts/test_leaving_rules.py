"""``accounts.leaving``: who proves what to delete an account, and what stays of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.accounts import (
    DELETED_NAME,
    AccountDeletedError,
    Actor,
    CannotProveOwnerError,
    Moderation,
    PasswordProof,
    PhoneCodeProof,
    Role,
    User,
    anonymised,
    deletion_audit,
    moderated,
    require_proof_fits,
)
from booking_domain.shared import UserId, new_uuid7
from booking_domain.shared.errors import InvalidInputError, InvalidTransitionError
from tests.support.builders import START

emails = st.none() | st.emails()
phones = st.none() | st.from_regex(r"\+976[0-9]{8}", fullmatch=True)
hashes = st.none() | st.text(min_size=1, max_size=20)


@st.composite
def users(draw: st.DrawFn) -> User:
    phone = draw(phones)
    return User(
        UserId(new_uuid7()),
        draw(emails),
        draw(st.text(min_size=1, max_size=30)),
        draw(st.sampled_from([Role.CUSTOMER, Role.ARTIST])),
        draw(hashes),
        START,
        START,
        phone=phone,
        phone_verified=phone is not None and draw(st.booleans()),
        email_verified=draw(st.booleans()),
        locale=draw(st.sampled_from(["en", "mn"])),
    )


@given(users())
def test_a_deleted_account_keeps_only_its_id_role_and_language(user: User) -> None:
    now = START + timedelta(days=3)
    after = anonymised(user, now)
    assert (after.id, after.role, after.locale, after.created_at) == (
        user.id, user.role, user.locale, user.created_at,
    )  # fmt: skip
    assert after.name == DELETED_NAME
    assert (after.email, after.phone, after.password_hash) == (None, None, None)
    assert not (after.phone_verified or after.email_verified)
    assert after.disabled and after.deleted_at == now
    with pytest.raises(AccountDeletedError):
        anonymised(after, now)
    entry = deletion_audit(user, after, now)
    assert entry.action == "account.deleted" and entry.actor_id == user.id
    cleared = [
        name
        for name, had in (
            ("email", user.email),
            ("phone", user.phone),
            ("password", user.password_hash),
        )
        if had is not None
    ]
    assert entry.before is None  # what was cleared is named, never its value
    assert entry.after == {"name": DELETED_NAME, "cleared": cleared}


@given(users(), st.sampled_from([None, PasswordProof("x"), PhoneCodeProof("+97688112233", "1")]))
def test_a_password_account_proves_with_its_password_else_with_a_code(
    user: User, proof: PasswordProof | PhoneCodeProof | None
) -> None:
    if user.password_hash is not None:
        expected: type[Exception] | None = (
            None if isinstance(proof, PasswordProof) else (InvalidInputError)
        )
    elif not (user.phone_verified and user.phone):
        expected = CannotProveOwnerError
    else:
        expected = None if isinstance(proof, PhoneCodeProof) else InvalidInputError
    if expected is None:
        require_proof_fits(user, proof)
    else:
        with pytest.raises(expected):
            require_proof_fits(user, proof)


@given(users(), st.sampled_from(list(Moderation)))
def test_admins_do_not_moderate_a_deleted_account(user: User, action: Moderation) -> None:
    deleted = anonymised(user, START)
    admin = Actor(UserId(new_uuid7()), Role.ADMIN)
    until = START + timedelta(days=1) if action is Moderation.LOCK else None
    with pytest.raises(InvalidTransitionError):
        moderated(deleted, admin, START, action, until)
