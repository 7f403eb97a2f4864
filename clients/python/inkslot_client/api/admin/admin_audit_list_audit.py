import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_page_view import AuditPageView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    before: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_actor_id: None | str | Unset
    if isinstance(actor_id, Unset):
        json_actor_id = UNSET
    elif isinstance(actor_id, UUID):
        json_actor_id = str(actor_id)
    else:
        json_actor_id = actor_id
    params["actorId"] = json_actor_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_target: None | str | Unset
    if isinstance(target, Unset):
        json_target = UNSET
    else:
        json_target = target
    params["target"] = json_target

    json_request_id: None | str | Unset
    if isinstance(request_id, Unset):
        json_request_id = UNSET
    else:
        json_request_id = request_id
    params["requestId"] = json_request_id

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

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    elif isinstance(before, UUID):
        json_before = str(before)
    else:
        json_before = before
    params["before"] = json_before

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPageView | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPageView.from_dict(response.json())

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
) -> Response[AuditPageView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    before: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPageView | Problem]:
    """The audit trail, newest first: actor, action, target, dates, request (admins)

    Args:
        actor_id (None | Unset | UUID):
        action (None | str | Unset): An action (booking.cancelled) or a kind with its dot
            (booking.)
        target (None | str | Unset):
        request_id (None | str | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        before (None | Unset | UUID):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageView | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        action=action,
        target=target,
        request_id=request_id,
        from_=from_,
        to=to,
        before=before,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    before: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
) -> AuditPageView | Problem | None:
    """The audit trail, newest first: actor, action, target, dates, request (admins)

    Args:
        actor_id (None | Unset | UUID):
        action (None | str | Unset): An action (booking.cancelled) or a kind with its dot
            (booking.)
        target (None | str | Unset):
        request_id (None | str | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        before (None | Unset | UUID):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageView | Problem
    """

    return sync_detailed(
        client=client,
        actor_id=actor_id,
        action=action,
        target=target,
        request_id=request_id,
        from_=from_,
        to=to,
        before=before,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    before: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
) -> Response[AuditPageView | Problem]:
    """The audit trail, newest first: actor, action, target, dates, request (admins)

    Args:
        actor_id (None | Unset | UUID):
        action (None | str | Unset): An action (booking.cancelled) or a kind with its dot
            (booking.)
        target (None | str | Unset):
        request_id (None | str | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        before (None | Unset | UUID):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPageView | Problem]
    """

    kwargs = _get_kwargs(
        actor_id=actor_id,
        action=action,
        target=target,
        request_id=request_id,
        from_=from_,
        to=to,
        before=before,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor_id: None | Unset | UUID = UNSET,
    action: None | str | Unset = UNSET,
    target: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
    before: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
) -> AuditPageView | Problem | None:
    """The audit trail, newest first: actor, action, target, dates, request (admins)

    Args:
        actor_id (None | Unset | UUID):
        action (None | str | Unset): An action (booking.cancelled) or a kind with its dot
            (booking.)
        target (None | str | Unset):
        request_id (None | str | Unset):
        from_ (datetime.datetime | None | Unset):
        to (datetime.datetime | None | Unset):
        before (None | Unset | UUID):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPageView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            actor_id=actor_id,
            action=action,
            target=target,
            request_id=request_id,
            from_=from_,
            to=to,
            before=before,
            limit=limit,
        )
    ).parsed
