import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.artist_analytics_view import ArtistAnalyticsView
from ...models.artists_artist_id_analytics_artist_analytics_format_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1,
)
from ...models.artists_artist_id_analytics_artist_analytics_format_type_2_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1,
)
from ...models.artists_artist_id_analytics_artist_analytics_format_type_3_type_1 import (
    ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1,
)
from ...models.granularity import Granularity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    artist_id: UUID,
    *,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    format_: ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1
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

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1):
        json_format_ = format_.value
    elif isinstance(format_, ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1):
        json_format_ = format_.value
    elif isinstance(format_, ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/artists/{artist_id}/analytics".format(
            artist_id=quote(str(artist_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArtistAnalyticsView | Problem | None:
    if response.status_code == 200:
        response_200 = ArtistAnalyticsView.from_dict(response.json())

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
) -> Response[ArtistAnalyticsView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    format_: ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> Response[ArtistAnalyticsView | Problem]:
    """An artist's figures by period in their zone (the artist or an admin)

    Args:
        artist_id (UUID):
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        format_ (ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistAnalyticsView | Problem]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        from_=from_,
        to=to,
        granularity=granularity,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    format_: ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> ArtistAnalyticsView | Problem | None:
    """An artist's figures by period in their zone (the artist or an admin)

    Args:
        artist_id (UUID):
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        format_ (ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistAnalyticsView | Problem
    """

    return sync_detailed(
        artist_id=artist_id,
        client=client,
        from_=from_,
        to=to,
        granularity=granularity,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    format_: ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> Response[ArtistAnalyticsView | Problem]:
    """An artist's figures by period in their zone (the artist or an admin)

    Args:
        artist_id (UUID):
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        format_ (ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArtistAnalyticsView | Problem]
    """

    kwargs = _get_kwargs(
        artist_id=artist_id,
        from_=from_,
        to=to,
        granularity=granularity,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    artist_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    granularity: Granularity | Unset = UNSET,
    format_: ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1
    | ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1
    | None
    | Unset = UNSET,
) -> ArtistAnalyticsView | Problem | None:
    """An artist's figures by period in their zone (the artist or an admin)

    Args:
        artist_id (UUID):
        from_ (datetime.date): First local date (included)
        to (datetime.date): Last local date (included)
        granularity (Granularity | Unset): Periods: day, week (Monday) or month
        format_ (ArtistsArtistIdAnalyticsArtistAnalyticsFormatType1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType2Type1 |
            ArtistsArtistIdAnalyticsArtistAnalyticsFormatType3Type1 | None | Unset): csv: text/csv

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArtistAnalyticsView | Problem
    """

    return (
        await asyncio_detailed(
            artist_id=artist_id,
            client=client,
            from_=from_,
            to=to,
            granularity=granularity,
            format_=format_,
        )
    ).parsed
