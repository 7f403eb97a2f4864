"""Artists' payout accounts and gateways' events in storage, in memory and on PostgreSQL:
an account round-trips and changes only by its status, one per artist and gateway; an
event is kept once by its gateway's id for it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.payments import GatewayEvent, GatewayEventKind, PayoutAccountStatus, connect
from booking_domain.shared.errors import ConflictError
from tests.support.builders import START
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def test_a_payout_account_round_trips_one_per_artist_and_gateway(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = (await add_user(uow_factory)).user_id
    opened = connect.opened(artist, "stripe", "acct_1", START)
    async with uow_factory() as uow:
        assert await uow.payout_accounts.get(artist, "stripe") is None
        await uow.payout_accounts.add(opened)
        await uow.commit()
    active = connect.apply(opened, START + timedelta(minutes=5), status=PayoutAccountStatus.ACTIVE)
    async with uow_factory() as uow:
        assert await uow.payout_accounts.get(artist, "stripe", for_update=True) == opened
        await uow.payout_accounts.update(active)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.payout_accounts.get(artist, "stripe") == active
        assert await uow.payout_accounts.get(artist, "other") is None
    with pytest.raises(ConflictError):
        async with uow_factory() as uow:
            await uow.payout_accounts.add(connect.opened(artist, "stripe", "acct_2", START))
            await uow.commit()


async def test_a_gateway_event_is_kept_once(uow_factory: AnyUnitOfWorkFactory) -> None:
    event = GatewayEvent(
        "stripe", "evt_1", "charge.refunded", GatewayEventKind.OTHER, START, raw="{}"
    )
    async with uow_factory() as uow:
        assert await uow.gateway_events.add(event, START)
        await uow.commit()
    async with uow_factory() as uow:
        assert not await uow.gateway_events.add(event, START + timedelta(seconds=1))
        same_id_elsewhere = GatewayEvent("qpay", "evt_1", "x", GatewayEventKind.OTHER, START)
        assert await uow.gateway_events.add(same_id_elsewhere, START)
        await uow.commit()
