from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.reminder_offsets_request import ReminderOffsetsRequest
from ...models.reminder_offsets_view import ReminderOffsetsView
from ...types import Response


def _get_kwargs(
    artist_id: UUID,
    *,
    body: ReminderOffsetsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/artists/{artist_id}/reminders".format(
            artist_id=quote(str(artist_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReminderOffsetsView | None:
    if response.status_code == 200:
        response_200 = ReminderOffsetsView.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReminderOffsetsView]:
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
    body: ReminderOffsetsRequest,
) -> Response[Problem | ReminderOffsetsView]:
    """Choose the reminder offsets, in minutes (at most 4; [] turns them off)

    Args:
        artist_id (UUID):
        body (ReminderOffsetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderOffsetsView]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReminderOffsetsRequest,
) -> Problem | ReminderOffsetsView | None:
    """Choose the reminder offsets, in minutes (at most 4; [] turns them off)

    Args:
        artist_id (UUID):
        body (ReminderOffsetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderOffsetsView
    """

    return sync_detailed(
        artist_id=artist_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReminderOffsetsRequest,
) -> Response[Problem | ReminderOffsetsView]:
    """Choose the reminder offsets, in minutes (at most 4; [] turns them off)

    Args:
        artist_id (UUID):
        body (ReminderOffsetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReminderOffsetsView]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReminderOffsetsRequest,
) -> Problem | ReminderOffsetsView | None:
    """Choose the reminder offsets, in minutes (at most 4; [] turns them off)

    Args:
        artist_id (UUID):
        body (ReminderOffsetsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReminderOffsetsView
    """

    return (
        await asyncio_detailed(
            artist_id=artist_id,
            client=client,
            body=body,
        )
    ).parsed
