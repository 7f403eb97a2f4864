from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    x_telegram_bot_api_secret_token: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_telegram_bot_api_secret_token, Unset):
        headers["X-Telegram-Bot-Api-Secret-Token"] = x_telegram_bot_api_secret_token

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/telegram/webhook",
    }

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    x_telegram_bot_api_secret_token: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Telegram's updates for the bot (Telegram only)

    Args:
        x_telegram_bot_api_secret_token (None | str | Unset): The secret the webhook was
            registered with (inkslot telegram set-webhook)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        x_telegram_bot_api_secret_token=x_telegram_bot_api_secret_token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    x_telegram_bot_api_secret_token: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Telegram's updates for the bot (Telegram only)

    Args:
        x_telegram_bot_api_secret_token (None | str | Unset): The secret the webhook was
            registered with (inkslot telegram set-webhook)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        x_telegram_bot_api_secret_token=x_telegram_bot_api_secret_token,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    x_telegram_bot_api_secret_token: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Telegram's updates for the bot (Telegram only)

    Args:
        x_telegram_bot_api_secret_token (None | str | Unset): The secret the webhook was
            registered with (inkslot telegram set-webhook)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        x_telegram_bot_api_secret_token=x_telegram_bot_api_secret_token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    x_telegram_bot_api_secret_token: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Telegram's updates for the bot (Telegram only)

    Args:
        x_telegram_bot_api_secret_token (None | str | Unset): The secret the webhook was
            registered with (inkslot telegram set-webhook)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            x_telegram_bot_api_secret_token=x_telegram_bot_api_secret_token,
        )
    ).parsed
