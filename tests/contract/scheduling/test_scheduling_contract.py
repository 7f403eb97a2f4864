"""Weekly rules, date overrides and the scheduling reader, on every adapter."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from booking_domain.accounts import Role
from booking_domain.catalog import (
    ArtistProfile,
    Service,
)
from booking_domain.scheduling import (
    DateOverride,
    Interval,
    LocalWindow,
    SchedulingPolicy,
    StoredOverride,
    StoredRule,
    WeeklyRule,
)
from booking_domain.shared import ArtistId, new_uuid7
from tests.contract.catalog_rows import a_service, an_artist, stored_user
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _context_of(
    uow_factory: AnyUnitOfWorkFactory, artist: ArtistProfile, service: Service
) -> object:
    window = Interval(datetime(2026, 3, 9, tzinfo=UTC), datetime(2026, 3, 16, tzinfo=UTC))
    async with uow_factory(read_only=True) as uow:
        return await uow.scheduling.context(artist.id, service.id, window, START)


async def test_rules_and_overrides(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        artist = an_artist(await stored_user(uow, "a@example.com"))
        await uow.artists.add(artist)
        rules = [
            StoredRule(new_uuid7(), artist.id, WeeklyRule(day, 540, 1020), START)
            for day in (5, 1, 3)
        ]
        for rule in rules:
            await uow.availability.add_rule(rule)
        closed = StoredOverride(new_uuid7(), artist.id, DateOverride(date(2026, 3, 10)), START)
        await uow.availability.put_override(closed)
        later = StoredOverride(
            new_uuid7(), artist.id, DateOverride(date(2026, 4, 1), (LocalWindow(600, 720),)), START
        )
        await uow.availability.put_override(later)
        await uow.commit()
    async with uow_factory() as uow:
        assert [r.rule.day for r in await uow.availability.rules(artist.id)] == [1, 3, 5]
        assert await uow.availability.get_rule(rules[0].id) == rules[0]
        assert await uow.availability.overrides(artist.id) == (closed, later)
        assert await uow.availability.overrides(artist.id, date(2026, 3, 11), None) == (later,)
        assert await uow.availability.overrides(artist.id, None, date(2026, 3, 10)) == (closed,)
        # A second override of the same date replaces the first.
        reopened = StoredOverride(
            new_uuid7(), artist.id, DateOverride(date(2026, 3, 10), (LocalWindow(0, 1440),)), START
        )
        stored = await uow.availability.put_override(reopened)
        assert stored.override == reopened.override
        await uow.availability.delete_rule(rules[0].id)
        await uow.commit()
    async with uow_factory() as uow:
        overrides = await uow.availability.overrides(artist.id)
        assert [o.override for o in overrides] == [reopened.override, later.override]
        assert len(await uow.availability.rules(artist.id)) == 2
        await uow.availability.delete_override(overrides[0].id)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.availability.get_override(overrides[0].id) is None


async def test_the_scheduling_reader_gathers_one_artists_context(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        artist = an_artist(await stored_user(uow, "a@example.com"))
        other = an_artist(await stored_user(uow, "b@example.com"))
        for a in (artist, other):
            await uow.artists.add(a)
        service, foreign = a_service(artist.id), a_service(other.id)
        await uow.services.add(service)
        await uow.services.add(foreign)
        await uow.availability.add_rule(
            StoredRule(new_uuid7(), artist.id, WeeklyRule(1, 540, 1020), START)
        )
        near = StoredOverride(new_uuid7(), artist.id, DateOverride(date(2026, 3, 10)), START)
        far = StoredOverride(new_uuid7(), artist.id, DateOverride(date(2026, 6, 1)), START)
        await uow.availability.put_override(near)
        await uow.availability.put_override(far)
        await uow.commit()
    window = Interval(datetime(2026, 3, 9, tzinfo=UTC), datetime(2026, 3, 16, tzinfo=UTC))
    async with uow_factory(read_only=True) as uow:
        context = await uow.scheduling.context(artist.id, service.id, window, START)
        assert context is not None
        assert (context.artist, context.service) == (artist, service)
        assert context.schedule.weekly == (WeeklyRule(1, 540, 1020),)
        assert context.schedule.overrides == (near.override,)
        assert context.busy.spans() == ()
        assert await uow.scheduling.context(artist.id, foreign.id, window, START) is None
        assert (
            await uow.scheduling.context(ArtistId(new_uuid7()), service.id, window, START) is None
        )


async def test_the_scheduling_reader_sees_only_active_bookings_in_the_window(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    from booking_domain.accounts import Actor
    from booking_domain.bookings import request_booking
    from booking_domain.bookings.lifecycle import cancel
    from booking_domain.scheduling import BusyTimeline, Schedule

    async with uow_factory() as uow:
        artist = an_artist(
            await stored_user(uow, "a@example.com"),
            policy=SchedulingPolicy("UTC", minimum_notice=timedelta(0)),
        )
        customer = Actor(await stored_user(uow, "c@example.com", Role.CUSTOMER), Role.CUSTOMER)
        await uow.artists.add(artist)
        paid = a_service(artist.id, deposit=None)  # confirmed at once
        held = a_service(artist.id, "Held")  # 30 % deposit: pending with a 15-minute hold
        for s in (paid, held):
            await uow.services.add(s)
        open_week = Schedule(tuple(WeeklyRule(d, 0, 1440) for d in range(7)))

        def book(service: Service, hour: int) -> tuple[object, object]:
            return request_booking(
                by=customer,
                service=service,
                artist_user_id=artist.user_id,
                policy=artist.policy,
                schedule=open_week,
                busy=BusyTimeline(),
                start=datetime(2026, 3, 10, hour, tzinfo=UTC),
                now=START,
            )

        confirmed, pending, cancelled, outside = (
            book(paid, 9),
            book(held, 12),
            book(paid, 15),
            book(paid, 3),
        )
        for booking, event in (confirmed, pending, cancelled, outside):
            await uow.bookings.add(booking, event)  # type: ignore[arg-type]
        await uow.bookings.save(*cancel(cancelled[0], customer, START, artist.policy))  # type: ignore[arg-type]
        await uow.commit()
    window = Interval(datetime(2026, 3, 10, 8, tzinfo=UTC), datetime(2026, 3, 10, 20, tzinfo=UTC))
    async with uow_factory(read_only=True) as uow:
        live = await uow.scheduling.context(artist.id, paid.id, window, START)
        later = await uow.scheduling.context(artist.id, paid.id, window, START + timedelta(hours=1))
    assert live is not None and later is not None
    assert live.busy.spans() == (confirmed[0].blocked, pending[0].blocked)  # type: ignore[attr-defined]
    assert later.busy.spans() == (confirmed[0].blocked,)  # type: ignore[attr-defined]  # the hold ran out
    assert (live.has_expired_holds, later.has_expired_holds) == (False, True)


async def test_the_scheduling_reader_sees_every_catalogue_change_at_once(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """Read, change, read again through the same factory: on PostgreSQL the second read
    must not serve the catalogue the process remembered from the first."""
    async with uow_factory() as uow:
        artist = an_artist(await stored_user(uow, "a@example.com"))
        await uow.artists.add(artist)
        service, other = a_service(artist.id), a_service(artist.id, "Other")
        await uow.services.add(service)
        await uow.services.add(other)
        rule = StoredRule(new_uuid7(), artist.id, WeeklyRule(1, 540, 1020), START)
        await uow.availability.add_rule(rule)
        await uow.commit()

    async def context() -> object:
        found = await _context_of(uow_factory, artist, service)
        assert found is not None
        return found

    assert (await context()).schedule.weekly == (rule.rule,)  # type: ignore[attr-defined]
    async with uow_factory() as uow:  # another weekly rule
        added = StoredRule(new_uuid7(), artist.id, WeeklyRule(3, 600, 720), START)
        await uow.availability.add_rule(added)
        await uow.commit()
    assert set((await context()).schedule.weekly) == {rule.rule, added.rule}  # type: ignore[attr-defined]
    async with uow_factory() as uow:  # a rule removed
        await uow.availability.delete_rule(rule.id)
        await uow.commit()
    assert (await context()).schedule.weekly == (added.rule,)  # type: ignore[attr-defined]
    changed = replace(service, duration=timedelta(minutes=45), active=False)
    async with uow_factory() as uow:  # the service itself
        await uow.services.update(changed)
        await uow.commit()
    assert (await context()).service == changed  # type: ignore[attr-defined]
    renamed = replace(other, name="Renamed")
    async with uow_factory() as uow:  # another service of the artist: no harm either way
        await uow.services.update(renamed)
        await uow.commit()
    assert (await context()).service == changed  # type: ignore[attr-defined]
    suspended = replace(artist, suspended=True, policy=replace(artist.policy, daily_cap=1))
    async with uow_factory() as uow:  # the artist's profile and policy
        await uow.artists.update(suspended)
        await uow.commit()
    assert (await context()).artist == suspended  # type: ignore[attr-defined]
