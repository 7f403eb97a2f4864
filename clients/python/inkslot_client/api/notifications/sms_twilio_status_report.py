from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.sms_twilio_status_report_body import SmsTwilioStatusReportBody
from ...types import Response, Unset


def _get_kwargs(
    *,
    body: SmsTwilioStatusReportBody,
    x_twilio_signature: str | Unset = "",
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_twilio_signature, Unset):
        headers["X-Twilio-Signature"] = x_twilio_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sms/twilio/status",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SmsTwilioStatusReportBody,
    x_twilio_signature: str | Unset = "",
) -> Response[Any | Problem]:
    """Twilio's delivery reports (for Twilio only)

    Args:
        x_twilio_signature (str | Unset): base64(HMAC-SHA1(Auth Token, URL + sorted parameters))
            Default: ''.
        body (SmsTwilioStatusReportBody): MessageSid, MessageStatus, ErrorCode and whatever else
            Twilio sends

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_twilio_signature=x_twilio_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SmsTwilioStatusReportBody,
    x_twilio_signature: str | Unset = "",
) -> Any | Problem | None:
    """Twilio's delivery reports (for Twilio only)

    Args:
        x_twilio_signature (str | Unset): base64(HMAC-SHA1(Auth Token, URL + sorted parameters))
            Default: ''.
        body (SmsTwilioStatusReportBody): MessageSid, MessageStatus, ErrorCode and whatever else
            Twilio sends

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        x_twilio_signature=x_twilio_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SmsTwilioStatusReportBody,
    x_twilio_signature: str | Unset = "",
) -> Response[Any | Problem]:
    """Twilio's delivery reports (for Twilio only)

    Args:
        x_twilio_signature (str | Unset): base64(HMAC-SHA1(Auth Token, URL + sorted parameters))
            Default: ''.
        body (SmsTwilioStatusReportBody): MessageSid, MessageStatus, ErrorCode and whatever else
            Twilio sends

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        x_twilio_signature=x_twilio_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SmsTwilioStatusReportBody,
    x_twilio_signature: str | Unset = "",
) -> Any | Problem | None:
    """Twilio's delivery reports (for Twilio only)

    Args:
        x_twilio_signature (str | Unset): base64(HMAC-SHA1(Auth Token, URL + sorted parameters))
            Default: ''.
        body (SmsTwilioStatusReportBody): MessageSid, MessageStatus, ErrorCode and whatever else
            Twilio sends

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_twilio_signature=x_twilio_signature,
        )
    ).parsed
