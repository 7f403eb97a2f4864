"""PostgreSQL users and refresh tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, true, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection

from adapters.postgres.tables import refresh_tokens, users
from booking_domain.accounts import Role, User
from booking_domain.errors import UserNotFoundError
from booking_domain.ids import UserId
from booking_domain.pages import Page, PageRequest
from booking_domain.sessions import RefreshToken, RefreshTokenId, SessionFamilyId


def _user_row(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role.value,
        "password_hash": user.password_hash,
        "phone": user.phone,
        "failed_login_count": user.failed_login_count,
        "locked_until": user.locked_until,
        "disabled": user.disabled,
        "created_at": user.created_at,
        "updated_at": user.updated_at,
    }


def _user(row: RowMapping) -> User:
    return User(
        id=UserId(row["id"]),
        email=row["email"],
        name=row["name"],
        role=Role(row["role"]),
        password_hash=row["password_hash"],
        phone=row["phone"],
        failed_login_count=row["failed_login_count"],
        locked_until=row["locked_until"],
        disabled=row["disabled"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class PostgresUserRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._conn = connection

    async def add(self, user: User) -> None:
        await self._conn.execute(users.insert().values(_user_row(user)))

    async def get(self, user_id: UserId) -> User | None:
        result = await self._conn.execute(select(users).where(users.c.id == user_id))
        row = result.mappings().first()
        return _user(row) if row is not None else None

    async def get_by_email(self, email: str) -> User | None:
        result = await self._conn.execute(select(users).where(users.c.email == email))
        row = result.mappings().first()
        return _user(row) if row is not None else None

    async def update(self, user: User) -> None:
        values = _user_row(user)
        del values["id"], values["created_at"]
        result = await self._conn.execute(update(users).where(users.c.id == user.id).values(values))
        if result.rowcount == 0:
            raise UserNotFoundError()

    async def count(self) -> int:
        return int((await self._conn.execute(select(func.count()).select_from(users))).scalar_one())

    async def list(self, request: PageRequest, *, role: Role | None = None) -> Page[User]:
        condition = users.c.role == role.value if role is not None else true()
        total = (
            await self._conn.execute(select(func.count()).select_from(users).where(condition))
        ).scalar_one()
        rows = await self._conn.execute(
            select(users)
            .where(condition)
            .order_by(users.c.created_at, users.c.id)
            .offset(request.offset)
            .limit(request.page_size)
        )
        return Page(tuple(_user(r) for r in rows.mappings()), int(total), request)


def _token_row(token: RefreshToken) -> dict[str, Any]:
    return {
        "id": token.id,
        "family_id": token.family_id,
        "user_id": token.user_id,
        "token_hash": token.token_hash,
        "created_at": token.issued_at,
        "updated_at": token.issued_at,
        "expires_at": token.expires_at,
        "spent_at": token.spent_at,
        "replaced_by": token.replaced_by,
        "revoked_at": token.revoked_at,
    }


def _token(row: RowMapping) -> RefreshToken:
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


class PostgresRefreshTokenRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._conn = connection

    async def add(self, token: RefreshToken) -> None:
        await self._conn.execute(refresh_tokens.insert().values(_token_row(token)))

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        query = (
            select(refresh_tokens)
            .where(refresh_tokens.c.token_hash == token_hash)
            .with_for_update()
        )
        row = (await self._conn.execute(query)).mappings().first()
        return _token(row) if row is not None else None

    async def update(self, token: RefreshToken) -> None:
        values = _token_row(token)
        del values["id"], values["created_at"]
        values["updated_at"] = token.revoked_at or token.spent_at or token.issued_at
        await self._conn.execute(
            update(refresh_tokens).where(refresh_tokens.c.id == token.id).values(values)
        )

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        return await self._revoke(refresh_tokens.c.family_id == family_id, now)

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        condition = refresh_tokens.c.user_id == user_id
        if keep is not None:
            condition = condition & (refresh_tokens.c.family_id != keep)
        return await self._revoke(condition, now)

    async def _revoke(self, condition: Any, now: datetime) -> int:
        result = await self._conn.execute(
            update(refresh_tokens)
            .where(condition, refresh_tokens.c.revoked_at.is_(None))
            .values(revoked_at=now, updated_at=now)
        )
        return int(result.rowcount)
