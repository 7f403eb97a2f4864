"""PostgreSQL notifications, the inbox, preferences, reminder offsets, the planning
position, and the send queue.

Send jobs are procrastinate jobs deferred on the unit of work's own connection, so a
notification and its job commit or vanish together. They take no procrastinate ``lock``:
workers fetch jobs in id order, so messages go out in the order planned, and a message
waiting for its retry (a greylisting mail server, for hours) holds nothing back: the
cancellation and its refund go out while "requested" still waits. Reminders are deferred
to their moment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from psycopg.types.json import Jsonb

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import count_of
from booking_domain.notifications import (
    REMINDER,
    Category,
    Channel,
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
    NotificationQueue,
    NotificationRepository,
    PreferencesRepository,
    ReminderOffsetsRepository,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.outbox import EventId
from booking_domain.shared.pages import Page, PageRequest

SEND_NOTIFICATION_TASK = "inkslot:send_notification"  # registered by entrypoints/worker/tasks.py
NOTIFICATION_QUEUE = "notifications"
PLANNING_ROW = "notifications"
PLANNING_LOCK = 0x696E6B6E6F74  # "inknot": one planner at a time (see webhooks.DISPATCH_LOCK)

_COLUMNS = (
    "id", "key", "kind", "category", "channel", "recipient_id", "party", "event_id",
    "booking_id", "data", "send_at", "reminder_for", "status", "attempts", "last_error",
    "skip_reason", "reference", "next_attempt_at", "created_at", "updated_at",
)  # fmt: skip
# The column names are constants: nothing from outside is formatted into the SQL.
_INSERT_NEW = f"""
INSERT INTO notifications ({", ".join(_COLUMNS)})
SELECT {", ".join(_COLUMNS)} FROM jsonb_populate_recordset(NULL::notifications, %(rows)s)
ON CONFLICT (key) DO NOTHING
RETURNING id
"""  # noqa: S608
_BY_ID = "SELECT * FROM notifications WHERE id = %(id)s"
_LOCK = "SELECT * FROM notifications WHERE id = %(id)s FOR UPDATE"
_MANY = "SELECT * FROM notifications WHERE id = ANY(%(ids)s) ORDER BY id"
_LOCK_MANY = "SELECT * FROM notifications WHERE id = ANY(%(ids)s) ORDER BY id FOR UPDATE"
_UPDATE = """
UPDATE notifications
   SET status = %(status)s, attempts = %(attempts)s, last_error = %(last_error)s,
       skip_reason = %(skip_reason)s, reference = %(reference)s,
       next_attempt_at = %(next_attempt_at)s, updated_at = %(updated_at)s
 WHERE id = %(id)s
"""
_FAILED = """
SELECT * FROM notifications WHERE status = 'failed'
 ORDER BY id DESC LIMIT %(limit)s OFFSET %(offset)s
"""
_FAILED_COUNT = "SELECT count(*) AS total FROM notifications WHERE status = 'failed'"


def _row(n: Notification) -> dict[str, Any]:
    def at(moment: datetime | None) -> str | None:
        return None if moment is None else moment.isoformat()

    return {
        "id": str(n.id), "key": n.key, "kind": n.kind, "category": n.category.value,
        "channel": n.channel.value, "recipient_id": str(n.recipient_id), "party": n.party.value,
        "event_id": None if n.event_id is None else str(n.event_id),
        "booking_id": None if n.booking_id is None else str(n.booking_id), "data": n.data,
        "send_at": at(n.send_at), "reminder_for": at(n.reminder_for), "status": n.status.value,
        "attempts": n.attempts, "last_error": n.last_error,
        "skip_reason": None if n.skip_reason is None else n.skip_reason.value,
        "reference": n.reference, "next_attempt_at": at(n.next_attempt_at),
        "created_at": at(n.created_at), "updated_at": at(n.updated_at),
    }  # fmt: skip


def _notification(row: Mapping[str, Any]) -> Notification:
    return Notification(
        id=NotificationId(row["id"]), key=row["key"], kind=row["kind"],
        category=Category(row["category"]), channel=Channel(row["channel"]),
        recipient_id=UserId(row["recipient_id"]), party=Party(row["party"]),
        event_id=None if row["event_id"] is None else EventId(row["event_id"]),
        booking_id=None if row["booking_id"] is None else BookingId(row["booking_id"]),
        data=row["data"], send_at=row["send_at"], reminder_for=row["reminder_for"],
        status=NotificationStatus(row["status"]), attempts=row["attempts"],
        last_error=row["last_error"],
        skip_reason=None if row["skip_reason"] is None else SkipReason(row["skip_reason"]),
        reference=row["reference"], next_attempt_at=row["next_attempt_at"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )  # fmt: skip


class PostgresNotificationRepository(OnConnection, NotificationRepository):
    async def add_new(self, notifications: Sequence[Notification]) -> Sequence[Notification]:
        # One statement for the whole batch: the planner's transaction stays short.
        rows = Jsonb([_row(n) for n in notifications])
        cursor = await self._conn.execute(_INSERT_NEW, {"rows": rows})
        stored = {row["id"] for row in await cursor.fetchall()}
        return [n for n in notifications if n.id in stored]

    async def get(self, notification_id: NotificationId) -> Notification | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_BY_ID, {"id": notification_id})
        ).fetchone()
        return _notification(row) if row else None

    async def lock(self, notification_id: NotificationId) -> Notification | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_LOCK, {"id": notification_id})
        ).fetchone()
        return _notification(row) if row else None

    async def get_many(self, ids: Sequence[NotificationId]) -> Sequence[Notification]:
        rows = await (await self._conn.execute(_MANY, {"ids": list(ids)})).fetchall()
        return [_notification(r) for r in rows]

    async def lock_many(self, ids: Sequence[NotificationId]) -> Sequence[Notification]:
        rows = await (await self._conn.execute(_LOCK_MANY, {"ids": list(ids)})).fetchall()
        return [_notification(r) for r in rows]

    async def update(self, n: Notification) -> None:
        await self._conn.execute(
            _UPDATE,
            {
                "id": n.id, "status": n.status.value, "attempts": n.attempts,
                "last_error": n.last_error,
                "skip_reason": None if n.skip_reason is None else n.skip_reason.value,
                "reference": n.reference, "next_attempt_at": n.next_attempt_at,
                "updated_at": n.updated_at,
            },
        )  # fmt: skip

    async def failed(self, request: PageRequest) -> Page[Notification]:
        params = {"limit": request.page_size, "offset": request.offset}
        rows = await (await self._conn.execute(_FAILED, params)).fetchall()
        total = await (await self._conn.execute(_FAILED_COUNT)).fetchone()
        return Page(tuple(_notification(r) for r in rows), count_of(total), request)


_INBOX_INSERT = """
INSERT INTO inbox_items (id, user_id, kind, title, body, link, booking_id, created_at,
                         updated_at, read_at)
VALUES (%(id)s, %(user_id)s, %(kind)s, %(title)s, %(body)s, %(link)s, %(booking_id)s,
        %(created_at)s, %(created_at)s, NULL)
"""
_INBOX_PAGE = """
SELECT * FROM inbox_items WHERE user_id = %(user_id)s {unread}
 ORDER BY id DESC LIMIT %(limit)s OFFSET %(offset)s
"""
_INBOX_COUNT = "SELECT count(*) AS total FROM inbox_items WHERE user_id = %(user_id)s {unread}"
_UNREAD = "AND read_at IS NULL"
_MARK_READ = """
UPDATE inbox_items SET read_at = coalesce(read_at, %(now)s), updated_at = %(now)s
 WHERE id = %(id)s AND user_id = %(user_id)s
RETURNING *
"""
_MARK_ALL_READ = """
UPDATE inbox_items SET read_at = %(now)s, updated_at = %(now)s
 WHERE user_id = %(user_id)s AND read_at IS NULL
"""


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
            _INBOX_INSERT,
            {
                "id": item.id, "user_id": item.user_id, "kind": item.kind, "title": item.title,
                "body": item.body, "link": item.link, "booking_id": item.booking_id,
                "created_at": item.created_at,
            },
        )  # fmt: skip

    async def page(
        self, user_id: UserId, request: PageRequest, *, unread_only: bool
    ) -> Page[InboxItem]:
        unread = _UNREAD if unread_only else ""
        params = {"user_id": user_id, "limit": request.page_size, "offset": request.offset}
        rows = await (
            await self._conn.execute(_INBOX_PAGE.format(unread=unread), params)
        ).fetchall()
        total = await (
            await self._conn.execute(_INBOX_COUNT.format(unread=unread), params)
        ).fetchone()
        return Page(tuple(_item(r) for r in rows), count_of(total), request)

    async def unread_count(self, user_id: UserId) -> int:
        query = _INBOX_COUNT.format(unread=_UNREAD)
        return count_of(await (await self._conn.execute(query, {"user_id": user_id})).fetchone())

    async def mark_read(
        self, user_id: UserId, item_id: NotificationId, now: datetime
    ) -> InboxItem | None:
        params = {"id": item_id, "user_id": user_id, "now": now}
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_MARK_READ, params)
        ).fetchone()
        return _item(row) if row else None

    async def mark_all_read(self, user_id: UserId, now: datetime) -> int:
        cursor = await self._conn.execute(_MARK_ALL_READ, {"user_id": user_id, "now": now})
        return cursor.rowcount


_PREFS = "SELECT * FROM notification_preferences WHERE user_id = %(user_id)s"
_PREFS_PUT = """
INSERT INTO notification_preferences (user_id, email, sms, in_app, created_at, updated_at)
VALUES (%(user_id)s, %(email)s, %(sms)s, %(in_app)s, %(now)s, %(now)s)
ON CONFLICT (user_id) DO UPDATE
   SET email = excluded.email, sms = excluded.sms, in_app = excluded.in_app,
       updated_at = excluded.updated_at
"""


class PostgresPreferencesRepository(OnConnection, PreferencesRepository):
    async def get(self, user_id: UserId) -> NotificationPreferences:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_PREFS, {"user_id": user_id})
        ).fetchone()
        if row is None:
            return NotificationPreferences(user_id)
        return NotificationPreferences(
            user_id, row["email"], row["sms"], row["in_app"], row["updated_at"]
        )

    async def put(self, p: NotificationPreferences) -> None:
        await self._conn.execute(
            _PREFS_PUT,
            {"user_id": p.user_id, "email": p.email, "sms": p.sms, "in_app": p.in_app,
             "now": p.updated_at},
        )  # fmt: skip


_OFFSETS = "SELECT * FROM reminder_offsets WHERE artist_id = ANY(%(ids)s)"
_OFFSETS_PUT = """
INSERT INTO reminder_offsets (artist_id, offsets_minutes, created_at, updated_at)
VALUES (%(artist_id)s, %(minutes)s, %(now)s, %(now)s)
ON CONFLICT (artist_id) DO UPDATE
   SET offsets_minutes = excluded.offsets_minutes, updated_at = excluded.updated_at
"""


class PostgresReminderOffsetsRepository(OnConnection, ReminderOffsetsRepository):
    async def of_artists(self, artist_ids: Sequence[ArtistId]) -> dict[ArtistId, ReminderOffsets]:
        if not artist_ids:
            return {}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_OFFSETS, {"ids": list(artist_ids)})
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
            _OFFSETS_PUT,
            {"artist_id": offsets.artist_id, "minutes": list(offsets.minutes),
             "now": offsets.updated_at},
        )  # fmt: skip


_TAKE_TURN = "SELECT pg_try_advisory_xact_lock(%(lock)s::bigint) AS turn"
_POSITION = "SELECT after FROM notification_dispatch WHERE name = %(name)s"
_ADVANCE = """
UPDATE notification_dispatch SET after = %(after)s, updated_at = now()
 WHERE name = %(name)s AND (after IS NULL OR after < %(after)s)
"""


class PostgresNotificationCursor(OnConnection, NotificationCursor):
    async def claim(self) -> NotificationPosition | None:
        # Two statements, in this order, for the reason PostgresDispatchCursor gives.
        turn = await (await self._conn.execute(_TAKE_TURN, {"lock": PLANNING_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_POSITION, {"name": PLANNING_ROW})
        ).fetchone()
        after = None if row is None else row["after"]
        return NotificationPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE, {"name": PLANNING_ROW, "after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("the notification planning position moved meanwhile")


class ProcrastinateNotificationQueue(NotificationQueue):
    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def enqueue(self, notifications: Sequence[Notification]) -> None:
        # One job per group planned together: an event's notifications (or one reminder
        # moment's) share the reads of their booking and go out concurrently.
        groups: dict[tuple[object, datetime], list[Notification]] = {}
        for n in notifications:
            groups.setdefault((n.event_id or n.id, n.send_at), []).append(n)
        jobs = [
            job_states.Job(
                id=None,
                lock=None,
                queueing_lock=None,
                task_name=SEND_NOTIFICATION_TASK,
                queue=NOTIFICATION_QUEUE,
                task_kwargs={"notification_ids": [str(n.id) for n in group]},
                scheduled_at=group[0].next_attempt_at if group[0].kind == REMINDER else None,
            )
            for group in groups.values()
        ]
        await self._manager.batch_defer_jobs_async(jobs, connection=self._conn)
