"""What webhooks need from the outside world: storage of endpoints and deliveries, a queue
that runs deliveries in order, and a sender that signs and posts them.

Every adapter passes the contract suite in ``tests/contract/webhooks``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import JsonValue
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory
from booking_domain.webhooks.deliveries import AttemptOutcome, Delivery, DeliveryId
from booking_domain.webhooks.endpoints import WebhookEndpoint, WebhookId
from booking_domain.webhooks.rounds import DeliveryRound


class WebhookRepository(Protocol):
    async def add(self, endpoint: WebhookEndpoint) -> None: ...

    async def get(self, webhook_id: WebhookId) -> WebhookEndpoint | None: ...

    async def update(self, endpoint: WebhookEndpoint) -> None: ...

    async def remove(self, webhook_id: WebhookId) -> None:
        """Removes the endpoint and its deliveries."""
        ...

    async def list(self, owner_id: UserId | None) -> Sequence[WebhookEndpoint]:
        """The owner's endpoints (every endpoint when None), oldest first."""
        ...

    async def count_for_owner(self, owner_id: UserId) -> int: ...

    async def active(self) -> Sequence[WebhookEndpoint]:
        """Every active endpoint (what dispatch matches events against)."""
        ...

    async def with_delivery(
        self, delivery_id: DeliveryId
    ) -> tuple[WebhookEndpoint, Delivery] | None:
        """A delivery with the endpoint it goes to, in one read (None: no such delivery; an
        endpoint's deliveries go with it)."""
        ...

    async def round_of(
        self, endpoint_id: WebhookId, delivery_ids: Sequence[DeliveryId]
    ) -> DeliveryRound | None:
        """The endpoint with those of these deliveries (of that endpoint) still pending, in
        the order given, in one read. None when none of them is pending any more (or the
        endpoint is gone, and they with it)."""
        ...


class DeliveryRepository(Protocol):
    async def add_many(self, deliveries: Sequence[Delivery]) -> None: ...

    async def get(self, delivery_id: DeliveryId) -> Delivery | None: ...

    async def update(self, delivery: Delivery) -> None: ...

    async def replace_if_unchanged(
        self, changes: Sequence[tuple[Delivery, Delivery]]
    ) -> frozenset[DeliveryId]:
        """For each ``(seen, changed)``, write ``changed`` (its status, attempts, last
        outcome and times) only if the stored delivery is still pending as ``seen`` left it
        (the same attempts and ``updated_at``); answers the ids written. One not written was
        recorded by another run meanwhile, redelivered by its owner, or is gone. One write,
        checked and made at once: it needs no lock held from an earlier read, nor a
        transaction of its own."""
        ...

    async def page(self, webhook_id: WebhookId, request: PageRequest) -> Page[Delivery]:
        """An endpoint's deliveries, newest first."""
        ...


@dataclass(frozen=True, slots=True)
class DispatchPosition:
    after: str | None  # the feed cursor of the last event dispatched; None: none yet


class DispatchCursor(Protocol):
    async def claim(self) -> DispatchPosition | None:
        """Lock the dispatch position for this unit of work and return it, or None when
        another dispatcher holds it now (one dispatcher at a time, across processes)."""
        ...

    async def hold(self) -> None:
        """Wait for the dispatch turn and keep it until this unit of work ends: no dispatch
        batch runs meanwhile. Registering an endpoint holds it, so that every batch either
        ended before the endpoint existed or sees it."""
        ...

    async def advance(self, cursor: str) -> None:
        """Move the position forward to ``cursor`` (raises ``ConflictError`` rather than
        move it back: the unit of work is then rolled back, its deliveries with it)."""
        ...


class DeliveryQueue(Protocol):
    """Jobs queued in the unit of work (gone with a rollback)."""

    async def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        """A job per delivery, run no sooner than the delivery's ``wait`` from now; jobs with
        one ``order_key`` run one at a time, in the order queued, retries included (a job
        waiting for its moment holds the later ones back)."""
        ...

    async def held_back(self, order_keys: Collection[str]) -> frozenset[str]:
        """Which of these order keys (``Delivery.order_key``) have a delivery's job queued (due
        now or at its moment) or running: a later delivery of such a key queues behind it."""
        ...

    async def enqueue_rounds(self, deliveries: Sequence[Delivery]) -> None:
        """A round's job per endpoint for these new deliveries (``DeliverWebhookRound``),
        each with its deliveries in the order given; one endpoint's rounds run one at a
        time, in the order queued."""
        ...


class HasWebhooks(Protocol):
    @property
    def webhooks(self) -> WebhookRepository: ...

    @property
    def deliveries(self) -> DeliveryRepository: ...

    @property
    def dispatch_cursor(self) -> DispatchCursor: ...

    @property
    def delivery_queue(self) -> DeliveryQueue: ...


class WebhooksUnitOfWork(UnitOfWork, HasWebhooks, Protocol):
    """What webhook use cases open."""


class WebhooksUnitOfWorkFactory(UnitOfWorkFactory[WebhooksUnitOfWork], Protocol):
    def __call__(
        self, *, read_only: bool = False, may_lag: bool = False, autocommit: bool = False
    ) -> WebhooksUnitOfWork:
        """A new unit of work (``UnitOfWorkFactory``); ``autocommit=True`` runs each write
        on its own, durable when it returns: only for a change that is one write (attempts'
        records, ``DeliveryRepository.replace_if_unchanged``, with no job to queue)."""
        ...


class WebhookSender(Protocol):
    async def refusal(self, url: str) -> str | None:
        """Why this sender could not deliver to ``url``, by its own reading of it (its URL
        parser, and outside local use the addresses the host resolves to now), or None. The
        same reading decides at each delivery; a host that does not resolve (yet) is no
        refusal here."""
        ...

    async def send(
        self, url: str, *, secret: str, message_id: str, body: Mapping[str, JsonValue]
    ) -> AttemptOutcome:
        """POST ``body`` as JSON to ``url``, signed per Standard Webhooks with ``secret``
        (``webhook-id`` = ``message_id``). Never raises for the target's failures: a URL it
        cannot read or a refused address (permanent), a timeout or a non-2xx answer is an
        outcome."""
        ...
