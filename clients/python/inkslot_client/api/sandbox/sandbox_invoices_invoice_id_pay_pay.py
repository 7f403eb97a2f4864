from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.payment_method import PaymentMethod
from ...models.problem import Problem
from ...models.sandbox_payment_view import SandboxPaymentView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    invoice_id: str,
    *,
    method: PaymentMethod | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_method: str | Unset = UNSET
    if not isinstance(method, Unset):
        json_method = method.value

    params["method"] = json_method

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sandbox/invoices/{invoice_id}/pay".format(
            invoice_id=quote(str(invoice_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SandboxPaymentView | None:
    if response.status_code == 200:
        response_200 = SandboxPaymentView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SandboxPaymentView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invoice_id: str,
    *,
    client: AuthenticatedClient | Client,
    method: PaymentMethod | Unset = UNSET,
) -> Response[Problem | SandboxPaymentView]:
    """Pay a sandbox invoice (local profile only)

    Args:
        invoice_id (str):
        method (PaymentMethod | Unset): ``p2p``: a bank app transfer (refunds are manual);
            ``card``: refundable through the
                provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxPaymentView]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        method=method,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    invoice_id: str,
    *,
    client: AuthenticatedClient | Client,
    method: PaymentMethod | Unset = UNSET,
) -> Problem | SandboxPaymentView | None:
    """Pay a sandbox invoice (local profile only)

    Args:
        invoice_id (str):
        method (PaymentMethod | Unset): ``p2p``: a bank app transfer (refunds are manual);
            ``card``: refundable through the
                provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxPaymentView
    """

    return sync_detailed(
        invoice_id=invoice_id,
        client=client,
        method=method,
    ).parsed


async def asyncio_detailed(
    invoice_id: str,
    *,
    client: AuthenticatedClient | Client,
    method: PaymentMethod | Unset = UNSET,
) -> Response[Problem | SandboxPaymentView]:
    """Pay a sandbox invoice (local profile only)

    Args:
        invoice_id (str):
        method (PaymentMethod | Unset): ``p2p``: a bank app transfer (refunds are manual);
            ``card``: refundable through the
                provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SandboxPaymentView]
    """

    kwargs = _get_kwargs(
        invoice_id=invoice_id,
        method=method,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    invoice_id: str,
    *,
    client: AuthenticatedClient | Client,
    method: PaymentMethod | Unset = UNSET,
) -> Problem | SandboxPaymentView | None:
    """Pay a sandbox invoice (local profile only)

    Args:
        invoice_id (str):
        method (PaymentMethod | Unset): ``p2p``: a bank app transfer (refunds are manual);
            ``card``: refundable through the
                provider.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SandboxPaymentView
    """

    return (
        await asyncio_detailed(
            invoice_id=invoice_id,
            client=client,
            method=method,
        )
    ).parsed
