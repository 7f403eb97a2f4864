from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_artists_list_profiles_status_type_1 import AdminArtistsListProfilesStatusType1
from ...models.admin_artists_list_profiles_status_type_2_type_1 import AdminArtistsListProfilesStatusType2Type1
from ...models.admin_artists_list_profiles_status_type_3_type_1 import AdminArtistsListProfilesStatusType3Type1
from ...models.artist_page import ArtistPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: AdminArtistsListProfilesStatusType1
    | AdminArtistsListProfilesStatusType2Type1
    | AdminArtistsListProfilesStatusType3Type1
    | None
    | Unset = UNSET,
    suspended: bool | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AdminArtistsListProfilesStatusType1):
        json_status = status.value
    elif isinstance(status, AdminArtistsListProfilesStatusType2Type1):
        json_status = status.value
    elif isinstance(status, AdminArtistsListProfilesStatusType3Type1):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_suspended: bool | None | Unset
    if isinstance(suspended, Unset):
        json_suspended = UNSET
    else:
        json_suspended = suspended
    params["suspended"] = json_suspended

    json_city: None | str | Unset
    if isinstance(city, Unset):
        json_city = UNSET
    else:
        json_city = city
    params["city"] = json_city

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params["page"] = page

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/artists",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ArtistPage | Problem | None:
    if response.status_code == 200:
        response_200 = ArtistPage.from_dict(response.json())

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
) -> Response[ArtistPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: AdminArtistsListProfilesStatusType1
    | AdminArtistsListProfilesStatusType2Type1
    | AdminArtistsListProfilesStatusType3Type1
    | None
    | Unset = UNSET,
    suspended: bool | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[ArtistPage | Problem]:
    """Profiles, oldest first: review state, suspended, city, text (admins)

    Args:
        status (AdminArtistsListProfilesStatusType1 | AdminArtistsListProfilesStatusType2Type1 |
            AdminArtistsListProfilesStatusType3Type1 | None | Unset):
        suspended (bool | None | Unset):
        city (None | str | Unset):
        q (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        suspended=suspended,
        city=city,
        q=q,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: AdminArtistsListProfilesStatusType1
    | AdminArtistsListProfilesStatusType2Type1
    | AdminArtistsListProfilesStatusType3Type1
    | None
    | Unset = UNSET,
    suspended: bool | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> ArtistPage | Problem | None:
    """Profiles, oldest first: review state, suspended, city, text (admins)

    Args:
        status (AdminArtistsListProfilesStatusType1 | AdminArtistsListProfilesStatusType2Type1 |
            AdminArtistsListProfilesStatusType3Type1 | None | Unset):
        suspended (bool | None | Unset):
        city (None | str | Unset):
        q (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        suspended=suspended,
        city=city,
        q=q,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: AdminArtistsListProfilesStatusType1
    | AdminArtistsListProfilesStatusType2Type1
    | AdminArtistsListProfilesStatusType3Type1
    | None
    | Unset = UNSET,
    suspended: bool | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[ArtistPage | Problem]:
    """Profiles, oldest first: review state, suspended, city, text (admins)

    Args:
        status (AdminArtistsListProfilesStatusType1 | AdminArtistsListProfilesStatusType2Type1 |
            AdminArtistsListProfilesStatusType3Type1 | None | Unset):
        suspended (bool | None | Unset):
        city (None | str | Unset):
        q (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        suspended=suspended,
        city=city,
        q=q,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: AdminArtistsListProfilesStatusType1
    | AdminArtistsListProfilesStatusType2Type1
    | AdminArtistsListProfilesStatusType3Type1
    | None
    | Unset = UNSET,
    suspended: bool | None | Unset = UNSET,
    city: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> ArtistPage | Problem | None:
    """Profiles, oldest first: review state, suspended, city, text (admins)

    Args:
        status (AdminArtistsListProfilesStatusType1 | AdminArtistsListProfilesStatusType2Type1 |
            AdminArtistsListProfilesStatusType3Type1 | None | Unset):
        suspended (bool | None | Unset):
        city (None | str | Unset):
        q (None | str | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            suspended=suspended,
            city=city,
            q=q,
            page=page,
            page_size=page_size,
        )
    ).parsed
