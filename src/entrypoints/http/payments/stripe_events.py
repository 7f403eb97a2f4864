"""Stripe's webhooks: ``POST /api/v1/payments/stripe/events``, the endpoint a deployment
registers in Stripe's dashboard (docs/payments.md, "Stripe").

The event is read from the raw body as it came (the signature covers its bytes), verified
by the ``Stripe-Signature`` header; a verified one is answered 204 whether it was new, a
repeat, or about nothing of ours (Stripe retries anything else), a refused one 422 and
nothing is read or kept.
"""

from __future__ import annotations

from typing import Annotated, Any

from litestar import post
from litestar.di import NamedDependency
from litestar.params import Body, HeaderParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from booking_domain.payments import GatewayEventRefusedError
from booking_domain.payments.use_cases import PaymentUseCases
from entrypoints.http.caller import AnyRequest
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import raises_exactly

PaymentsDep = NamedDependency[PaymentUseCases]
StripeSignature = Annotated[
    str,
    HeaderParameter(
        name="Stripe-Signature",
        description="t=<unix time>,v1=<HMAC-SHA256 of '<t>.<body>' with the endpoint's secret>",
    ),
]
EventBody = Annotated[
    dict[str, Any],
    Body(description="A Stripe event (id, type, created, data.object), as Stripe sends it"),
]
EVENT_RAISES = raises_exactly(GatewayEventRefusedError)


class StripeEventsController(Public, context="payments"):
    path = "/payments/stripe/events"
    tags = ["payments"]

    @post(
        status_code=HTTP_204_NO_CONTENT,
        summary="Stripe's webhook events (for Stripe only)",
        opt=EVENT_RAISES,
    )
    async def event(
        self,
        request: AnyRequest,
        data: EventBody,
        payments: PaymentsDep,
        signature: StripeSignature = "",
    ) -> None:
        """``data`` documents the body; the event is read from the body as it came."""
        del data
        await payments.handle_gateway_event(await request.body(), signature)
