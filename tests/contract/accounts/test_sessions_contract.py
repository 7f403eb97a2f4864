"""Sessions a user can see: the session repository and the use cases over it, on every
adapter (in memory and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.system.clock import ManualClock
from booking_domain.accounts import (
    InvalidTokenError,
    Role,
    SessionFamilyId,
    issue_refresh_token,
)
from booking_domain.accounts.devices import Session, SessionDevice
from booking_domain.accounts.errors import SessionNotFoundError
from booking_domain.accounts.ports import AccessClaims
from booking_domain.shared import new_uuid7
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.catalog import ada_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio

TTL = timedelta(days=30)
PASSWORD = "violet-needle-harbour"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
HERE, ELSEWHERE = "198.51.100.7", "203.0.113.9"


async def test_records_are_stored_updated_and_listed_live_newest_use_first(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = ada_user("ada@example.com"), ada_user("bob@example.com")
    tokens = {
        name: issue_refresh_token(user.id, name, START, TTL)
        for name, user in (("old", ada), ("new", ada), ("gone", ada), ("spent", ada), ("bob", bob))
    }
    successor = issue_refresh_token(ada.id, "next", START, TTL, tokens["spent"].family_id)
    records = {
        name: Session.opened(t.family_id, t.user_id, START, SessionDevice(f"{name}-agent", HERE))
        for name, t in tokens.items()
    }
    async with uow_factory() as uow:
        for user in (ada, bob):
            await uow.users.add(user)
        for token in tokens.values():
            await uow.refresh_tokens.add(token)
        for record in records.values():
            await uow.sessions.add(record)
        await uow.commit()
    later = START + timedelta(hours=1)
    used = records["old"].used(later, SessionDevice(None, ELSEWHERE))
    async with uow_factory() as uow:
        assert await uow.sessions.get(records["new"].id) == records["new"]
        assert await uow.sessions.get(SessionFamilyId(new_uuid7())) is None
        await uow.sessions.update(used)
        await uow.refresh_tokens.revoke_family(tokens["gone"].family_id, later)
        # a rotation: the spent token's successor keeps the family alive
        await uow.refresh_tokens.add(successor)
        await uow.refresh_tokens.update(tokens["spent"].spent(later, successor.id))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.sessions.get(used.id) == used
        live = await uow.sessions.live(ada.id, later, limit=10)
        assert [s.id for s in live[:1]] == [used.id]  # the most recently used first
        assert {s.id for s in live} == {records[n].id for n in ("old", "new", "spent")}
        assert len(await uow.sessions.live(ada.id, later, limit=2)) == 2
        assert await uow.sessions.live(bob.id, later, limit=10) == (records["bob"],)
        assert await uow.sessions.live(ada.id, START + TTL, limit=10) == ()  # all expired
        assert await uow.sessions.get_live(used.id, later) == used
        assert await uow.sessions.get_live(records["gone"].id, later) is None
        assert await uow.sessions.get_live(records["new"].id, START + TTL) is None
        assert await uow.sessions.get_live(SessionFamilyId(new_uuid7()), later) is None


async def test_adding_a_record_twice_keeps_the_first(uow_factory: AnyUnitOfWorkFactory) -> None:
    ada = ada_user("ada@example.com")
    token = issue_refresh_token(ada.id, "h", START, TTL)
    first = Session.opened(token.family_id, ada.id, START, SessionDevice(FIREFOX, HERE))
    async with uow_factory() as uow:
        await uow.users.add(ada)
        await uow.refresh_tokens.add(token)
        await uow.sessions.add(first)
        await uow.commit()
    async with uow_factory() as uow:
        await uow.sessions.add(Session.opened(token.family_id, ada.id, START, None))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.sessions.get(token.family_id) == first


# --- the use cases, on each adapter -------------------------------------------------------


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def app(uow_factory: AnyUnitOfWorkFactory, clock: ManualClock) -> App:
    return build_app(uow=uow_factory, clock=clock)


def claims_of(app: App, access_token: str) -> AccessClaims:
    return app.tokens.verify_access_token(access_token, app.clock.now())


async def test_sign_ins_are_listed_with_their_devices_and_refreshes_move_the_last_use(
    app: App, clock: ManualClock
) -> None:
    signed_up = await app.accounts.register_user(
        email="ada@example.com",
        password=PASSWORD,
        name="Ada",
        role=Role.CUSTOMER,
        user_agent=FIREFOX,
        address=HERE,
    )
    clock.advance(timedelta(minutes=5))
    phone = await app.accounts.login(
        email="ada@example.com", password=PASSWORD, address=ELSEWHERE, user_agent=SAFARI
    )
    mine = claims_of(app, phone.tokens.access.token)
    listed = await app.accounts.list_sessions(mine)
    assert [(s.session.device, s.current) for s in listed] == [
        ("Safari on iOS", True),
        ("Firefox on Linux", False),
    ]
    assert listed[1].session.id == signed_up.tokens.family_id
    assert listed[1].session.address == listed[1].session.last_address == HERE

    clock.advance(timedelta(minutes=5))
    await app.accounts.refresh_session(
        refresh_token=signed_up.tokens.refresh_token, address=ELSEWHERE, user_agent=SAFARI
    )
    first, second = await app.accounts.list_sessions(mine)
    assert first.session.id == signed_up.tokens.family_id and not first.current
    assert first.session.last_used_at == clock.now() and first.session.created_at == START
    assert first.session.last_address == ELSEWHERE and first.session.address == HERE
    assert first.session.device == "Firefox on Linux"  # the device that signed in
    assert second.current


async def test_ending_a_session_revokes_its_family_and_hides_others_sessions(
    app: App, clock: ManualClock
) -> None:
    laptop = await app.accounts.register_user(
        email="ada@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
    )
    phone = await app.accounts.login(email="ada@example.com", password=PASSWORD, address=HERE)
    bob = await app.accounts.register_user(
        email="bob@example.com", password=PASSWORD, name="Bob", role=Role.CUSTOMER
    )
    mine = claims_of(app, phone.tokens.access.token)
    # another user's session, an unknown one: not found alike; nothing changes
    for session_id in (bob.tokens.family_id, SessionFamilyId(new_uuid7())):
        with pytest.raises(SessionNotFoundError):
            await app.accounts.end_session(mine, session_id)
    await app.accounts.refresh_session(refresh_token=bob.tokens.refresh_token)

    await app.accounts.end_session(mine, laptop.tokens.family_id)
    with pytest.raises(InvalidTokenError):
        await app.accounts.refresh_session(refresh_token=laptop.tokens.refresh_token)
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(laptop.tokens.access.token)
    assert [s.session.id for s in await app.accounts.list_sessions(mine)] == [mine.session_id]
    with pytest.raises(SessionNotFoundError):  # ended already
        await app.accounts.end_session(mine, laptop.tokens.family_id)

    await app.accounts.end_session(mine, mine.session_id)  # one's own: a logout
    with pytest.raises(InvalidTokenError):
        await app.accounts.authenticate(phone.tokens.access.token)
    assert await app.accounts.list_sessions(mine) == ()


async def test_a_family_without_a_record_gets_one_at_its_next_refresh(
    app: App, clock: ManualClock
) -> None:
    """A session started before records were kept (or by a release without them)."""
    signed = await app.accounts.register_user(
        email="ada@example.com", password=PASSWORD, name="Ada", role=Role.CUSTOMER
    )
    ada = signed.user
    token = issue_refresh_token(ada.id, app.tokens.hash_refresh_secret("legacy"), START, TTL)
    async with app.uow() as uow:
        await uow.refresh_tokens.add(token)
        await uow.commit()
    clock.advance(timedelta(minutes=1))
    refreshed = await app.accounts.refresh_session(
        refresh_token="legacy", address=HERE, user_agent=FIREFOX
    )
    assert refreshed.tokens.family_id == token.family_id
    listed = await app.accounts.list_sessions(claims_of(app, refreshed.tokens.access.token))
    legacy = next(s for s in listed if s.current).session
    assert legacy.device == "Firefox on Linux" and legacy.last_address == HERE
    assert legacy.last_used_at == clock.now()
