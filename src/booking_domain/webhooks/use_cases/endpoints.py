"""Managing endpoints: artists register their own, admins any number of their own that hear
everything; each owner (and any admin) sees and changes only what they may."""

from __future__ import annotations

from collections.abc import Sequence

from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.use_case import UseCase
from booking_domain.webhooks.endpoints import MAX_ENDPOINTS_PER_OWNER, WebhookEndpoint, WebhookId
from booking_domain.webhooks.errors import TooManyWebhooksError, WebhookNotFoundError
from booking_domain.webhooks.ports import WebhooksUnitOfWork
from booking_domain.webhooks.targets import check_endpoint_url, refused_url
from booking_domain.webhooks.use_cases.deps import WebhooksDeps


async def visible_endpoint(
    uow: WebhooksUnitOfWork, actor: Actor, webhook_id: WebhookId
) -> WebhookEndpoint:
    """The endpoint when ``actor`` may see it; anyone else is told it does not exist."""
    endpoint = await uow.webhooks.get(webhook_id)
    if endpoint is None or not endpoint.visible_to(actor):
        raise WebhookNotFoundError()
    return endpoint


async def sendable_url(deps: WebhooksDeps, url: str) -> str:
    """``url`` when it passes the rule (``targets.py``) and the sender can deliver to it:
    an endpoint that registers is one deliveries can reach."""
    checked = check_endpoint_url(url, allow_private=deps.allow_private_targets)
    reason = await deps.webhook_sender.refusal(checked)
    if reason is not None:
        raise refused_url(reason)
    return checked


class RegisterWebhook(UseCase[WebhooksDeps]):
    """An artist or admin registers an endpoint; the result carries its signing secret,
    the only time it is shown."""

    async def __call__(self, actor: Actor, url: str, events: Sequence[str]) -> WebhookEndpoint:
        if actor.role not in (Role.ARTIST, Role.ADMIN):
            raise PermissionDeniedError("Only artists and admins register webhooks.")
        checked = await sendable_url(self._deps, url)
        async with self._deps.uow() as uow:
            if await uow.webhooks.count_for_owner(actor.user_id) >= MAX_ENDPOINTS_PER_OWNER:
                raise TooManyWebhooksError()
            # Between dispatch batches: an event occurring from now on is dispatched by a
            # batch that sees this endpoint (the endpoint hears events not older than it).
            await uow.dispatch_cursor.hold()
            endpoint = WebhookEndpoint.register(actor, checked, events, self._deps.clock.now())
            await uow.webhooks.add(endpoint)
            await uow.commit()
        return endpoint


class ListWebhooks(UseCase[WebhooksDeps]):
    """The caller's endpoints; an admin's list is every endpoint."""

    async def __call__(self, actor: Actor) -> Sequence[WebhookEndpoint]:
        async with self._deps.uow(read_only=True) as uow:
            return await uow.webhooks.list(None if actor.is_admin else actor.user_id)


class GetWebhook(UseCase[WebhooksDeps]):
    async def __call__(self, actor: Actor, webhook_id: WebhookId) -> WebhookEndpoint:
        async with self._deps.uow(read_only=True) as uow:
            return await visible_endpoint(uow, actor, webhook_id)


class UpdateWebhook(UseCase[WebhooksDeps]):
    """Change the URL, the events or whether it is active (a disabled endpoint gets no new
    deliveries and its pending ones are skipped)."""

    async def __call__(
        self,
        actor: Actor,
        webhook_id: WebhookId,
        *,
        url: str | None = None,
        events: Sequence[str] | None = None,
        active: bool | None = None,
    ) -> WebhookEndpoint:
        if url is not None:
            url = await sendable_url(self._deps, url)
        async with self._deps.uow() as uow:
            endpoint = await visible_endpoint(uow, actor, webhook_id)
            changed = endpoint.changed(
                self._deps.clock.now(), url=url, events=events, active=active
            )
            await uow.webhooks.update(changed)
            await uow.commit()
        return changed


class DeleteWebhook(UseCase[WebhooksDeps]):
    """Remove an endpoint and its delivery log; its queued deliveries are skipped."""

    async def __call__(self, actor: Actor, webhook_id: WebhookId) -> None:
        async with self._deps.uow() as uow:
            await visible_endpoint(uow, actor, webhook_id)
            await uow.webhooks.remove(webhook_id)
            await uow.commit()
