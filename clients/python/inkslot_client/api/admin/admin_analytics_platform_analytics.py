import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.admin_analytics_platform_analytics_format_type_1 import AdminAnalyticsPlatformAnalyticsFormatType1
from ...models.admin_analytics_platform_analytics_format_type_2_type_1 import (
    AdminAnalyticsPlatformAnalyticsFormatType2Type1,
)
from ...models.admin_analytics_platform_analytics_format_type_3_type_1 import (
    AdminAnalyticsPlatformAnalyticsFormatType3Type1,
)
from ...models.granularity import Granularity
from ...models.platform_analytics_view import PlatformAnalyticsView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    city: None | str | Unset = UNSET,
    artist_id: None | Unset | UUID = UNSET,
    format_: AdminAnalyticsPlatformAnalyticsFormatType1
    | AdminAnalyticsPlatformAnalyticsFormatType2Type1
    | AdminAnalyticsPlatformAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity.value

    params["granularity"] = json_granularity

    json_city: None | str | Unset
    if isinstance(city, Unset):
        json_city = UNSET
    else:
        json_city = city
    params["city"] = json_city

    json_artist_id: None | str | Unset
    if isinstance(artist_id, Unset):
        json_artist_id = UNSET
    elif isinstance(artist_id, UUID):
        json_artist_id = str(artist_id)
    else:
        json_artist_id = artist_id
    params["artistId"] = json_artist_id

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, AdminAnalyticsPlatformAnalyticsFormatType1):
        json_format_ = format_.value
    elif isinstance(format_, AdminAnalyticsPlatformAnalyticsFormatType2Type1):
        json_format_ = format_.value
    elif isinstance(format_, AdminAnalyticsPlatformAnalyticsFormatType3Type1):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/analytics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlatformAnalyticsView | Problem | None:
    if response.status_code == 200:
        response_200 = PlatformAnalyticsView.from_dict(response.json())

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
) -> Response[PlatformAnalyticsView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    city: None | str | Unset = UNSET,
    artist_id: None | Unset | UUID = UNSET,
    format_: AdminAnalyticsPlatformAnalyticsFormatType1
    | AdminAnalyticsPlatformAnalyticsFormatType2Type1
    | AdminAnalyticsPlatformAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> Response[PlatformAnalyticsView | Problem]:
    """The platform's figures by period, by city and by artist (admins)

    Args:
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        city (None | str | Unset):
        artist_id (None | Unset | UUID):
        format_ (AdminAnalyticsPlatformAnalyticsFormatType1 |
            AdminAnalyticsPlatformAnalyticsFormatType2Type1 |
            AdminAnalyticsPlatformAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlatformAnalyticsView | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        granularity=granularity,
        city=city,
        artist_id=artist_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    city: None | str | Unset = UNSET,
    artist_id: None | Unset | UUID = UNSET,
    format_: AdminAnalyticsPlatformAnalyticsFormatType1
    | AdminAnalyticsPlatformAnalyticsFormatType2Type1
    | AdminAnalyticsPlatformAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> PlatformAnalyticsView | Problem | None:
    """The platform's figures by period, by city and by artist (admins)

    Args:
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        city (None | str | Unset):
        artist_id (None | Unset | UUID):
        format_ (AdminAnalyticsPlatformAnalyticsFormatType1 |
            AdminAnalyticsPlatformAnalyticsFormatType2Type1 |
            AdminAnalyticsPlatformAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlatformAnalyticsView | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        granularity=granularity,
        city=city,
        artist_id=artist_id,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    city: None | str | Unset = UNSET,
    artist_id: None | Unset | UUID = UNSET,
    format_: AdminAnalyticsPlatformAnalyticsFormatType1
    | AdminAnalyticsPlatformAnalyticsFormatType2Type1
    | AdminAnalyticsPlatformAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> Response[PlatformAnalyticsView | Problem]:
    """The platform's figures by period, by city and by artist (admins)

    Args:
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        city (None | str | Unset):
        artist_id (None | Unset | UUID):
        format_ (AdminAnalyticsPlatformAnalyticsFormatType1 |
            AdminAnalyticsPlatformAnalyticsFormatType2Type1 |
            AdminAnalyticsPlatformAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlatformAnalyticsView | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        granularity=granularity,
        city=city,
        artist_id=artist_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    city: None | str | Unset = UNSET,
    artist_id: None | Unset | UUID = UNSET,
    format_: AdminAnalyticsPlatformAnalyticsFormatType1
    | AdminAnalyticsPlatformAnalyticsFormatType2Type1
    | AdminAnalyticsPlatformAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> PlatformAnalyticsView | Problem | None:
    """The platform's figures by period, by city and by artist (admins)

    Args:
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        city (None | str | Unset):
        artist_id (None | Unset | UUID):
        format_ (AdminAnalyticsPlatformAnalyticsFormatType1 |
            AdminAnalyticsPlatformAnalyticsFormatType2Type1 |
            AdminAnalyticsPlatformAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlatformAnalyticsView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            granularity=granularity,
            city=city,
            artist_id=artist_id,
            format_=format_,
        )
    ).parsed
