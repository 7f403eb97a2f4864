"""Setting up bookable artists for race tests with straight SQL.

Accounts are made through the real ``POST /api/v1/auth/register`` (so tokens are real);
artist profiles, services and weekly rules are inserted directly, so these tests depend
only on the booking endpoints, not on the catalog ones.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import psycopg

from booking_domain.shared import new_uuid7

PASSWORD = "violet-needle-harbour"


@dataclass(frozen=True)
class Account:
    user_id: UUID
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass(frozen=True)
class Artist:
    id: UUID
    account: Account


@dataclass(frozen=True)
class ServiceRow:
    id: UUID
    artist_id: UUID
    duration: timedelta
    buffer_before: timedelta = timedelta(0)
    buffer_after: timedelta = timedelta(0)
    deposit: int = 0


async def register(client: httpx.AsyncClient, email: str, role: str = "customer") -> Account:
    response = await client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "name": email.split("@")[0], "role": role},
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return Account(UUID(body["user"]["id"]), body["tokens"]["accessToken"])


async def register_many(
    client: httpx.AsyncClient, prefix: str, count: int, role: str = "customer"
) -> list[Account]:
    return list(
        await asyncio.gather(
            *(register(client, f"{prefix}-{i}@example.com", role) for i in range(count))
        )
    )


def insert_artist(
    conn: psycopg.Connection[Any],
    account: Account,
    *,
    time_zone: str = "UTC",
    minimum_notice_minutes: int = 60,
    free_cancellation_minutes: int = 60,
    deposit_hold_minutes: int = 15,
) -> Artist:
    """An approved, bookable artist open every day, all day (00:00-24:00 local)."""
    artist_id = new_uuid7()
    conn.execute(
        "INSERT INTO artists (id, user_id, display_name, time_zone, status,"
        " minimum_notice_minutes, free_cancellation_minutes, deposit_hold_minutes)"
        " VALUES (%s, %s, %s, %s, 'approved', %s, %s, %s)",
        (
            artist_id,
            account.user_id,
            f"Artist {artist_id.hex[-6:]}",
            time_zone,
            minimum_notice_minutes,
            free_cancellation_minutes,
            deposit_hold_minutes,
        ),
    )
    for day in range(7):
        conn.execute(
            "INSERT INTO weekly_rules (id, artist_id, day, start_minute, end_minute)"
            " VALUES (%s, %s, %s, 0, 1440)",
            (new_uuid7(), artist_id, day),
        )
    return Artist(artist_id, account)


def insert_service(
    conn: psycopg.Connection[Any],
    artist_id: UUID,
    *,
    minutes: int = 60,
    before: int = 0,
    after: int = 0,
    deposit: int = 0,
    price: int = 100_000,
    currency: str = "MNT",
) -> ServiceRow:
    """A service; ``deposit`` > 0 is a fixed deposit, so bookings start pending with a hold."""
    service_id = new_uuid7()
    conn.execute(
        "INSERT INTO services (id, artist_id, name, duration_minutes, buffer_before_minutes,"
        " buffer_after_minutes, price_amount, currency, deposit_kind, deposit_value)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (
            service_id,
            artist_id,
            f"{minutes} min",
            minutes,
            before,
            after,
            price,
            currency,
            "fixed" if deposit else "none",
            deposit,
        ),
    )
    return ServiceRow(
        service_id,
        artist_id,
        timedelta(minutes=minutes),
        timedelta(minutes=before),
        timedelta(minutes=after),
        deposit,
    )


def grid_start(days_ahead: int, hour: int = 10) -> datetime:
    """A start on the default 30-minute grid of an all-day UTC window, well past the notice."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today + timedelta(days=days_ahead, hours=hour)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
