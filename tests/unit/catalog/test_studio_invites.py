"""Studio invites and membership: the rules (``catalog.studio_invites``, with properties)
and the use cases on the in-memory adapters."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.catalog import (
    INVITE_LIFETIME,
    MAX_OPEN_INVITES,
    AlreadyStudioMemberError,
    ArtistNotFoundError,
    InviteState,
    Studio,
    StudioInvite,
    StudioInviteExpiredError,
    StudioInviteId,
    StudioInviteNotFoundError,
    StudioInviteRevokedError,
    StudioInviteUsedError,
    StudioMemberNotFoundError,
    StudioOwnerStaysError,
    TooManyStudioInvitesError,
)
from booking_domain.catalog.studio_invites import ensure_may_remove, new_invite
from booking_domain.catalog.use_cases import ProfileFields, StudioFields
from booking_domain.shared import (
    Actor,
    InvalidInputError,
    PermissionDeniedError,
    Role,
    StudioId,
    UserId,
    new_uuid7,
)
from tests.contract.catalog_rows import an_artist
from tests.support.bootstrap import App, build_app
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _studio(owner: UserId | None) -> Studio:
    return Studio(StudioId(new_uuid7()), "Blue Ink", "Peace Ave 1", "UB", T0, T0, None, owner)


def _invite(studio: Studio, owner: UserId) -> StudioInvite:
    return new_invite(
        studio,
        Actor(owner, Role.ARTIST),
        invite_id=StudioInviteId(new_uuid7()),
        open_count=0,
        note="",
        now=T0,
    )


# --- the rules ----------------------------------------------------------------------------

moments = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30))


@given(after=moments, used=st.booleans(), revoked=st.booleans())
def test_an_invite_is_open_only_before_its_expiry_and_until_it_ends(
    after: timedelta, used: bool, revoked: bool
) -> None:
    owner = UserId(new_uuid7())
    invite = _invite(_studio(owner), owner)
    if revoked:
        invite = dataclasses.replace(invite, revoked_at=T0)
    if used:
        invite = dataclasses.replace(invite, used_at=T0)
    state = invite.state(T0 + after)
    assert (state is InviteState.OPEN) == (not used and not revoked and after < INVITE_LIFETIME)
    if used:
        assert state is InviteState.USED
    elif revoked:
        assert state is InviteState.REVOKED


@given(after=moments)
def test_only_an_open_invite_is_accepted_or_revoked(after: timedelta) -> None:
    owner = UserId(new_uuid7())
    studio = _studio(owner)
    invite = _invite(studio, owner)
    guest = Actor(UserId(new_uuid7()), Role.ARTIST)
    artist = an_artist(guest.user_id)
    at = T0 + after
    if after >= INVITE_LIFETIME:
        with pytest.raises(StudioInviteExpiredError):
            invite.accepted_by(artist, at, None)
        with pytest.raises(StudioInviteExpiredError):
            invite.revoked(at)
        return
    used = invite.accepted_by(artist, at, None)
    assert used.used_by == artist.id and used.state(at) is InviteState.USED
    with pytest.raises(StudioInviteUsedError):
        used.accepted_by(artist, at, None)
    with pytest.raises(StudioInviteUsedError):
        used.revoked(at)
    with pytest.raises(StudioInviteRevokedError):
        invite.revoked(at).accepted_by(artist, at, None)


@given(open_count=st.integers(min_value=0, max_value=3 * MAX_OPEN_INVITES))
def test_a_studio_has_at_most_so_many_open_invites(open_count: int) -> None:
    owner = UserId(new_uuid7())
    studio = _studio(owner)
    actor = Actor(owner, Role.ARTIST)
    if open_count >= MAX_OPEN_INVITES:
        with pytest.raises(TooManyStudioInvitesError):
            new_invite(studio, actor, invite_id=StudioInviteId(new_uuid7()),
                       open_count=open_count, note="", now=T0)  # fmt: skip
    else:
        made = new_invite(studio, actor, invite_id=StudioInviteId(new_uuid7()),
                          open_count=open_count, note="", now=T0)  # fmt: skip
        assert made.expires_at == T0 + INVITE_LIFETIME


def test_only_the_owner_or_an_admin_invites() -> None:
    owner = UserId(new_uuid7())
    studio = _studio(owner)
    stranger = Actor(UserId(new_uuid7()), Role.ARTIST)
    with pytest.raises(PermissionDeniedError):
        new_invite(studio, stranger, invite_id=StudioInviteId(new_uuid7()), open_count=0,
                   note="", now=T0)  # fmt: skip
    admin = Actor(UserId(new_uuid7()), Role.ADMIN)
    assert new_invite(studio, admin, invite_id=StudioInviteId(new_uuid7()), open_count=0,
                      note="", now=T0).created_by == admin.user_id  # fmt: skip


def test_who_removes_whom() -> None:
    owner = UserId(new_uuid7())
    studio = _studio(owner)
    member = an_artist(UserId(new_uuid7()), studio_id=studio.id)
    owners_profile = an_artist(owner, studio_id=studio.id)
    ensure_may_remove(studio, Actor(owner, Role.ARTIST), member)  # the owner removes
    ensure_may_remove(studio, Actor(member.user_id, Role.ARTIST), member)  # a member leaves
    ensure_may_remove(studio, Actor(UserId(new_uuid7()), Role.ADMIN), member)
    with pytest.raises(PermissionDeniedError):
        ensure_may_remove(studio, Actor(UserId(new_uuid7()), Role.ARTIST), member)
    for who in (Actor(owner, Role.ARTIST), Actor(UserId(new_uuid7()), Role.ADMIN)):
        with pytest.raises(StudioOwnerStaysError):
            ensure_may_remove(studio, who, owners_profile)
    with pytest.raises(PermissionDeniedError):
        ensure_may_remove(studio, Actor(member.user_id, Role.ARTIST), owners_profile)
    elsewhere = dataclasses.replace(member, studio_id=None)
    with pytest.raises(StudioMemberNotFoundError):
        ensure_may_remove(studio, Actor(owner, Role.ARTIST), elsewhere)


# --- the use cases ------------------------------------------------------------------------


@pytest.fixture
async def app() -> App:
    return build_app(app_url="https://ink.example")


async def _owner_with_studio(app: App) -> tuple[BookableArtist, Studio]:
    owner = await add_bookable_artist(app.uow)
    studio = await app.catalog.create_studio(
        owner.actor, StudioFields(name="Blue Ink", address="Peace Ave 1", city="UB")
    )
    return owner, studio


async def test_an_invite_is_made_shown_and_accepted_once(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    made = await app.catalog.create_studio_invite(owner.actor, studio.id, "  for  Anu ")
    assert made.url == f"https://ink.example/console/studio-invites/{made.token}"
    assert made.invite.note == "for Anu"
    assert await app.catalog.list_studio_invites(owner.actor, studio.id) == (made.invite,)
    guest = await add_bookable_artist(app.uow)
    landing = await app.catalog.show_studio_invite(guest.actor, made.token)
    assert landing.studio == studio and landing.current_studio is None
    moved = await app.catalog.accept_studio_invite(guest.actor, made.token)
    assert moved.studio_id == studio.id
    members = await app.catalog.list_studio_members(owner.actor, studio.id)
    assert [m.id for m in members] == [guest.id]
    assert await app.catalog.list_studio_invites(owner.actor, studio.id) == ()
    third = await add_bookable_artist(app.uow)
    with pytest.raises(StudioInviteUsedError):
        await app.catalog.accept_studio_invite(third.actor, made.token)
    with pytest.raises(StudioInviteUsedError):
        await app.catalog.show_studio_invite(None, made.token)


async def test_accepting_moves_an_artist_from_another_studio(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    other_owner, other = await _owner_with_studio(app)
    guest = await add_bookable_artist(app.uow)
    first = await app.catalog.create_studio_invite(other_owner.actor, other.id, None)
    await app.catalog.accept_studio_invite(guest.actor, first.token)
    made = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    landing = await app.catalog.show_studio_invite(guest.actor, made.token)
    assert landing.current_studio == other
    moved = await app.catalog.accept_studio_invite(guest.actor, made.token)
    assert moved.studio_id == studio.id
    assert await app.catalog.list_studio_members(other_owner.actor, other.id) == ()


async def test_an_owner_in_their_own_studio_stays(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    other_owner, other = await _owner_with_studio(app)
    await app.catalog.update_artist(owner.actor, owner.id, ProfileFields(studio_id=studio.id))
    made = await app.catalog.create_studio_invite(other_owner.actor, other.id, None)
    with pytest.raises(StudioOwnerStaysError):
        await app.catalog.accept_studio_invite(owner.actor, made.token)
    with pytest.raises(StudioOwnerStaysError):
        await app.catalog.remove_studio_member(owner.actor, studio.id, owner.id)
    own = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    with pytest.raises(AlreadyStudioMemberError):
        await app.catalog.accept_studio_invite(owner.actor, own.token)


async def test_expired_and_revoked_invites_are_refused(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    guest = await add_bookable_artist(app.uow)
    old = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    app.clock.advance(INVITE_LIFETIME)
    with pytest.raises(StudioInviteExpiredError):
        await app.catalog.accept_studio_invite(guest.actor, old.token)
    withdrawn = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    await app.catalog.revoke_studio_invite(owner.actor, studio.id, withdrawn.invite.id)
    with pytest.raises(StudioInviteRevokedError):
        await app.catalog.accept_studio_invite(guest.actor, withdrawn.token)
    with pytest.raises(StudioInviteRevokedError):
        await app.catalog.revoke_studio_invite(owner.actor, studio.id, withdrawn.invite.id)
    assert (await app.catalog.own_artist_profile(guest.actor)).studio_id is None


async def test_strangers_neither_invite_list_revoke_nor_remove(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    stranger = await add_bookable_artist(app.uow)
    made = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.create_studio_invite(stranger.actor, studio.id, None)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.list_studio_invites(stranger.actor, studio.id)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.revoke_studio_invite(stranger.actor, studio.id, made.invite.id)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.list_studio_members(stranger.actor, studio.id)
    guest = await add_bookable_artist(app.uow)
    await app.catalog.accept_studio_invite(guest.actor, made.token)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.remove_studio_member(stranger.actor, studio.id, guest.id)
    other_owner, other = await _owner_with_studio(app)
    with pytest.raises(StudioInviteNotFoundError):  # another studio's invite, through one's own
        await app.catalog.revoke_studio_invite(other_owner.actor, other.id, made.invite.id)


async def test_the_owner_removes_a_member_and_a_member_leaves(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    first, second = await add_bookable_artist(app.uow), await add_bookable_artist(app.uow)
    for guest in (first, second):
        made = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
        await app.catalog.accept_studio_invite(guest.actor, made.token)
    await app.catalog.remove_studio_member(owner.actor, studio.id, first.id)
    await app.catalog.remove_studio_member(second.actor, studio.id, second.id)
    assert await app.catalog.list_studio_members(owner.actor, studio.id) == ()
    with pytest.raises(StudioMemberNotFoundError):
        await app.catalog.remove_studio_member(owner.actor, studio.id, first.id)


async def test_invites_are_accepted_by_artists_with_a_profile(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    made = await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    with pytest.raises(PermissionDeniedError):
        await app.catalog.accept_studio_invite(await add_user(app.uow), made.token)
    with pytest.raises(ArtistNotFoundError):
        await app.catalog.accept_studio_invite(await add_user(app.uow, Role.ARTIST), made.token)


async def test_open_invites_are_bounded_and_notes_too(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    for _ in range(MAX_OPEN_INVITES):
        await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    with pytest.raises(TooManyStudioInvitesError):
        await app.catalog.create_studio_invite(owner.actor, studio.id, None)
    with pytest.raises(InvalidInputError):
        await app.catalog.create_studio_invite(owner.actor, studio.id, "x" * 201)
    with pytest.raises(InvalidInputError):
        await app.catalog.create_studio_invite(owner.actor, studio.id, "a\x00b")


@pytest.mark.parametrize("token", ["", "short", "x" * 32, "a\x00" * 16, "é" * 30])
async def test_an_unknown_token_is_not_found(app: App, token: str) -> None:
    with pytest.raises(StudioInviteNotFoundError):
        await app.catalog.show_studio_invite(None, token)
    artist = await add_bookable_artist(app.uow)
    with pytest.raises(StudioInviteNotFoundError):
        await app.catalog.accept_studio_invite(artist.actor, token)


async def test_the_owner_finds_the_studios_they_own(app: App) -> None:
    owner, studio = await _owner_with_studio(app)
    assert await app.catalog.owned_studios(owner.actor) == (studio,)
    assert await app.catalog.owned_studios((await add_bookable_artist(app.uow)).actor) == ()
