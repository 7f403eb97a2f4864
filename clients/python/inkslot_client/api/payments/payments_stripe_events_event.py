from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payments_stripe_events_event_body import PaymentsStripeEventsEventBody
from ...models.problem import Problem
from ...types import Response, Unset


def _get_kwargs(
    *,
    body: PaymentsStripeEventsEventBody,
    stripe_signature: str | Unset = "",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(stripe_signature, Unset):
        headers["Stripe-Signature"] = stripe_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/payments/stripe/events",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentsStripeEventsEventBody,
    stripe_signature: str | Unset = "",
) -> Response[Any | Problem]:
    """Stripe's webhook events (for Stripe only)

    Args:
        stripe_signature (str | Unset): t=<unix time>,v1=<HMAC-SHA256 of '<t>.<body>' with the
            endpoint's secret> Default: ''.
        body (PaymentsStripeEventsEventBody): A Stripe event (id, type, created, data.object), as
            Stripe sends it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentsStripeEventsEventBody,
    stripe_signature: str | Unset = "",
) -> Any | Problem | None:
    """Stripe's webhook events (for Stripe only)

    Args:
        stripe_signature (str | Unset): t=<unix time>,v1=<HMAC-SHA256 of '<t>.<body>' with the
            endpoint's secret> Default: ''.
        body (PaymentsStripeEventsEventBody): A Stripe event (id, type, created, data.object), as
            Stripe sends it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        stripe_signature=stripe_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentsStripeEventsEventBody,
    stripe_signature: str | Unset = "",
) -> Response[Any | Problem]:
    """Stripe's webhook events (for Stripe only)

    Args:
        stripe_signature (str | Unset): t=<unix time>,v1=<HMAC-SHA256 of '<t>.<body>' with the
            endpoint's secret> Default: ''.
        body (PaymentsStripeEventsEventBody): A Stripe event (id, type, created, data.object), as
            Stripe sends it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        stripe_signature=stripe_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PaymentsStripeEventsEventBody,
    stripe_signature: str | Unset = "",
) -> Any | Problem | None:
    """Stripe's webhook events (for Stripe only)

    Args:
        stripe_signature (str | Unset): t=<unix time>,v1=<HMAC-SHA256 of '<t>.<body>' with the
            endpoint's secret> Default: ''.
        body (PaymentsStripeEventsEventBody): A Stripe event (id, type, created, data.object), as
            Stripe sends it

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            stripe_signature=stripe_signature,
        )
    ).parsed
