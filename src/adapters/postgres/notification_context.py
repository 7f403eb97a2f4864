"""What messages are about, read for a whole round at once, one query each: the recipients
with their channel choices, the client records, and the bookings with their artist,
service, studio and customer (hand-tuned text: ``adapters.postgres.tuned.notification_context``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import any_, bindparam, exists, func, select
from sqlalchemy.dialects.postgresql import ARRAY

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.bookings import bookings
from adapters.postgres.tables.catalog import artist_aftercare, artists
from adapters.postgres.tables.reviews import reviews
from adapters.postgres.tuned.notification_context import BOOKING, CLIENT, RECIPIENT
from booking_domain.bookings import ClientId
from booking_domain.notifications import (
    AfterSession,
    BookingFacts,
    NotificationPreferences,
    Recipient,
)
from booking_domain.notifications.ports import NotificationContext
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money

_OWNER = Statement(lambda: select(artists.c.user_id).where(artists.c.id == bindparam("id")))
_B, _A, _R = bookings.c, artist_aftercare.c, reviews.c
# The bookings by their key, each artist's text by its key, a review by its booking's unique
# key: three index reads a booking.
_AFTER_SESSION = Statement(
    lambda: (
        select(
            _B.id,
            func.coalesce(_A.text, constant("")).label("text"),
            exists().where(_R.booking_id == _B.id).label("reviewed"),
        )
        .select_from(bookings.outerjoin(artist_aftercare, _A.artist_id == _B.artist_id))
        .where(_B.id == any_(bindparam("ids", type_=ARRAY(_B.id.type))))
    )
)


class PostgresNotificationContext(OnConnection, NotificationContext):
    async def recipients(self, user_ids: Collection[UserId]) -> Mapping[UserId, Recipient]:
        return {UserId(row["id"]): _recipient(row) for row in await self._all(RECIPIENT, user_ids)}

    async def client_recipients(
        self, client_ids: Collection[ClientId]
    ) -> Mapping[ClientId, Recipient]:
        rows = await self._all(CLIENT, client_ids)
        return {ClientId(row["id"]): _client_recipient(row) for row in rows}

    async def bookings(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, BookingFacts]:
        return {
            BookingId(row["id"]): _booking(row) for row in await self._all(BOOKING, booking_ids)
        }

    async def _all(self, query: str, ids: Collection[UUID]) -> Sequence[Mapping[str, Any]]:
        return await (await self._conn.execute(query, {"ids": list(ids)})).fetchall()

    async def artist_owner(self, artist_id: ArtistId) -> UserId | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_OWNER.text, {"id": artist_id})
        ).fetchone()
        return None if row is None else UserId(row["user_id"])

    async def after_session(
        self, booking_ids: Collection[BookingId]
    ) -> Mapping[BookingId, AfterSession]:
        rows = await self._all(_AFTER_SESSION.text, booking_ids)
        return {BookingId(r["id"]): AfterSession(r["text"], r["reviewed"]) for r in rows}


def _recipient(row: Mapping[str, Any]) -> Recipient:
    user_id = UserId(row["id"])
    preferences = NotificationPreferences(user_id)
    if row["pref_email"] is not None:
        preferences = NotificationPreferences(
            user_id, row["pref_email"], row["pref_sms"], row["pref_in_app"],
            row["pref_updated_at"], row["pref_telegram"],
        )  # fmt: skip
    return Recipient(
        user_id=user_id, name=row["name"], email=row["email"], phone=row["phone"],
        locale=row["locale"], active=not row["disabled"], preferences=preferences,
        telegram_chat=row["telegram_chat"], phone_verified=row["phone_verified"],
    )  # fmt: skip


def _client_recipient(row: Mapping[str, Any]) -> Recipient:
    return Recipient(
        user_id=None, name=row["name"], email=row["email"], phone=row["phone"],
        locale=row["locale"], active=True, preferences=None,
    )  # fmt: skip


def _booking(row: Mapping[str, Any]) -> BookingFacts:
    location = None
    if row["studio_lat"] is not None and row["studio_lng"] is not None:
        location = (row["studio_lat"], row["studio_lng"])
    elif row["artist_lat"] is not None and row["artist_lng"] is not None:
        location = (row["artist_lat"], row["artist_lng"])
    return BookingFacts(
        booking_id=BookingId(row["id"]), reference=row["reference"], status=row["status"],
        start=row["starts_at"], end=row["ends_at"], artist_name=row["display_name"],
        customer_name=row["customer_name"], service_name=row["service_name"],
        price=Money(row["price_amount"], row["currency"]), time_zone=row["time_zone"],
        studio_name=row["studio_name"], address=row["address"], location=location,
        free_cancellation_notice=timedelta(minutes=row["free_cancellation_minutes"]),
        awaiting_approval=row["awaiting_approval"], offer_until=row["offer_until"],
        requires_approval=row["requires_approval"],
    )  # fmt: skip
