"""The demo data is priced as an Ulaanbaatar studio prices its work: amounts are minor units
(1/100 of a tögrög), so MNT 150,000 is stored as 15,000,000, and every deposit is a whole
tögrög amount QPay can take."""

from __future__ import annotations

import secrets

import pytest

from booking_domain.catalog.ports import ArtistFilter
from booking_domain.payments.invoices import provider_amount
from booking_domain.shared import Money, PageRequest
from entrypoints.seed import seed_demo_data
from tests.support.bootstrap import build_app

pytestmark = pytest.mark.anyio


def _tugrik(whole: int) -> Money:
    return Money(whole * 100, "MNT")


async def test_the_demo_prices_are_real_ulaanbaatar_prices() -> None:
    app = build_app()
    accounts = await seed_demo_data(app.bundles, app.uow, app.clock)
    assert {a.email for a in accounts} >= {"artist@inkslot.local", "customer@inkslot.local"}
    async with app.uow(read_only=True) as uow:
        artist_user = await uow.users.get_by_email("artist@inkslot.local")
        assert artist_user is not None
        demo = await uow.artists.get_by_user(artist_user.id)
        assert demo is not None
        mine = await uow.services.list_for_artist(demo.id, include_inactive=True)
        offered = {s.name: s for s in mine}
        everyone = await uow.artists.list(ArtistFilter(), PageRequest(1, 100))
        prices = [
            s.price
            for artist in everyone.items
            for s in await uow.services.list_for_artist(artist.id, include_inactive=True)
        ]
    assert offered["Small tattoo (up to 5 cm)"].price == _tugrik(150_000)
    half_day = offered["Half-day session"]
    assert half_day.price == _tugrik(600_000)
    deposit = half_day.deposit_amount
    assert _tugrik(50_000) <= deposit <= _tugrik(100_000)
    assert provider_amount(deposit) == 100_000  # whole tögrög, as QPay takes it
    assert len(prices) > 12
    assert all(_tugrik(50_000) <= p <= _tugrik(1_000_000) for p in prices), prices


async def test_seeding_never_fails_on_an_unlucky_random_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A random draw can hold a part of an account's name ("ink", "art", "demo"), which the
    sign-up rules refuse: every demo account's first draw here does, and seeding still
    succeeds, each password accepted by those rules."""
    real_draw = secrets.token_urlsafe
    draws = iter(["xxInkxxArtxxDemo"] * 2 * 20)

    def unlucky_first(nbytes: int | None = None) -> str:
        return next(draws, None) or real_draw(nbytes)

    monkeypatch.setattr(secrets, "token_urlsafe", unlucky_first)
    app = build_app()
    accounts = await seed_demo_data(app.bundles, app.uow, app.clock)
    assert [a.email for a in accounts] == [
        "admin@inkslot.local",
        "customer@inkslot.local",
        "artist@inkslot.local",
    ]
    assert all("demo" not in a.password.lower() for a in accounts)
