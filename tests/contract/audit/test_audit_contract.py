"""The audit trail's contract, in memory and on PostgreSQL: entries are written with their
unit of work (a rollback takes them away), a booking's every change leaves one by the
bookings repository's own write, lists filter and page newest first by id; and on
PostgreSQL no UPDATE, DELETE or TRUNCATE gets through, not even from the table's owner."""

from __future__ import annotations

from datetime import timedelta
from uuid import uuid4

import psycopg
import pytest

from booking_domain.bookings import booking_event_type, lifecycle, record_change
from booking_domain.shared import Role, UserId
from booking_domain.shared.audit import REQUEST_ID, AuditEntry, AuditFilter, audit_entry
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.builders import START, TEST_SECRETS
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
ADMIN = UserId(uuid4())
ACTIONS = ("account.locked", "account.unlocked", "artist.approved", "booking.cancelled")


def _entries() -> list[AuditEntry]:
    """Forty entries a minute apart: four actions, two targets, every other one by ADMIN,
    every fifth in request r-1."""
    made = []
    for n in range(40):
        token = REQUEST_ID.set("r-1" if n % 5 == 0 else f"r-{n + 10}")
        try:
            made.append(audit_entry(
                ACTIONS[n % 4], f"user/{n % 2}", START + timedelta(minutes=n),
                actor_id=ADMIN if n % 2 == 0 else None,
                actor_role=Role.ADMIN if n % 2 == 0 else None,
                before={"locked": False}, after={"locked": True, "n": n},
            ))  # fmt: skip
        finally:
            REQUEST_ID.reset(token)
    return made


async def _recorded(uow_factory: AnyUnitOfWorkFactory) -> list[AuditEntry]:
    made = _entries()
    async with uow_factory() as uow:
        for entry in made:
            await uow.audit.record(entry)
        await uow.commit()
    return sorted(made, key=lambda e: e.id, reverse=True)


async def _all_pages(
    uow_factory: AnyUnitOfWorkFactory, where: AuditFilter, limit: int
) -> list[AuditEntry]:
    found: list[AuditEntry] = []
    before = None
    async with uow_factory(read_only=True) as uow:
        while True:
            page = await uow.audit.list(where, before=before, limit=limit)
            found += page.items
            assert len(page.items) <= limit
            if page.next_before is None:
                return found
            before = page.next_before


FILTERS = [
    AuditFilter(),
    AuditFilter(actor_id=ADMIN),
    AuditFilter(action="account.locked"),
    AuditFilter(action="account."),
    AuditFilter(action="account"),  # neither an action nor a kind with its dot: nothing
    AuditFilter(target="user/1", action="account."),
    AuditFilter(request_id="r-1"),
    AuditFilter(at_from=START + timedelta(minutes=7), at_before=START + timedelta(minutes=19)),
    AuditFilter(at_from=START + timedelta(minutes=7, seconds=30)),
    AuditFilter(at_before=START + timedelta(minutes=3, microseconds=1), actor_id=ADMIN),
]


@pytest.mark.parametrize("where", FILTERS)
@pytest.mark.parametrize("limit", [3, 100])
async def test_lists_are_the_matches_newest_first_in_pages(
    uow_factory: AnyUnitOfWorkFactory, where: AuditFilter, limit: int
) -> None:
    made = await _recorded(uow_factory)
    assert await _all_pages(uow_factory, where, limit) == [e for e in made if where.matches(e)]


async def test_an_entry_goes_with_its_rollback(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        await uow.audit.record(audit_entry("account.locked", "user/1", START))
        await uow.rollback()
    assert await _all_pages(uow_factory, AuditFilter(), 10) == []


async def test_every_booking_change_leaves_one_entry_by_its_actor(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    token = REQUEST_ID.set("req-booking")
    try:
        await store(uow_factory, booking, event)
    finally:
        REQUEST_ID.reset(token)
    cancelled, second = lifecycle.cancel(
        booking, customer, START + timedelta(hours=1), artist.profile.policy, reason="moved"
    )
    async with uow_factory() as uow:
        await record_change(uow, cancelled, second)
        await uow.commit()
    target = f"booking/{booking.id}"
    entries = await _all_pages(uow_factory, AuditFilter(target=target), 10)
    assert [(e.action, e.actor_id, e.request_id) for e in entries] == [
        ("booking.cancelled", customer.user_id, None),
        (booking_event_type(event), customer.user_id, "req-booking"),
    ]
    latest = entries[0]
    assert latest.before == {"status": booking.status.value}
    assert latest.after is not None and latest.after["status"] == "cancelled"
    assert latest.after["reason"] == "moved" and latest.at == second.at


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'account.unlocked'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ],
)
async def test_postgres_refuses_to_change_or_remove_entries(
    database_url: str, statement: str
) -> None:
    from adapters.postgres.database import Database
    from tests.support.storage import postgres_units

    database = Database(database_url, min_size=1, max_size=2)
    await database.open()
    try:
        made = await _recorded(postgres_units(database, secrets=TEST_SECRETS))
    finally:
        await database.close()
    # The API's own role (the table's owner here), in a plain session.
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            await conn.execute(statement)
        count = await (await conn.execute("SELECT count(*) FROM audit_log")).fetchone()
    assert count == (len(made),)
