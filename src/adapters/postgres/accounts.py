"""PostgreSQL users, refresh tokens and failed sign-ins."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Text,
    and_,
    bindparam,
    delete,
    func,
    literal_column,
    not_,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, compile_sql, count_of, like_anywhere
from adapters.postgres.tables.accounts import refresh_tokens, sign_in_attempts, users
from booking_domain.accounts import (
    RefreshToken,
    RefreshTokenId,
    Role,
    SessionFamilyId,
    SignInAttempts,
    User,
    UserNotFoundError,
)
from booking_domain.accounts.ports import (
    RefreshTokenRepository,
    SignInAttemptsRepository,
    UserFilter,
    UserRepository,
)
from booking_domain.shared import Page, PageRequest, UserId

Row = Mapping[str, Any]

_INSERT_USER = Statement(lambda: users.insert())
_USER_BY_ID = Statement(lambda: select(users).where(users.c.id == bindparam("id")))
_USER_BY_EMAIL = Statement(lambda: select(users).where(users.c.email == bindparam("email")))
_UPDATE_USER = Statement(
    lambda: (
        update(users)
        .where(users.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in users.c if c.name not in ("id", "created_at")})
    )
)
_COUNT_USERS = Statement(lambda: select(func.count().label("total")).select_from(users))


def _user_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role.value,
        "password_hash": user.password_hash,
        "phone": user.phone,
        "locale": user.locale,
        "locked_until": user.locked_until,
        "disabled": user.disabled,
        "created_at": user.created_at,
        "updated_at": user.updated_at,
    }


def _user(row: Row) -> User:
    return User(
        id=UserId(row["id"]),
        email=row["email"],
        name=row["name"],
        role=Role(row["role"]),
        password_hash=row["password_hash"],
        phone=row["phone"],
        locale=row["locale"],
        locked_until=row["locked_until"],
        disabled=row["disabled"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class PostgresUserRepository(OnConnection, UserRepository):
    async def add(self, user: User) -> None:
        await self._conn.execute(_INSERT_USER.text, _user_row(user))

    async def get(self, user_id: UserId) -> User | None:
        row = await (await self._conn.execute(_USER_BY_ID.text, {"id": user_id})).fetchone()
        return _user(row) if row is not None else None

    async def get_by_email(self, email: str) -> User | None:
        row = await (await self._conn.execute(_USER_BY_EMAIL.text, {"email": email})).fetchone()
        return _user(row) if row is not None else None

    async def update(self, user: User) -> None:
        cursor = await self._conn.execute(_UPDATE_USER.text, _user_row(user))
        if cursor.rowcount == 0:
            raise UserNotFoundError()

    async def count(self) -> int:
        row = await (await self._conn.execute(_COUNT_USERS.text)).fetchone()
        return count_of(row)

    async def list(self, request: PageRequest, where: UserFilter | None = None) -> Page[User]:
        conditions, params = _user_conditions(where or UserFilter())
        params.update(limit=request.page_size, offset=request.offset)
        count_sql = compile_sql(
            select(func.count().label("total")).select_from(users).where(*conditions)
        )
        page_sql = compile_sql(
            select(users)
            .where(*conditions)
            .order_by(users.c.created_at, users.c.id)
            .limit(bindparam("limit"))
            .offset(bindparam("offset"))
        )
        total_row = await (await self._conn.execute(count_sql, params)).fetchone()
        rows = await (await self._conn.execute(page_sql, params)).fetchall()
        return Page(tuple(_user(r) for r in rows), count_of(total_row), request)


# The folded name and email, as migration 0019's trigram index has them (inkslot_fold is
# search's folding, migration 0017: transliterated, unaccented, lower case).
_FOLDED = literal_column("inkslot_fold(users.name || ' ' || users.email)", type_=Text)


def _user_conditions(where: UserFilter) -> tuple[list[Any], dict[str, Any]]:
    conditions: list[Any] = []
    params: dict[str, Any] = {}
    if where.role is not None:
        conditions.append(users.c.role == bindparam("role"))
        params["role"] = where.role.value
    if where.restricted is not None:
        locked = and_(users.c.locked_until.is_not(None), users.c.locked_until > bindparam("now"))
        restricted = or_(users.c.disabled, locked)  # never NULL, so NOT is its complement
        conditions.append(restricted if where.restricted else not_(restricted))
        params["now"] = where.now
    if where.text:
        # Folded like the column (LIKE's escapes survive folding: it keeps punctuation).
        conditions.append(_FOLDED.like(func.inkslot_fold(bindparam("text", type_=Text))))
        params["text"] = like_anywhere(where.text)
    return conditions, params


_INSERT_TOKEN = Statement(lambda: refresh_tokens.insert())
_TOKEN_BY_HASH_FOR_UPDATE = Statement(
    lambda: (
        select(refresh_tokens)
        .where(refresh_tokens.c.token_hash == bindparam("token_hash"))
        .with_for_update()
    )
)
_UPDATE_TOKEN = Statement(
    lambda: (
        update(refresh_tokens)
        .where(refresh_tokens.c.id == bindparam("id"))
        .values(
            {
                c.name: bindparam(c.name)
                for c in refresh_tokens.c
                if c.name not in ("id", "created_at")
            }
        )
    )
)
_REVOKE_FAMILY = Statement(
    lambda: (
        update(refresh_tokens)
        .where(
            refresh_tokens.c.family_id == bindparam("family_id"),
            refresh_tokens.c.revoked_at.is_(None),
        )
        .values(revoked_at=bindparam("now"), updated_at=bindparam("now"))
    )
)
_REVOKE_USER_SESSIONS = Statement(
    lambda: (
        update(refresh_tokens)
        .where(
            refresh_tokens.c.user_id == bindparam("user_id"),
            refresh_tokens.c.revoked_at.is_(None),
            # IS DISTINCT FROM: with no family to keep (NULL), every family matches.
            refresh_tokens.c.family_id.is_distinct_from(
                bindparam("keep", type_=refresh_tokens.c.family_id.type)
            ),
        )
        .values(revoked_at=bindparam("now"), updated_at=bindparam("now"))
    )
)


def _token_row(token: RefreshToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "family_id": token.family_id,
        "user_id": token.user_id,
        "token_hash": token.token_hash,
        "created_at": token.issued_at,
        "updated_at": token.revoked_at or token.spent_at or token.issued_at,
        "expires_at": token.expires_at,
        "spent_at": token.spent_at,
        "replaced_by": token.replaced_by,
        "revoked_at": token.revoked_at,
    }


def _token(row: Row) -> RefreshToken:
    return RefreshToken(
        id=RefreshTokenId(row["id"]),
        family_id=SessionFamilyId(row["family_id"]),
        user_id=UserId(row["user_id"]),
        token_hash=row["token_hash"],
        issued_at=row["created_at"],
        expires_at=row["expires_at"],
        spent_at=row["spent_at"],
        replaced_by=RefreshTokenId(row["replaced_by"]) if row["replaced_by"] else None,
        revoked_at=row["revoked_at"],
    )


class PostgresRefreshTokenRepository(OnConnection, RefreshTokenRepository):
    async def add(self, token: RefreshToken) -> None:
        await self._conn.execute(_INSERT_TOKEN.text, _token_row(token))

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        cursor = await self._conn.execute(
            _TOKEN_BY_HASH_FOR_UPDATE.text, {"token_hash": token_hash}
        )
        row = await cursor.fetchone()
        return _token(row) if row is not None else None

    async def update(self, token: RefreshToken) -> None:
        await self._conn.execute(_UPDATE_TOKEN.text, _token_row(token))

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        cursor = await self._conn.execute(_REVOKE_FAMILY.text, {"family_id": family_id, "now": now})
        return cursor.rowcount

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        cursor = await self._conn.execute(
            _REVOKE_USER_SESSIONS.text, {"user_id": user_id, "keep": keep, "now": now}
        )
        return cursor.rowcount


_A = sign_in_attempts.c
_ATTEMPTS = Statement(lambda: select(sign_in_attempts).where(_A.key == bindparam("key")))


def _build_lock() -> Any:
    # An upsert that changes nothing: it creates the pair's row if missing, and either way
    # returns it holding its lock until the transaction ends (one round trip).
    statement = pg_insert(sign_in_attempts).values(
        key=bindparam("key"), created_at=bindparam("now"), updated_at=bindparam("now")
    )
    return statement.on_conflict_do_update(
        index_elements=[_A.key], set_={"key": statement.excluded.key}
    ).returning(sign_in_attempts)


_LOCK_ATTEMPTS = Statement(_build_lock)
_SAVE_ATTEMPTS = Statement(
    lambda: (
        update(sign_in_attempts)
        .where(_A.key == bindparam("key"))
        .values(
            failures=bindparam("failures"),
            locked_until=bindparam("locked_until"),
            updated_at=bindparam("updated_at"),
        )
    )
)
_CLEAR_ATTEMPTS = Statement(lambda: delete(sign_in_attempts).where(_A.key == bindparam("key")))


def _attempts(row: Row) -> SignInAttempts:
    return SignInAttempts(row["key"], row["updated_at"], row["failures"], row["locked_until"])


class PostgresSignInAttemptsRepository(OnConnection, SignInAttemptsRepository):
    async def get(self, key: str) -> SignInAttempts | None:
        row = await (await self._conn.execute(_ATTEMPTS.text, {"key": key})).fetchone()
        return _attempts(row) if row is not None else None

    async def lock(self, key: str, now: datetime) -> SignInAttempts:
        cursor = await self._conn.execute(_LOCK_ATTEMPTS.text, {"key": key, "now": now})
        row = await cursor.fetchone()
        if row is None:  # pragma: no cover - the upsert always returns its row
            raise RuntimeError("the sign-in attempts upsert returned nothing")
        return _attempts(row)

    async def save(self, attempts: SignInAttempts) -> None:
        params = {
            "key": attempts.key,
            "failures": attempts.failures,
            "locked_until": attempts.locked_until,
            "updated_at": attempts.updated_at,
        }
        await self._conn.execute(_SAVE_ATTEMPTS.text, params)

    async def clear(self, key: str) -> None:
        await self._conn.execute(_CLEAR_ATTEMPTS.text, {"key": key})
