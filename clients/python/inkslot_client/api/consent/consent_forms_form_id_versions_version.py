from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.form_version_view import FormVersionView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    form_id: UUID,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/consent-forms/{form_id}/versions/{version}".format(
            form_id=quote(str(form_id), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FormVersionView | Problem | None:
    if response.status_code == 200:
        response_200 = FormVersionView.from_dict(response.json())

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
) -> Response[FormVersionView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    form_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[FormVersionView | Problem]:
    """One version of a consent form

    Args:
        form_id (UUID):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FormVersionView | Problem]
    """

    kwargs = _get_kwargs(
        form_id=form_id,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    form_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> FormVersionView | Problem | None:
    """One version of a consent form

    Args:
        form_id (UUID):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FormVersionView | Problem
    """

    return sync_detailed(
        form_id=form_id,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    form_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> Response[FormVersionView | Problem]:
    """One version of a consent form

    Args:
        form_id (UUID):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FormVersionView | Problem]
    """

    kwargs = _get_kwargs(
        form_id=form_id,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    form_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
) -> FormVersionView | Problem | None:
    """One version of a consent form

    Args:
        form_id (UUID):
        version (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FormVersionView | Problem
    """

    return (
        await asyncio_detailed(
            form_id=form_id,
            version=version,
            client=client,
        )
    ).parsed
