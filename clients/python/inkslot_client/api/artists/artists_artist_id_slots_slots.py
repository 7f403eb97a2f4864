import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.slots_view import SlotsView
from ...types import UNSET, Response, Unset


def _get_kwargs(
    artist_id: UUID,
    *,
    service_id: UUID,
    from_: datetime.datetime,
    to: datetime.datetime,
    limit: int | Unset = 1000,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_service_id = str(service_id)
    params["serviceId"] = json_service_id

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/artists/{artist_id}/slots".format(
            artist_id=quote(str(artist_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SlotsView | None:
    if response.status_code == 200:
        response_200 = SlotsView.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SlotsView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    service_id: UUID,
    from_: datetime.datetime,
    to: datetime.datetime,
    limit: int | Unset = 1000,
) -> Response[Problem | SlotsView]:
    """Free slots of a service (range up to 62 days)

    Args:
        artist_id (UUID):
        service_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotsView]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        service_id=service_id,
        from_=from_,
        to=to,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    artist_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    service_id: UUID,
    from_: datetime.datetime,
    to: datetime.datetime,
    limit: int | Unset = 1000,
) -> Problem | SlotsView | None:
    """Free slots of a service (range up to 62 days)

    Args:
        artist_id (UUID):
        service_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotsView
    """

    return sync_detailed(
        artist_id=artist_id,
        client=client,
        service_id=service_id,
        from_=from_,
        to=to,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    service_id: UUID,
    from_: datetime.datetime,
    to: datetime.datetime,
    limit: int | Unset = 1000,
) -> Response[Problem | SlotsView]:
    """Free slots of a service (range up to 62 days)

    Args:
        artist_id (UUID):
        service_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SlotsView]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        service_id=service_id,
        from_=from_,
        to=to,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    artist_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    service_id: UUID,
    from_: datetime.datetime,
    to: datetime.datetime,
    limit: int | Unset = 1000,
) -> Problem | SlotsView | None:
    """Free slots of a service (range up to 62 days)

    Args:
        artist_id (UUID):
        service_id (UUID):
        from_ (datetime.datetime): ISO 8601 with offset
        to (datetime.datetime): ISO 8601 with offset
        limit (int | Unset):  Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SlotsView
    """

    return (
        await asyncio_detailed(
            artist_id=artist_id,
            client=client,
            service_id=service_id,
            from_=from_,
            to=to,
            limit=limit,
        )
    ).parsed
