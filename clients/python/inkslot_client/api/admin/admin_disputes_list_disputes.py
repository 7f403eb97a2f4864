import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_disputes_list_disputes_status_type_1 import AdminDisputesListDisputesStatusType1
from ...models.admin_disputes_list_disputes_status_type_2_type_1 import AdminDisputesListDisputesStatusType2Type1
from ...models.admin_disputes_list_disputes_status_type_3_type_1 import AdminDisputesListDisputesStatusType3Type1
from ...models.dispute_page import DisputePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: AdminDisputesListDisputesStatusType1
    | AdminDisputesListDisputesStatusType2Type1
    | AdminDisputesListDisputesStatusType3Type1
    | None
    | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AdminDisputesListDisputesStatusType1):
        json_status = status.value
    elif isinstance(status, AdminDisputesListDisputesStatusType2Type1):
        json_status = status.value
    elif isinstance(status, AdminDisputesListDisputesStatusType3Type1):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params["page"] = page

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/disputes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DisputePage | Problem | None:
    if response.status_code == 200:
        response_200 = DisputePage.from_dict(response.json())

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
) -> Response[DisputePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: AdminDisputesListDisputesStatusType1
    | AdminDisputesListDisputesStatusType2Type1
    | AdminDisputesListDisputesStatusType3Type1
    | None
    | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[DisputePage | Problem]:
    """Disputes, newest first: by status and when they were opened (admins)

    Args:
        status (AdminDisputesListDisputesStatusType1 | AdminDisputesListDisputesStatusType2Type1 |
            AdminDisputesListDisputesStatusType3Type1 | None | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisputePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        from_=from_,
        to=to,
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
    status: AdminDisputesListDisputesStatusType1
    | AdminDisputesListDisputesStatusType2Type1
    | AdminDisputesListDisputesStatusType3Type1
    | None
    | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> DisputePage | Problem | None:
    """Disputes, newest first: by status and when they were opened (admins)

    Args:
        status (AdminDisputesListDisputesStatusType1 | AdminDisputesListDisputesStatusType2Type1 |
            AdminDisputesListDisputesStatusType3Type1 | None | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisputePage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        from_=from_,
        to=to,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: AdminDisputesListDisputesStatusType1
    | AdminDisputesListDisputesStatusType2Type1
    | AdminDisputesListDisputesStatusType3Type1
    | None
    | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[DisputePage | Problem]:
    """Disputes, newest first: by status and when they were opened (admins)

    Args:
        status (AdminDisputesListDisputesStatusType1 | AdminDisputesListDisputesStatusType2Type1 |
            AdminDisputesListDisputesStatusType3Type1 | None | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisputePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        from_=from_,
        to=to,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: AdminDisputesListDisputesStatusType1
    | AdminDisputesListDisputesStatusType2Type1
    | AdminDisputesListDisputesStatusType3Type1
    | None
    | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> DisputePage | Problem | None:
    """Disputes, newest first: by status and when they were opened (admins)

    Args:
        status (AdminDisputesListDisputesStatusType1 | AdminDisputesListDisputesStatusType2Type1 |
            AdminDisputesListDisputesStatusType3Type1 | None | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisputePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            from_=from_,
            to=to,
            page=page,
            page_size=page_size,
        )
    ).parsed
