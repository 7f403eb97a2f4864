from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_users_list_users_role_type_1 import AdminUsersListUsersRoleType1
from ...models.admin_users_list_users_role_type_2_type_1 import AdminUsersListUsersRoleType2Type1
from ...models.admin_users_list_users_role_type_3_type_1 import AdminUsersListUsersRoleType3Type1
from ...models.problem import Problem
from ...models.user_page import UserPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: AdminUsersListUsersRoleType1
    | AdminUsersListUsersRoleType2Type1
    | AdminUsersListUsersRoleType3Type1
    | None
    | Unset = UNSET,
    restricted: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["pageSize"] = page_size

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, AdminUsersListUsersRoleType1):
        json_role = role.value
    elif isinstance(role, AdminUsersListUsersRoleType2Type1):
        json_role = role.value
    elif isinstance(role, AdminUsersListUsersRoleType3Type1):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_restricted: bool | None | Unset
    if isinstance(restricted, Unset):
        json_restricted = UNSET
    else:
        json_restricted = restricted
    params["restricted"] = json_restricted

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/users",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserPage | None:
    if response.status_code == 200:
        response_200 = UserPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: AdminUsersListUsersRoleType1
    | AdminUsersListUsersRoleType2Type1
    | AdminUsersListUsersRoleType3Type1
    | None
    | Unset = UNSET,
    restricted: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[Problem | UserPage]:
    """List accounts: by role, restricted or not, text in name or email (admins)

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        role (AdminUsersListUsersRoleType1 | AdminUsersListUsersRoleType2Type1 |
            AdminUsersListUsersRoleType3Type1 | None | Unset):
        restricted (bool | None | Unset): Locked or suspended now (true) or not
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        role=role,
        restricted=restricted,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: AdminUsersListUsersRoleType1
    | AdminUsersListUsersRoleType2Type1
    | AdminUsersListUsersRoleType3Type1
    | None
    | Unset = UNSET,
    restricted: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Problem | UserPage | None:
    """List accounts: by role, restricted or not, text in name or email (admins)

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        role (AdminUsersListUsersRoleType1 | AdminUsersListUsersRoleType2Type1 |
            AdminUsersListUsersRoleType3Type1 | None | Unset):
        restricted (bool | None | Unset): Locked or suspended now (true) or not
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        role=role,
        restricted=restricted,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: AdminUsersListUsersRoleType1
    | AdminUsersListUsersRoleType2Type1
    | AdminUsersListUsersRoleType3Type1
    | None
    | Unset = UNSET,
    restricted: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Response[Problem | UserPage]:
    """List accounts: by role, restricted or not, text in name or email (admins)

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        role (AdminUsersListUsersRoleType1 | AdminUsersListUsersRoleType2Type1 |
            AdminUsersListUsersRoleType3Type1 | None | Unset):
        restricted (bool | None | Unset): Locked or suspended now (true) or not
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserPage]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        role=role,
        restricted=restricted,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    role: AdminUsersListUsersRoleType1
    | AdminUsersListUsersRoleType2Type1
    | AdminUsersListUsersRoleType3Type1
    | None
    | Unset = UNSET,
    restricted: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
) -> Problem | UserPage | None:
    """List accounts: by role, restricted or not, text in name or email (admins)

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        role (AdminUsersListUsersRoleType1 | AdminUsersListUsersRoleType2Type1 |
            AdminUsersListUsersRoleType3Type1 | None | Unset):
        restricted (bool | None | Unset): Locked or suspended now (true) or not
        q (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserPage
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            role=role,
            restricted=restricted,
            q=q,
        )
    ).parsed
