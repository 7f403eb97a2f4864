from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.portfolio_search_page import PortfolioSearchPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_styles: None | str | Unset
    if isinstance(styles, Unset):
        json_styles = UNSET
    else:
        json_styles = styles
    params["styles"] = json_styles

    json_near: None | str | Unset
    if isinstance(near, Unset):
        json_near = UNSET
    else:
        json_near = near
    params["near"] = json_near

    json_radius_km: float | None | Unset
    if isinstance(radius_km, Unset):
        json_radius_km = UNSET
    else:
        json_radius_km = radius_km
    params["radiusKm"] = json_radius_km

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/portfolio",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PortfolioSearchPage | Problem | None:
    if response.status_code == 200:
        response_200 = PortfolioSearchPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[PortfolioSearchPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> Response[PortfolioSearchPage | Problem]:
    """Find portfolio pieces of approved artists: text, styles, place

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioSearchPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        styles=styles,
        near=near,
        radius_km=radius_km,
        cursor=cursor,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> PortfolioSearchPage | Problem | None:
    """Find portfolio pieces of approved artists: text, styles, place

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioSearchPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        styles=styles,
        near=near,
        radius_km=radius_km,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> Response[PortfolioSearchPage | Problem]:
    """Find portfolio pieces of approved artists: text, styles, place

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PortfolioSearchPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        styles=styles,
        near=near,
        radius_km=radius_km,
        cursor=cursor,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> PortfolioSearchPage | Problem | None:
    """Find portfolio pieces of approved artists: text, styles, place

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PortfolioSearchPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            styles=styles,
            near=near,
            radius_km=radius_km,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
