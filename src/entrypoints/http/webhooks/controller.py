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

from booking_domain.shared import MAX_PAGE, MAX_PAGE_SIZE, Page, PageRequest
from booking_domain.webhooks import DeliveryId, WebhookId
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import SignedIn
from entrypoints.http.problem_docs import CHANGES
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


class WebhooksController(SignedIn, context="webhooks", raises=CHANGES):
    path = "/webhooks"
    tags = ["webhooks"]

    @post(summary="Register an endpoint (its signing secret is in this answer only)")
    async def register(
        self, data: JSONBody[WebhookRequest], actor: Caller, webhooks: WebhooksDep
    ) -> RegisteredWebhookView:
        endpoint = await webhooks.register_webhook(actor, data.url, data.events)
        return RegisteredWebhookView.registered(endpoint)

    @get(summary="Your endpoints (an admin: every endpoint), oldest first")
    async def list_endpoints(
        self, actor: Caller, webhooks: WebhooksDep, page: PageNumber = 1, page_size: PageSize = 20
    ) -> WebhookPage:
        endpoints = tuple(await webhooks.list_webhooks(actor))
        return WebhookPage.of(
            Page.of_whole(endpoints, PageRequest(page, page_size)), WebhookView.of
        )

    @get("/{webhook_id:uuid}", summary="One endpoint")
    async def read(
        self, webhook_id: FromPath[UUID], actor: Caller, webhooks: WebhooksDep
    ) -> WebhookView:
        return WebhookView.of(await webhooks.get_webhook(actor, WebhookId(webhook_id)))

    @patch("/{webhook_id:uuid}", summary="Change the URL, the events, or pause it")
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

    @delete("/{webhook_id:uuid}", summary="Remove an endpoint and its delivery log")
    async def remove(
        self, webhook_id: FromPath[UUID], actor: Caller, webhooks: WebhooksDep
    ) -> None:
        await webhooks.delete_webhook(actor, WebhookId(webhook_id))

    @get("/{webhook_id:uuid}/deliveries", summary="An endpoint's deliveries, newest first")
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
