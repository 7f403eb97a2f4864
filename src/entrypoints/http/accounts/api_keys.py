"""API keys over HTTP: ``/api/v1/me/api-keys``, an artist's or an admin's keys for their
integrations (docs/api.md, "API keys"). Signed in with an access token only: a key never
makes, lists or revokes keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from litestar import delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_204_NO_CONTENT
from msgspec import Meta

from booking_domain.accounts import (
    ApiKey,
    ApiKeyId,
    ApiKeyNotFoundError,
    ApiKeysNotForCustomersError,
    TooManyApiKeysError,
)
from booking_domain.accounts.use_cases import AccountUseCases, MadeApiKey
from booking_domain.shared import Clock, InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.wire import Dto, View

AccountsDep = NamedDependency[AccountUseCases]
ClockDep = NamedDependency[Clock]  # the served core's clock: a key's status is read at its now
Scope = Literal["bookings:read", "bookings:manage", "availability:manage", "webhooks:manage"]

# Making one: the name, scopes or expiry refused (an expiry without an offset or out of
# range by the kernel), a customer asking, the account's live keys at their bound. Listing:
# nothing. Revoking: another's key (for anyone but an admin) or an unknown one.
CREATE_RAISES = raises_exactly(
    InvalidInputError, NaiveDatetimeError, TimeOutOfRangeError,
    ApiKeysNotForCustomersError, TooManyApiKeysError,
)  # fmt: skip
LIST_RAISES = raises_exactly()
REVOKE_RAISES = raises_exactly(ApiKeyNotFoundError)


class CreateApiKeyRequest(Dto, frozen=True):
    name: Annotated[str, Meta(max_length=200, description="What the key is for: 1-80 characters")]
    scopes: Annotated[list[Scope], Meta(min_length=1, max_length=8)]
    expires_at: datetime  # with an offset; from one hour to two years ahead


class ApiKeyView(View, frozen=True):
    """A key as its lists show it: never its secret, only its first characters."""

    id: UUID
    name: str
    prefix: str  # "isk_" and the secret's next eight characters
    scopes: list[str]
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None  # to the minute; None: never used
    revoked_at: datetime | None
    status: Literal["live", "expired", "revoked"]

    @classmethod
    def of(cls, key: ApiKey, now: datetime) -> ApiKeyView:
        status: Literal["live", "expired", "revoked"] = (
            "revoked" if key.revoked_at is not None else "live" if key.is_live(now) else "expired"
        )
        return cls(
            id=key.id,
            name=key.name,
            prefix=key.prefix,
            scopes=sorted(scope.value for scope in key.scopes),
            created_at=key.created_at,
            expires_at=key.expires_at,
            last_used_at=key.last_used_at,
            revoked_at=key.revoked_at,
            status=status,
        )


class MadeApiKeyView(View, frozen=True):
    """A new key with its secret: shown this once, never again."""

    key: ApiKeyView
    secret: str  # "isk_..." sent as "Authorization: Bearer isk_..."

    @classmethod
    def of(cls, made: MadeApiKey) -> MadeApiKeyView:
        return cls(key=ApiKeyView.of(made.key, made.key.created_at), secret=made.secret)


class ApiKeyList(View, frozen=True):
    items: list[ApiKeyView]


class ApiKeysController(SignedIn, context="accounts"):
    path = "/me/api-keys"
    tags = ["account"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Make an API key for an integration (artists, admins); its secret shown once",
        opt=CREATE_RAISES,
    )
    async def create(
        self, data: JSONBody[CreateApiKeyRequest], actor: Caller, accounts: AccountsDep
    ) -> MadeApiKeyView:
        made = await accounts.create_api_key(
            actor, name=data.name, scopes=list(data.scopes), expires_at=data.expires_at
        )
        return MadeApiKeyView.of(made)

    @get(summary="Your API keys: live, expired and revoked, the newest first", opt=LIST_RAISES)
    async def list_keys(self, actor: Caller, accounts: AccountsDep, clock: ClockDep) -> ApiKeyList:
        keys, now = await accounts.list_api_keys(actor), clock.now()
        return ApiKeyList([ApiKeyView.of(key, now) for key in keys])

    @delete(
        "/{key_id:uuid}",
        status_code=HTTP_204_NO_CONTENT,
        summary="Revoke an API key: refused from the next request on",
        opt=REVOKE_RAISES,
    )
    async def revoke(self, key_id: FromPath[UUID], actor: Caller, accounts: AccountsDep) -> None:
        """Yours, or anyone's for an admin; revoking a revoked key changes nothing. Another
        user's key or an unknown one: 404 ``api_key_not_found``."""
        await accounts.revoke_api_key(actor, ApiKeyId(key_id))
