"""PostgreSQL reviews, and the artists' running rating (on the artist's row)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, insert, not_, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, count_of, exact_count, page_in_order
from adapters.postgres.tables.accounts import users
from adapters.postgres.tables.catalog import artists
from adapters.postgres.tables.reviews import reviews
from booking_domain.reviews import AuthoredReview, Reply, Review, ReviewId, ReviewOrder
from booking_domain.reviews.ports import ArtistRatings, ReviewRepository
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

_R = reviews.c
_INSERT = Statement(lambda: insert(reviews).values({c.name: bindparam(c.name) for c in reviews.c}))
_UPDATE = Statement(
    lambda: (
        update(reviews)
        .where(_R.id == bindparam("id"))
        .values(
            {
                name: bindparam(name)
                for name in (
                    "rating", "text", "reply_text", "replied_at", "hidden", "hidden_reason",
                    "hidden_at", "version", "updated_at",
                )
            }
        )
    )
)  # fmt: skip
_BY_ID = Statement(lambda: select(reviews).where(_R.id == bindparam("id")))
_LOCK = Statement(lambda: select(reviews).where(_R.id == bindparam("id")).with_for_update())
_BY_BOOKING = Statement(lambda: select(reviews).where(_R.booking_id == bindparam("booking_id")))
# Each order reads its partial index (ix_reviews_artist_newest / _best) when hidden ones
# are left out, which is the public list's case: ``NOT hidden`` is the indexes' predicate.
_ORDERS = {
    ReviewOrder.NEWEST: (_R.created_at.desc(), _R.id.desc()),
    ReviewOrder.RATING: (_R.rating.desc(), _R.created_at.desc(), _R.id.desc()),
}


def _list(
    order: ReviewOrder, *, hidden: bool, authored: bool = False
) -> tuple[Statement, Statement]:
    def conditions() -> list[Any]:
        return [_R.artist_id == bindparam("artist_id"), *([] if hidden else [not_(_R.hidden)])]

    def page() -> Select[Any]:
        rows = page_in_order(reviews, conditions(), _ORDERS[order])
        return _with_author(rows) if authored else rows

    return Statement(page), Statement(lambda: exact_count(reviews, conditions()))


def _with_author(rows: Select[Any]) -> Select[Any]:
    """Each review with its author's name: joined by primary key to the page's rows, in
    the same statement (no read per review)."""
    return rows.add_columns(users.c.name.label("author_name")).outerjoin(
        users, users.c.id == _R.customer_id
    )


# (order, hidden ones too) -> the page and the count; with the authors' names beside.
_LISTS = {
    (order, hidden): _list(order, hidden=hidden)
    for order in ReviewOrder
    for hidden in (False, True)
}
_AUTHORED = {
    (order, hidden): _list(order, hidden=hidden, authored=True)
    for order in ReviewOrder
    for hidden in (False, True)
}
_ADJUST = Statement(
    lambda: (
        update(artists)
        .where(artists.c.id == bindparam("artist_id"))
        .values(
            review_count=artists.c.review_count
            + bindparam("count", type_=artists.c.review_count.type),
            rating_total=artists.c.rating_total
            + bindparam("total", type_=artists.c.rating_total.type),
        )
    )
)


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
        # raises ReviewExistsError (tables/reviews.py, CONSTRAINT_ERRORS).
        await self._conn.execute(_INSERT.text, _row(review))

    async def get(self, review_id: ReviewId, *, for_update: bool = False) -> Review | None:
        statement = _LOCK if for_update else _BY_ID
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(statement.text, {"id": review_id})
        ).fetchone()
        return _review(row) if row else None

    async def for_booking(self, booking_id: BookingId) -> Review | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_BY_BOOKING.text, {"booking_id": booking_id})
        ).fetchone()
        return _review(row) if row else None

    async def update(self, review: Review) -> None:
        await self._conn.execute(_UPDATE.text, _row(review))

    async def of_artist(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[Review]:
        page_sql, count_sql = _LISTS[order, hidden]
        params = {"artist_id": artist_id, "limit": page.page_size, "offset": page.offset}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(page_sql.text, params)
        ).fetchall()
        total = await (await self._conn.execute(count_sql.text, params)).fetchone()
        return Page(tuple(_review(r) for r in rows), count_of(total), page)

    async def authored(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[AuthoredReview]:
        page_sql, count_sql = _AUTHORED[order, hidden]
        params = {"artist_id": artist_id, "limit": page.page_size, "offset": page.offset}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(page_sql.text, params)
        ).fetchall()
        total = await (await self._conn.execute(count_sql.text, params)).fetchone()
        authored = tuple(AuthoredReview(_review(r), r["author_name"]) for r in rows)
        return Page(authored, count_of(total), page)


class PostgresArtistRatings(OnConnection, ArtistRatings):
    async def adjust(self, artist_id: ArtistId, count: int, total: int) -> None:
        params = {"artist_id": artist_id, "count": count, "total": total}
        await self._conn.execute(_ADJUST.text, params)
