from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    number: str,
    *,
    t: str | Unset = "",
    qpay_payment_id: str | Unset = "",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["t"] = t

    params["qpay_payment_id"] = qpay_payment_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/payments/callback/{number}".format(
            number=quote(str(number), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    t: str | Unset = "",
    qpay_payment_id: str | Unset = "",
) -> Response[Problem | str]:
    """QPay's payment callback (for QPay only)

    Args:
        number (str):
        t (str | Unset):  Default: ''.
        qpay_payment_id (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        number=number,
        t=t,
        qpay_payment_id=qpay_payment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    t: str | Unset = "",
    qpay_payment_id: str | Unset = "",
) -> Problem | str | None:
    """QPay's payment callback (for QPay only)

    Args:
        number (str):
        t (str | Unset):  Default: ''.
        qpay_payment_id (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        number=number,
        client=client,
        t=t,
        qpay_payment_id=qpay_payment_id,
    ).parsed


async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    t: str | Unset = "",
    qpay_payment_id: str | Unset = "",
) -> Response[Problem | str]:
    """QPay's payment callback (for QPay only)

    Args:
        number (str):
        t (str | Unset):  Default: ''.
        qpay_payment_id (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        number=number,
        t=t,
        qpay_payment_id=qpay_payment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    t: str | Unset = "",
    qpay_payment_id: str | Unset = "",
) -> Problem | str | None:
    """QPay's payment callback (for QPay only)

    Args:
        number (str):
        t (str | Unset):  Default: ''.
        qpay_payment_id (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            number=number,
            client=client,
            t=t,
            qpay_payment_id=qpay_payment_id,
        )
    ).parsed
