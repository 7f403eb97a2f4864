from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aftercare_view import AftercareView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    artist_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/artists/{artist_id}/aftercare".format(
            artist_id=quote(str(artist_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AftercareView | Problem | None:
    if response.status_code == 200:
        response_200 = AftercareView.from_dict(response.json())

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
) -> Response[AftercareView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AftercareView | Problem]:
    """The aftercare text, its delays and the touch-up window (owner, admins)

    Args:
        artist_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AftercareView | Problem]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AftercareView | Problem | None:
    """The aftercare text, its delays and the touch-up window (owner, admins)

    Args:
        artist_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AftercareView | Problem
    """

    return sync_detailed(
        artist_id=artist_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[AftercareView | Problem]:
    """The aftercare text, its delays and the touch-up window (owner, admins)

    Args:
        artist_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AftercareView | Problem]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
) -> AftercareView | Problem | None:
    """The aftercare text, its delays and the touch-up window (owner, admins)

    Args:
        artist_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AftercareView | Problem
    """

    return (
        await asyncio_detailed(
            artist_id=artist_id,
            client=client,
        )
    ).parsed
