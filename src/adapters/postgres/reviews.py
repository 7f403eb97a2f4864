"""PostgreSQL reviews, and the artists' running rating (on the artist's row)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import count_of
from booking_domain.reviews import Reply, Review, ReviewId, ReviewOrder
from booking_domain.reviews.ports import ArtistRatings, ReviewRepository
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

_COLUMNS = (
    "id", "booking_id", "artist_id", "artist_user_id", "customer_id", "rating", "text",
    "reply_text", "replied_at", "hidden", "hidden_reason", "hidden_at", "version",
    "created_at", "updated_at",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO reviews ({', '.join(_COLUMNS)})"  # noqa: S608 (constant column names)
    f" VALUES ({', '.join(f'%({c})s' for c in _COLUMNS)})"
)
_UPDATE = """
UPDATE reviews SET rating = %(rating)s, text = %(text)s, reply_text = %(reply_text)s,
       replied_at = %(replied_at)s, hidden = %(hidden)s, hidden_reason = %(hidden_reason)s,
       hidden_at = %(hidden_at)s, version = %(version)s, updated_at = %(updated_at)s
 WHERE id = %(id)s
"""
_BY_ID = "SELECT * FROM reviews WHERE id = %(id)s"
_LOCK = "SELECT * FROM reviews WHERE id = %(id)s FOR UPDATE"
_BY_BOOKING = "SELECT * FROM reviews WHERE booking_id = %(booking_id)s"
# Each order reads its partial index (ix_reviews_artist_newest / _best) when hidden ones
# are left out, which is the public list's case.
_ORDERS = {
    ReviewOrder.NEWEST: "created_at DESC, id DESC",
    ReviewOrder.RATING: "rating DESC, created_at DESC, id DESC",
}
_PAGE = """
SELECT * FROM reviews WHERE artist_id = %(artist_id)s {visible}
 ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s
"""
_COUNT = "SELECT count(*) AS total FROM reviews WHERE artist_id = %(artist_id)s {visible}"
_ADJUST = """
UPDATE artists SET review_count = review_count + %(count)s,
       rating_total = rating_total + %(total)s
 WHERE id = %(artist_id)s
"""


def _row(r: Review) -> dict[str, Any]:
    return {
        "id": r.id, "booking_id": r.booking_id, "artist_id": r.artist_id,
        "artist_user_id": r.artist_user_id, "customer_id": r.customer_id, "rating": r.rating,
        "text": r.text, "reply_text": None if r.reply is None else r.reply.text,
        "replied_at": None if r.reply is None else r.reply.replied_at, "hidden": r.hidden,
        "hidden_reason": r.hidden_reason, "hidden_at": r.hidden_at, "version": r.version,
        "created_at": r.created_at, "updated_at": r.updated_at,
    }  # fmt: skip


def _review(row: Mapping[str, Any]) -> Review:
    reply = None
    if row["reply_text"] is not None:
        reply = Reply(row["reply_text"], row["replied_at"])
    return Review(
        id=ReviewId(row["id"]), booking_id=BookingId(row["booking_id"]),
        artist_id=ArtistId(row["artist_id"]), artist_user_id=UserId(row["artist_user_id"]),
        customer_id=UserId(row["customer_id"]), rating=row["rating"], text=row["text"],
        created_at=row["created_at"], updated_at=row["updated_at"], version=row["version"],
        reply=reply, hidden=row["hidden"], hidden_reason=row["hidden_reason"],
        hidden_at=row["hidden_at"],
    )  # fmt: skip


class PostgresReviewRepository(OnConnection, ReviewRepository):
    async def add(self, review: Review) -> None:
        # A second review of the booking violates uq_reviews_booking_id: the unit of work
        # raises ReviewExistsError (adapters/postgres/errors.py).
        await self._conn.execute(_INSERT, _row(review))

    async def get(self, review_id: ReviewId, *, for_update: bool = False) -> Review | None:
        query = _LOCK if for_update else _BY_ID
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(query, {"id": review_id})
        ).fetchone()
        return _review(row) if row else None

    async def for_booking(self, booking_id: BookingId) -> Review | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_BY_BOOKING, {"booking_id": booking_id})
        ).fetchone()
        return _review(row) if row else None

    async def update(self, review: Review) -> None:
        await self._conn.execute(_UPDATE, _row(review))

    async def of_artist(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[Review]:
        visible = "" if hidden else "AND NOT hidden"
        params = {"artist_id": artist_id, "limit": page.page_size, "offset": page.offset}
        query = _PAGE.format(visible=visible, order=_ORDERS[order])
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(query, params)
        ).fetchall()
        total = await (await self._conn.execute(_COUNT.format(visible=visible), params)).fetchone()
        return Page(tuple(_review(r) for r in rows), count_of(total), page)


class PostgresArtistRatings(OnConnection, ArtistRatings):
    async def adjust(self, artist_id: ArtistId, count: int, total: int) -> None:
        params = {"artist_id": artist_id, "count": count, "total": total}
        await self._conn.execute(_ADJUST, params)
