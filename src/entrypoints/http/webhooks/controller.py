"""``/api/v1/webhooks``: integrators' endpoints and their delivery logs. Artists and admins
only (the use cases decide; customers are refused); another owner's endpoint is "not
found"."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import delete, get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_202_ACCEPTED

from booking_domain.accounts import ApiKeyScope
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    ConcurrentUpdateError,
    Page,
    PageRequest,
    PermissionDeniedError,
    SecretUnreadableError,
)
from booking_domain.webhooks import (
    DeliveryId,
    DeliveryNotFoundError,
    InvalidWebhookError,
    TooManyWebhooksError,
    WebhookId,
    WebhookNotFoundError,
)
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.http.auth import takes_api_key
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.webhooks.dto import (
    DeliveryPage,
    DeliveryView,
    RegisteredWebhookView,
    WebhookChange,
    WebhookPage,
    WebhookRequest,
    WebhookView,
)
from entrypoints.http.wire import PageNumber, PageSize, given

WebhooksDep = NamedDependency[WebhookUseCases]


# Registering one: not an artist or admin, the URL or events refused, too many; a write
# that lost a race (concurrent_update, as on every change).
REGISTER_RAISES = raises_exactly(
    PermissionDeniedError, InvalidWebhookError, TooManyWebhooksError, ConcurrentUpdateError
)
# Every read of stored endpoints may meet a signing secret no key opens (503).
LIST_RAISES = raises_exactly(SecretUnreadableError)
# One endpoint (or its deliveries): not there, or not the caller's (the same 404).
READ_RAISES = raises_exactly(WebhookNotFoundError, SecretUnreadableError)
# Changing it: besides, the URL or events refused; removing it: a lost race.
UPDATE_RAISES = raises_exactly(
    WebhookNotFoundError, SecretUnreadableError, InvalidWebhookError, ConcurrentUpdateError
)
REMOVE_RAISES = raises_exactly(WebhookNotFoundError, SecretUnreadableError, ConcurrentUpdateError)
# Sending a delivery again: besides, no such delivery of it.
REDELIVER_RAISES = raises_exactly(
    WebhookNotFoundError, DeliveryNotFoundError, SecretUnreadableError, ConcurrentUpdateError
)


class WebhooksController(SignedIn, context="webhooks"):
    path = "/webhooks"
    opt = takes_api_key(ApiKeyScope.WEBHOOKS_MANAGE)  # an API key's scope, to read or change
    tags = ["webhooks"]

    @post(
        summary="Register an endpoint (its signing secret is in this answer only)",
        opt=REGISTER_RAISES,
    )
    async def register(
        self, data: JSONBody[WebhookRequest], actor: Caller, webhooks: WebhooksDep
    ) -> RegisteredWebhookView:
        endpoint = await webhooks.register_webhook(actor, data.url, data.events)
        return RegisteredWebhookView.registered(endpoint)

    @get(summary="Your endpoints (an admin: every endpoint), oldest first", opt=LIST_RAISES)
    async def list_endpoints(
        self, actor: Caller, webhooks: WebhooksDep, page: PageNumber = 1, page_size: PageSize = 20
    ) -> WebhookPage:
        endpoints = tuple(await webhooks.list_webhooks(actor))
        return WebhookPage.of(
            Page.of_whole(endpoints, PageRequest(page, page_size)), WebhookView.of
        )

    @get("/{webhook_id:uuid}", summary="One endpoint", opt=READ_RAISES)
    async def read(
        self, webhook_id: FromPath[UUID], actor: Caller, webhooks: WebhooksDep
    ) -> WebhookView:
        return WebhookView.of(await webhooks.get_webhook(actor, WebhookId(webhook_id)))

    @patch(
        "/{webhook_id:uuid}", summary="Change the URL, the events, or pause it", opt=UPDATE_RAISES
    )
    async def update(
        self,
        webhook_id: FromPath[UUID],
        data: JSONBody[WebhookChange],
        actor: Caller,
        webhooks: WebhooksDep,
    ) -> WebhookView:
        return WebhookView.of(
            await webhooks.update_webhook(
                actor,
                WebhookId(webhook_id),
                url=given(data.url),
                events=given(data.events),
                active=given(data.active),
            )
        )

    @delete(
        "/{webhook_id:uuid}", summary="Remove an endpoint and its delivery log", opt=REMOVE_RAISES
    )
    async def remove(
        self, webhook_id: FromPath[UUID], actor: Caller, webhooks: WebhooksDep
    ) -> None:
        await webhooks.delete_webhook(actor, WebhookId(webhook_id))

    @get(
        "/{webhook_id:uuid}/deliveries",
        summary="An endpoint's deliveries, newest first",
        opt=READ_RAISES,
    )
    async def deliveries(
        self,
        webhook_id: FromPath[UUID],
        actor: Caller,
        webhooks: WebhooksDep,
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> DeliveryPage:
        found = await webhooks.list_deliveries(
            actor, WebhookId(webhook_id), PageRequest(page, page_size)
        )
        return DeliveryPage.of(found, DeliveryView.of)

    @post(
        "/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/redeliver",
        status_code=HTTP_202_ACCEPTED,
        summary="Send one delivery again",
        opt=REDELIVER_RAISES,
    )
    async def redeliver(
        self,
        webhook_id: FromPath[UUID],
        delivery_id: FromPath[UUID],
        actor: Caller,
        webhooks: WebhooksDep,
    ) -> DeliveryView:
        again = await webhooks.redeliver(actor, WebhookId(webhook_id), DeliveryId(delivery_id))
        return DeliveryView.of(again)
