import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.session_starts_view import SessionStartsView
from ...types import UNSET, Response


def _get_kwargs(
    quote_id: UUID,
    *,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/quotes/{quote_id}/slots".format(
            quote_id=quote(str(quote_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SessionStartsView | None:
    if response.status_code == 200:
        response_200 = SessionStartsView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | SessionStartsView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    quote_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Response[Problem | SessionStartsView]:
    """Free starts for a quote's sessions (62 days)

    Args:
        quote_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionStartsView]
    """

    kwargs = _get_kwargs(
        quote_id=quote_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    quote_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Problem | SessionStartsView | None:
    """Free starts for a quote's sessions (62 days)

    Args:
        quote_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionStartsView
    """

    return sync_detailed(
        quote_id=quote_id,
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    quote_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Response[Problem | SessionStartsView]:
    """Free starts for a quote's sessions (62 days)

    Args:
        quote_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionStartsView]
    """

    kwargs = _get_kwargs(
        quote_id=quote_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    quote_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime,
    to: datetime.datetime,
) -> Problem | SessionStartsView | None:
    """Free starts for a quote's sessions (62 days)

    Args:
        quote_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionStartsView
    """

    return (
        await asyncio_detailed(
            quote_id=quote_id,
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
