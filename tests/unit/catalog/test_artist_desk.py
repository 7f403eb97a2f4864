"""``OpenArtistDesk``: what the console opens on, in one read: the account's language and,
for an artist, its own profile."""

from __future__ import annotations

from dataclasses import replace

import pytest

from booking_domain.accounts import Actor, Role, UserNotFoundError
from booking_domain.shared import UserId, new_uuid7
from tests.support.bootstrap import build_app
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _set(uow_factory: AnyUnitOfWorkFactory, user_id: UserId, **changes: object) -> None:
    async with uow_factory() as uow:
        user = await uow.users.get(user_id)
        assert user is not None
        await uow.users.update(replace(user, **changes))  # type: ignore[arg-type]
        await uow.commit()


async def test_an_artist_opens_on_their_profile_in_their_language() -> None:
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    await _set(app.uow, artist.user_id, locale="mn")
    desk = await app.catalog.open_artist_desk(artist.actor)
    assert (desk.locale, desk.artist) == ("mn", artist.profile)


async def test_other_accounts_open_with_no_profile() -> None:
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    admin, customer = await add_user(app.uow, Role.ADMIN), await add_user(app.uow)
    for actor in (admin, customer):
        assert (await app.catalog.open_artist_desk(actor)).artist is None
    # The profile is an artist's: the same account acting in another role is not shown it.
    as_admin = Actor(artist.user_id, Role.ADMIN)
    assert (await app.catalog.open_artist_desk(as_admin)).artist is None


async def test_an_account_gone_or_disabled_opens_no_desk() -> None:
    app = build_app()
    artist = await add_bookable_artist(app.uow)
    await _set(app.uow, artist.user_id, disabled=True)
    for actor in (artist.actor, Actor(UserId(new_uuid7()), Role.ARTIST)):
        with pytest.raises(UserNotFoundError):
            await app.catalog.open_artist_desk(actor)
