"""PostgreSQL notifications, the inbox, preferences, reminder offsets and the planning
position (the send queue: ``notification_queue.py``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import BigInteger, any_, bindparam, func, insert, null, or_, select, update
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import (
    Statement,
    constant,
    count_of,
    exact_count,
    null_row,
    page_in_order,
)
from adapters.postgres.tables.notifications import (
    inbox_items,
    notification_dispatch,
    notification_preferences,
    notifications,
    reminder_offsets,
)
from booking_domain.bookings import ClientId
from booking_domain.notifications import (
    SCHEDULED,
    STATE_FIELDS,
    Category,
    Channel,
    DeliveryStatus,
    InboxItem,
    Notification,
    NotificationId,
    NotificationPreferences,
    NotificationStatus,
    Party,
    ReminderOffsets,
    SkipReason,
)
from booking_domain.notifications.ports import (
    InboxRepository,
    NotificationCursor,
    NotificationPosition,
    NotificationRepository,
    PreferencesRepository,
    ReminderOffsetsRepository,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.outbox import EventId
from booking_domain.shared.pages import Page, PageRequest

SEND_NOTIFICATION_TASK = "inkslot:send_notification"  # entrypoints/worker/notifications.py
NOTIFICATION_QUEUE = "notifications"
PLANNING_ROW = "notifications"
PLANNING_LOCK = 0x696E6B6E6F74  # "inknot": one planner at a time (see webhooks.DISPATCH_LOCK)

_N = notifications.c


def _build_insert_new() -> Any:
    """One statement for a batch: the rows as one JSON array, each read as a notifications
    row (``jsonb_populate_recordset``); a key already planned is left alone."""
    names = [c.name for c in notifications.c]
    batch = func.jsonb_populate_recordset(
        null_row(notifications), bindparam("rows", type_=JSONB)
    ).table_valued(*names, name="batch")
    return (
        pg_insert(notifications)
        .from_select(names, select(*(batch.c[name] for name in names)))
        .on_conflict_do_nothing(index_elements=[_N.key])
        .returning(_N.id)
    )


_INSERT_NEW = Statement(_build_insert_new)


def _build_update_many() -> Any:
    """One statement for a round's outcomes: the rows as one JSON array (``_row``), each
    notification set to its row's state."""
    batch = func.jsonb_populate_recordset(
        null_row(notifications), bindparam("rows", type_=JSONB)
    ).table_valued(*(c.name for c in notifications.c), name="batch")
    return (
        update(notifications)
        .where(_N.id == batch.c.id)
        .values({name: batch.c[name] for name in STATE_FIELDS})
    )


_UPDATE_MANY = Statement(_build_update_many)
_BY_ID = Statement(lambda: select(notifications).where(_N.id == bindparam("id")))
_LOCK = Statement(lambda: select(notifications).where(_N.id == bindparam("id")).with_for_update())


def _many() -> Any:
    return (
        select(notifications)
        .where(_N.id == any_(bindparam("ids", type_=ARRAY(_N.id.type))))
        .order_by(_N.id)
    )


# A literal channel: the partial index ix_notifications_sms_reference serves it.
_LOCK_SMS_BY_REFERENCE = Statement(
    lambda: (
        select(notifications)
        .where(
            _N.channel == constant(Channel.SMS.value),
            _N.reference.is_not(None),
            _N.reference == bindparam("reference"),
        )
        .order_by(_N.id.desc())
        .limit(constant(1))
        .with_for_update()
    )
)
_MANY = Statement(_many)
# A send round's record: only the state of the notifications it read whole before (what
# they were planned with, their data among it, is fixed), locked in id order.
_LOCK_STATES = Statement(
    lambda: (
        select(_N.id, *(_N[name] for name in STATE_FIELDS))
        .where(_N.id == any_(bindparam("ids", type_=ARRAY(_N.id.type))))
        .order_by(_N.id)
        .with_for_update()
    )
)
_UPDATE = Statement(
    lambda: (
        update(notifications)
        .where(_N.id == bindparam("id"))
        .values({name: bindparam(name) for name in STATE_FIELDS})
    )
)
# A literal status: the partial index ix_notifications_failed serves both.
_FAILED_ONLY = [_N.status == constant("failed")]
_FAILED = Statement(lambda: page_in_order(notifications, _FAILED_ONLY, [_N.id.desc()]))
_FAILED_COUNT = Statement(lambda: exact_count(notifications, _FAILED_ONLY))


_OF_BOOKING = Statement(
    lambda: (
        select(notifications)
        .where(_N.booking_id == bindparam("booking_id"))
        .order_by(_N.id)
        .limit(bindparam("limit"))
    )
)


# How far ahead of its moment a held message's job is queued. A message further than this
# from its moment when planned is held (an admin's retry is due at once: never held); the
# release sweep runs every minute (``entrypoints/worker/runner.py``), so each is queued nine
# to ten minutes before its moment, and a sweep or two missed still queue it in time.
RELEASE_LEAD = timedelta(minutes=10)


def is_held(n: Notification) -> bool:
    """A message of a later moment, further than ``RELEASE_LEAD`` from when it was planned
    (its last change): stored held, its job waits for the release sweep, not in the queue
    (``notification_queue.py``). A moment's group shares kind, moment and planning, so
    planning holds or queues it whole (a sweep may still release it in two jobs: a job
    sends only what is due, whichever job it is)."""
    moment = n.next_attempt_at
    return n.kind in SCHEDULED and moment is not None and moment - n.updated_at > RELEASE_LEAD


def _row(n: Notification) -> dict[str, Any]:
    """A notification as one element of a statement's JSON array of rows. msgspec writes
    the JSON (``sql.py``) and takes ids, moments and states as they are: a UUID as its text,
    a moment as RFC 3339 text, an enum as its value (PostgreSQL reads each back into its
    column's type), so no text is made here first."""
    return {
        "id": n.id, "key": n.key, "kind": n.kind, "category": n.category,
        "channel": n.channel, "recipient_id": n.recipient_id, "party": n.party,
        "client_id": n.client_id, "event_id": n.event_id, "booking_id": n.booking_id,
        "data": n.data, "send_at": n.send_at, "reminder_for": n.reminder_for,
        "status": n.status, "attempts": n.attempts, "last_error": n.last_error,
        "skip_reason": n.skip_reason, "reference": n.reference,
        "next_attempt_at": n.next_attempt_at, "delivery_status": n.delivery_status,
        "delivery_error": n.delivery_error, "delivery_reported_at": n.delivery_reported_at,
        "held": is_held(n), "created_at": n.created_at, "updated_at": n.updated_at,
    }  # fmt: skip


def _value(status: DeliveryStatus | None) -> str | None:
    return None if status is None else status.value


def notification_of(row: Mapping[str, Any]) -> Notification:
    """A ``notifications`` row as the domain's notification."""
    return Notification(
        id=NotificationId(row["id"]), key=row["key"], kind=row["kind"],
        category=Category(row["category"]), channel=Channel(row["channel"]),
        recipient_id=None if row["recipient_id"] is None else UserId(row["recipient_id"]),
        client_id=None if row["client_id"] is None else ClientId(row["client_id"]),
        party=Party(row["party"]),
        event_id=None if row["event_id"] is None else EventId(row["event_id"]),
        booking_id=None if row["booking_id"] is None else BookingId(row["booking_id"]),
        data=row["data"], send_at=row["send_at"], reminder_for=row["reminder_for"],
        created_at=row["created_at"], **_state_of(row),
    )  # fmt: skip


def _with_state(
    seen: Mapping[NotificationId, Notification], row: Mapping[str, Any]
) -> Notification:
    """The notification of ``row`` as ``seen``, with the row's ``STATE_FIELDS``."""
    return replace(seen[row["id"]], **_state_of(row))


def _state_of(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's ``STATE_FIELDS`` as the notification's values."""
    skip, delivery = row["skip_reason"], row["delivery_status"]
    return {
        "status": NotificationStatus(row["status"]), "attempts": row["attempts"],
        "last_error": row["last_error"],
        "skip_reason": None if skip is None else SkipReason(skip),
        "reference": row["reference"], "next_attempt_at": row["next_attempt_at"],
        "delivery_status": None if delivery is None else DeliveryStatus(delivery),
        "delivery_error": row["delivery_error"],
        "delivery_reported_at": row["delivery_reported_at"], "updated_at": row["updated_at"],
    }  # fmt: skip


class PostgresNotificationRepository(OnConnection, NotificationRepository):
    async def add_new(self, notifications: Sequence[Notification]) -> Sequence[Notification]:
        # One statement for the whole batch: the planner's transaction stays short.
        rows = Jsonb([_row(n) for n in notifications])
        cursor = await self._conn.execute(_INSERT_NEW.text, {"rows": rows})
        stored = {row["id"] for row in await cursor.fetchall()}
        return [n for n in notifications if n.id in stored]

    async def get(self, notification_id: NotificationId) -> Notification | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_BY_ID.text, {"id": notification_id})
        ).fetchone()
        return notification_of(row) if row else None

    async def lock(self, notification_id: NotificationId) -> Notification | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_LOCK.text, {"id": notification_id})
        ).fetchone()
        return notification_of(row) if row else None

    async def get_many(self, ids: Sequence[NotificationId]) -> Sequence[Notification]:
        rows = await (await self._conn.execute(_MANY.text, {"ids": list(ids)})).fetchall()
        return [notification_of(r) for r in rows]

    async def lock_current(self, seen: Sequence[Notification]) -> Sequence[Notification]:
        by_id = {n.id: n for n in seen}
        found = await self._conn.execute(_LOCK_STATES.text, {"ids": list(by_id)})
        return [_with_state(by_id, row) for row in await found.fetchall()]

    async def lock_sms_by_reference(self, reference: str) -> Notification | None:
        found = await self._conn.execute(_LOCK_SMS_BY_REFERENCE.text, {"reference": reference})
        row: Mapping[str, Any] | None = await found.fetchone()
        return notification_of(row) if row else None

    async def update(self, n: Notification) -> None:
        await self._conn.execute(
            _UPDATE.text,
            {
                "id": n.id, "status": n.status.value, "attempts": n.attempts,
                "last_error": n.last_error,
                "skip_reason": None if n.skip_reason is None else n.skip_reason.value,
                "reference": n.reference, "next_attempt_at": n.next_attempt_at,
                "delivery_status": _value(n.delivery_status),
                "delivery_error": n.delivery_error,
                "delivery_reported_at": n.delivery_reported_at,
                "updated_at": n.updated_at,
            },
        )  # fmt: skip

    async def update_many(self, notifications: Sequence[Notification]) -> None:
        await self._conn.execute(
            _UPDATE_MANY.text, {"rows": Jsonb([_row(n) for n in notifications])}
        )

    async def of_booking(self, booking_id: BookingId, limit: int) -> Sequence[Notification]:
        params = {"booking_id": booking_id, "limit": limit}
        rows = await (await self._conn.execute(_OF_BOOKING.text, params)).fetchall()
        return tuple(notification_of(r) for r in rows)

    async def failed(self, request: PageRequest) -> Page[Notification]:
        params = {"limit": request.page_size, "offset": request.offset}
        rows = await (await self._conn.execute(_FAILED.text, params)).fetchall()
        total = await (await self._conn.execute(_FAILED_COUNT.text)).fetchone()
        return Page(tuple(notification_of(r) for r in rows), count_of(total), request)


_IN = inbox_items.c
_INBOX_INSERT = Statement(
    lambda: insert(inbox_items).values(
        {
            **{
                name: bindparam(name)
                for name in ("id", "user_id", "kind", "title", "body", "link", "booking_id")
            },
            "created_at": bindparam("created_at", type_=_IN.created_at.type),
            "updated_at": bindparam("created_at", type_=_IN.updated_at.type),
            "read_at": null(),
        }
    )
)


def _build_inbox_add_many() -> Any:
    """One statement for a round's inbox items, from one JSON array (``_inbox_row``)."""
    names = [c.name for c in inbox_items.c]
    batch = func.jsonb_populate_recordset(
        null_row(inbox_items), bindparam("rows", type_=JSONB)
    ).table_valued(*names, name="batch")
    return insert(inbox_items).from_select(names, select(*(batch.c[name] for name in names)))


_INBOX_ADD_MANY = Statement(_build_inbox_add_many)


def _inbox_row(item: InboxItem) -> dict[str, Any]:
    return {
        "id": str(item.id), "user_id": str(item.user_id), "kind": item.kind,
        "title": item.title, "body": item.body, "link": item.link,
        "booking_id": None if item.booking_id is None else str(item.booking_id),
        "read_at": None, "created_at": item.created_at.isoformat(),
        "updated_at": item.created_at.isoformat(),
    }  # fmt: skip


def _inbox_list(*, unread_only: bool) -> tuple[Statement, Statement]:
    """A user's inbox page, newest first, and its count (ix_inbox_items_user_id_id, or the
    partial ix_inbox_items_unread for the unread ones)."""

    def conditions() -> list[Any]:
        unread = [_IN.read_at.is_(None)] if unread_only else []
        return [_IN.user_id == bindparam("user_id"), *unread]

    return (
        Statement(lambda: page_in_order(inbox_items, conditions(), [_IN.id.desc()])),
        Statement(lambda: exact_count(inbox_items, conditions())),
    )


_INBOX = {unread: _inbox_list(unread_only=unread) for unread in (False, True)}
_MARK_READ = Statement(
    lambda: (
        update(inbox_items)
        .where(_IN.id == bindparam("id"), _IN.user_id == bindparam("user_id"))
        .values(
            read_at=func.coalesce(_IN.read_at, bindparam("now", type_=_IN.read_at.type)),
            updated_at=bindparam("now", type_=_IN.updated_at.type),
        )
        .returning(*inbox_items.c)
    )
)
_MARK_ALL_READ = Statement(
    lambda: (
        update(inbox_items)
        .where(_IN.user_id == bindparam("user_id"), _IN.read_at.is_(None))
        .values(
            read_at=bindparam("now", type_=_IN.read_at.type),
            updated_at=bindparam("now", type_=_IN.updated_at.type),
        )
    )
)


def _item(row: Mapping[str, Any]) -> InboxItem:
    return InboxItem(
        id=NotificationId(row["id"]), user_id=UserId(row["user_id"]), kind=row["kind"],
        title=row["title"], body=row["body"], link=row["link"],
        booking_id=None if row["booking_id"] is None else BookingId(row["booking_id"]),
        created_at=row["created_at"], read_at=row["read_at"],
    )  # fmt: skip


class PostgresInboxRepository(OnConnection, InboxRepository):
    async def add(self, item: InboxItem) -> None:
        await self._conn.execute(
            _INBOX_INSERT.text,
            {
                "id": item.id, "user_id": item.user_id, "kind": item.kind, "title": item.title,
                "body": item.body, "link": item.link, "booking_id": item.booking_id,
                "created_at": item.created_at,
            },
        )  # fmt: skip

    async def add_many(self, items: Sequence[InboxItem]) -> None:
        await self._conn.execute(
            _INBOX_ADD_MANY.text, {"rows": Jsonb([_inbox_row(i) for i in items])}
        )

    async def page(
        self, user_id: UserId, request: PageRequest, *, unread_only: bool
    ) -> Page[InboxItem]:
        page_sql, count_sql = _INBOX[unread_only]
        params = {"user_id": user_id, "limit": request.page_size, "offset": request.offset}
        rows = await (await self._conn.execute(page_sql.text, params)).fetchall()
        total = await (await self._conn.execute(count_sql.text, params)).fetchone()
        return Page(tuple(_item(r) for r in rows), count_of(total), request)

    async def unread_count(self, user_id: UserId) -> int:
        count_sql = _INBOX[True][1].text
        return count_of(
            await (await self._conn.execute(count_sql, {"user_id": user_id})).fetchone()
        )

    async def mark_read(
        self, user_id: UserId, item_id: NotificationId, now: datetime
    ) -> InboxItem | None:
        params = {"id": item_id, "user_id": user_id, "now": now}
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_MARK_READ.text, params)
        ).fetchone()
        return _item(row) if row else None

    async def mark_all_read(self, user_id: UserId, now: datetime) -> int:
        cursor = await self._conn.execute(_MARK_ALL_READ.text, {"user_id": user_id, "now": now})
        return cursor.rowcount


_PR = notification_preferences.c
_PREFS = Statement(
    lambda: select(notification_preferences).where(_PR.user_id == bindparam("user_id"))
)


def _build_prefs_put() -> Any:
    statement = pg_insert(notification_preferences).values(
        user_id=bindparam("user_id"),
        email=bindparam("email"),
        sms=bindparam("sms"),
        in_app=bindparam("in_app"),
        telegram=bindparam("telegram"),
        created_at=bindparam("now", type_=_PR.created_at.type),
        updated_at=bindparam("now", type_=_PR.updated_at.type),
    )
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_PR.user_id],
        set_={
            "email": new.email,
            "sms": new.sms,
            "in_app": new.in_app,
            "telegram": new.telegram,
            "updated_at": new.updated_at,
        },
    )


_PREFS_PUT = Statement(_build_prefs_put)


class PostgresPreferencesRepository(OnConnection, PreferencesRepository):
    async def get(self, user_id: UserId) -> NotificationPreferences:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_PREFS.text, {"user_id": user_id})
        ).fetchone()
        if row is None:
            return NotificationPreferences(user_id)
        return NotificationPreferences(
            user_id, row["email"], row["sms"], row["in_app"], row["updated_at"], row["telegram"]
        )

    async def put(self, p: NotificationPreferences) -> None:
        await self._conn.execute(
            _PREFS_PUT.text,
            {"user_id": p.user_id, "email": p.email, "sms": p.sms, "in_app": p.in_app,
             "telegram": p.telegram, "now": p.updated_at},
        )  # fmt: skip


_RO = reminder_offsets.c
_OFFSETS = Statement(
    lambda: select(reminder_offsets).where(
        _RO.artist_id == any_(bindparam("ids", type_=ARRAY(_RO.artist_id.type)))
    )
)


def _build_offsets_put() -> Any:
    statement = pg_insert(reminder_offsets).values(
        artist_id=bindparam("artist_id"),
        offsets_minutes=bindparam("minutes", type_=_RO.offsets_minutes.type),
        created_at=bindparam("now", type_=_RO.created_at.type),
        updated_at=bindparam("now", type_=_RO.updated_at.type),
    )
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[_RO.artist_id],
        set_={"offsets_minutes": new.offsets_minutes, "updated_at": new.updated_at},
    )


_OFFSETS_PUT = Statement(_build_offsets_put)


class PostgresReminderOffsetsRepository(OnConnection, ReminderOffsetsRepository):
    async def of_artists(self, artist_ids: Sequence[ArtistId]) -> dict[ArtistId, ReminderOffsets]:
        if not artist_ids:
            return {}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_OFFSETS.text, {"ids": list(artist_ids)})
        ).fetchall()
        return {
            ArtistId(r["artist_id"]): ReminderOffsets(
                ArtistId(r["artist_id"]),
                tuple(timedelta(minutes=m) for m in r["offsets_minutes"]),
                r["updated_at"],
            )
            for r in rows
        }

    async def put(self, offsets: ReminderOffsets) -> None:
        await self._conn.execute(
            _OFFSETS_PUT.text,
            {"artist_id": offsets.artist_id, "minutes": list(offsets.minutes),
             "now": offsets.updated_at},
        )  # fmt: skip


_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_D = notification_dispatch.c
_POSITION = Statement(lambda: select(_D.after).where(_D.name == bindparam("name")))
# Forward only: a position never moves back, whatever went wrong around it.
_ADVANCE = Statement(
    lambda: (
        update(notification_dispatch)
        .where(_D.name == bindparam("name"), or_(_D.after.is_(None), _D.after < bindparam("after")))
        .values(after=bindparam("after"), updated_at=func.now())
    )
)


class PostgresNotificationCursor(OnConnection, NotificationCursor):
    async def claim(self) -> NotificationPosition | None:
        # Two statements, in this order, for the reason PostgresDispatchCursor gives.
        turn = await (await self._conn.execute(_TAKE_TURN.text, {"lock": PLANNING_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_POSITION.text, {"name": PLANNING_ROW})
        ).fetchone()
        after = None if row is None else row["after"]
        return NotificationPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"name": PLANNING_ROW, "after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("the notification planning position moved meanwhile")
