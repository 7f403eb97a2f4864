from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artist_search_page import ArtistSearchPage
from ...models.artists_search_artists_sort import ArtistsSearchArtistsSort
from ...models.artists_search_artists_styles_match import ArtistsSearchArtistsStylesMatch
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    styles_match: ArtistsSearchArtistsStylesMatch | Unset = ArtistsSearchArtistsStylesMatch.ANY,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    studio_id: None | Unset | UUID = UNSET,
    price_min: int | None | Unset = UNSET,
    price_max: int | None | Unset = UNSET,
    currency: str | Unset = "MNT",
    rating_min: float | None | Unset = UNSET,
    free_within_days: int | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    duration_minutes: int | None | Unset = UNSET,
    sort: ArtistsSearchArtistsSort | Unset = ArtistsSearchArtistsSort.RELEVANCE,
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

    json_styles_match: str | Unset = UNSET
    if not isinstance(styles_match, Unset):
        json_styles_match = styles_match.value

    params["stylesMatch"] = json_styles_match

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

    json_city: None | str | Unset
    if isinstance(city, Unset):
        json_city = UNSET
    else:
        json_city = city
    params["city"] = json_city

    json_studio_id: None | str | Unset
    if isinstance(studio_id, Unset):
        json_studio_id = UNSET
    elif isinstance(studio_id, UUID):
        json_studio_id = str(studio_id)
    else:
        json_studio_id = studio_id
    params["studioId"] = json_studio_id

    json_price_min: int | None | Unset
    if isinstance(price_min, Unset):
        json_price_min = UNSET
    else:
        json_price_min = price_min
    params["priceMin"] = json_price_min

    json_price_max: int | None | Unset
    if isinstance(price_max, Unset):
        json_price_max = UNSET
    else:
        json_price_max = price_max
    params["priceMax"] = json_price_max

    params["currency"] = currency

    json_rating_min: float | None | Unset
    if isinstance(rating_min, Unset):
        json_rating_min = UNSET
    else:
        json_rating_min = rating_min
    params["ratingMin"] = json_rating_min

    json_free_within_days: int | None | Unset
    if isinstance(free_within_days, Unset):
        json_free_within_days = UNSET
    else:
        json_free_within_days = free_within_days
    params["freeWithinDays"] = json_free_within_days

    json_service_id: None | str | Unset
    if isinstance(service_id, Unset):
        json_service_id = UNSET
    elif isinstance(service_id, UUID):
        json_service_id = str(service_id)
    else:
        json_service_id = service_id
    params["serviceId"] = json_service_id

    json_duration_minutes: int | None | Unset
    if isinstance(duration_minutes, Unset):
        json_duration_minutes = UNSET
    else:
        json_duration_minutes = duration_minutes
    params["durationMinutes"] = json_duration_minutes

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

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
        "url": "/api/v1/artists",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArtistSearchPage | Problem | None:
    if response.status_code == 200:
        response_200 = ArtistSearchPage.from_dict(response.json())

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
) -> Response[ArtistSearchPage | Problem]:
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
    styles_match: ArtistsSearchArtistsStylesMatch | Unset = ArtistsSearchArtistsStylesMatch.ANY,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    studio_id: None | Unset | UUID = UNSET,
    price_min: int | None | Unset = UNSET,
    price_max: int | None | Unset = UNSET,
    currency: str | Unset = "MNT",
    rating_min: float | None | Unset = UNSET,
    free_within_days: int | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    duration_minutes: int | None | Unset = UNSET,
    sort: ArtistsSearchArtistsSort | Unset = ArtistsSearchArtistsSort.RELEVANCE,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> Response[ArtistSearchPage | Problem]:
    """Find artists: text, styles, place, price, rating, free within N days

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        styles_match (ArtistsSearchArtistsStylesMatch | Unset):  Default:
            ArtistsSearchArtistsStylesMatch.ANY.
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        city (None | str | Unset):
        studio_id (None | Unset | UUID):
        price_min (int | None | Unset):
        price_max (int | None | Unset):
        currency (str | Unset):  Default: 'MNT'.
        rating_min (float | None | Unset):
        free_within_days (int | None | Unset):
        service_id (None | Unset | UUID):
        duration_minutes (int | None | Unset):
        sort (ArtistsSearchArtistsSort | Unset):  Default: ArtistsSearchArtistsSort.RELEVANCE.
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistSearchPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        styles=styles,
        styles_match=styles_match,
        near=near,
        radius_km=radius_km,
        city=city,
        studio_id=studio_id,
        price_min=price_min,
        price_max=price_max,
        currency=currency,
        rating_min=rating_min,
        free_within_days=free_within_days,
        service_id=service_id,
        duration_minutes=duration_minutes,
        sort=sort,
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
    styles_match: ArtistsSearchArtistsStylesMatch | Unset = ArtistsSearchArtistsStylesMatch.ANY,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    studio_id: None | Unset | UUID = UNSET,
    price_min: int | None | Unset = UNSET,
    price_max: int | None | Unset = UNSET,
    currency: str | Unset = "MNT",
    rating_min: float | None | Unset = UNSET,
    free_within_days: int | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    duration_minutes: int | None | Unset = UNSET,
    sort: ArtistsSearchArtistsSort | Unset = ArtistsSearchArtistsSort.RELEVANCE,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> ArtistSearchPage | Problem | None:
    """Find artists: text, styles, place, price, rating, free within N days

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        styles_match (ArtistsSearchArtistsStylesMatch | Unset):  Default:
            ArtistsSearchArtistsStylesMatch.ANY.
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        city (None | str | Unset):
        studio_id (None | Unset | UUID):
        price_min (int | None | Unset):
        price_max (int | None | Unset):
        currency (str | Unset):  Default: 'MNT'.
        rating_min (float | None | Unset):
        free_within_days (int | None | Unset):
        service_id (None | Unset | UUID):
        duration_minutes (int | None | Unset):
        sort (ArtistsSearchArtistsSort | Unset):  Default: ArtistsSearchArtistsSort.RELEVANCE.
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistSearchPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        styles=styles,
        styles_match=styles_match,
        near=near,
        radius_km=radius_km,
        city=city,
        studio_id=studio_id,
        price_min=price_min,
        price_max=price_max,
        currency=currency,
        rating_min=rating_min,
        free_within_days=free_within_days,
        service_id=service_id,
        duration_minutes=duration_minutes,
        sort=sort,
        cursor=cursor,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: None | str | Unset = UNSET,
    styles: None | str | Unset = UNSET,
    styles_match: ArtistsSearchArtistsStylesMatch | Unset = ArtistsSearchArtistsStylesMatch.ANY,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    studio_id: None | Unset | UUID = UNSET,
    price_min: int | None | Unset = UNSET,
    price_max: int | None | Unset = UNSET,
    currency: str | Unset = "MNT",
    rating_min: float | None | Unset = UNSET,
    free_within_days: int | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    duration_minutes: int | None | Unset = UNSET,
    sort: ArtistsSearchArtistsSort | Unset = ArtistsSearchArtistsSort.RELEVANCE,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> Response[ArtistSearchPage | Problem]:
    """Find artists: text, styles, place, price, rating, free within N days

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        styles_match (ArtistsSearchArtistsStylesMatch | Unset):  Default:
            ArtistsSearchArtistsStylesMatch.ANY.
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        city (None | str | Unset):
        studio_id (None | Unset | UUID):
        price_min (int | None | Unset):
        price_max (int | None | Unset):
        currency (str | Unset):  Default: 'MNT'.
        rating_min (float | None | Unset):
        free_within_days (int | None | Unset):
        service_id (None | Unset | UUID):
        duration_minutes (int | None | Unset):
        sort (ArtistsSearchArtistsSort | Unset):  Default: ArtistsSearchArtistsSort.RELEVANCE.
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistSearchPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        styles=styles,
        styles_match=styles_match,
        near=near,
        radius_km=radius_km,
        city=city,
        studio_id=studio_id,
        price_min=price_min,
        price_max=price_max,
        currency=currency,
        rating_min=rating_min,
        free_within_days=free_within_days,
        service_id=service_id,
        duration_minutes=duration_minutes,
        sort=sort,
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
    styles_match: ArtistsSearchArtistsStylesMatch | Unset = ArtistsSearchArtistsStylesMatch.ANY,
    near: None | str | Unset = UNSET,
    radius_km: float | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    studio_id: None | Unset | UUID = UNSET,
    price_min: int | None | Unset = UNSET,
    price_max: int | None | Unset = UNSET,
    currency: str | Unset = "MNT",
    rating_min: float | None | Unset = UNSET,
    free_within_days: int | None | Unset = UNSET,
    service_id: None | Unset | UUID = UNSET,
    duration_minutes: int | None | Unset = UNSET,
    sort: ArtistsSearchArtistsSort | Unset = ArtistsSearchArtistsSort.RELEVANCE,
    cursor: None | str | Unset = UNSET,
    page_size: int | Unset = 20,
) -> ArtistSearchPage | Problem | None:
    """Find artists: text, styles, place, price, rating, free within N days

    Args:
        q (None | str | Unset):
        styles (None | str | Unset): Comma-separated, e.g. blackwork,fine-line
        styles_match (ArtistsSearchArtistsStylesMatch | Unset):  Default:
            ArtistsSearchArtistsStylesMatch.ANY.
        near (None | str | Unset): lat,lng in decimal degrees
        radius_km (float | None | Unset):
        city (None | str | Unset):
        studio_id (None | Unset | UUID):
        price_min (int | None | Unset):
        price_max (int | None | Unset):
        currency (str | Unset):  Default: 'MNT'.
        rating_min (float | None | Unset):
        free_within_days (int | None | Unset):
        service_id (None | Unset | UUID):
        duration_minutes (int | None | Unset):
        sort (ArtistsSearchArtistsSort | Unset):  Default: ArtistsSearchArtistsSort.RELEVANCE.
        cursor (None | str | Unset):
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistSearchPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            styles=styles,
            styles_match=styles_match,
            near=near,
            radius_km=radius_km,
            city=city,
            studio_id=studio_id,
            price_min=price_min,
            price_max=price_max,
            currency=currency,
            rating_min=rating_min,
            free_within_days=free_within_days,
            service_id=service_id,
            duration_minutes=duration_minutes,
            sort=sort,
            cursor=cursor,
            page_size=page_size,
        )
    ).parsed
