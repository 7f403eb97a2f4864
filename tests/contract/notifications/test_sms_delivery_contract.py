"""Delivery reports of sent texts on every adapter: a sent text is found by its provider's
reference and its delivery status stored; the status only moves forward; reports of texts
we never sent, of another channel, or not signed change nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import timedelta

import pytest

from booking_domain.notifications import (
    Channel,
    DeliveryReport,
    DeliveryStatus,
    Notification,
    NotificationId,
    NotificationStatus,
    UnsignedDeliveryReportError,
)
from booking_domain.notifications.use_cases import NotificationsDeps, RecordSmsDelivery
from booking_domain.shared import new_uuid7
from tests.contract.notifications.test_notifications_contract import (
    all_notifications,
    book,
    world,
)
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
SIGNED = "signed"


class Reports:
    """A provider whose reports carry ``sid``, ``status`` and ``code``, signed ``SIGNED``."""

    def read(self, params: Mapping[str, str], signature: str) -> DeliveryReport | None:
        if signature != SIGNED:
            raise UnsignedDeliveryReportError()
        return DeliveryReport(params["sid"], DeliveryStatus(params["status"]), params.get("code"))


async def sent_texts(
    uow_factory: AnyUnitOfWorkFactory, *references: str, channel: Channel = Channel.SMS
) -> list[Notification]:
    """Notifications sent on ``channel`` with these provider references, stored."""
    w = await world(uow_factory)
    await book(w)
    await w.notifications.plan_notifications()
    model = (await all_notifications(w))[0]
    made = [
        dataclasses.replace(
            model,
            id=NotificationId(new_uuid7()),
            key=f"{model.key}:{reference}",
            channel=channel,
            status=NotificationStatus.SENT,
            attempts=1,
            reference=reference,
            next_attempt_at=None,
        )
        for reference in references
    ]
    async with uow_factory() as uow:
        assert len(await uow.notifications.add_new(made)) == len(made)
        await uow.commit()
    return made


def record(uow_factory: AnyUnitOfWorkFactory, minutes: int = 1) -> RecordSmsDelivery:
    from adapters.system.clock import ManualClock
    from tests.contract.outbox.test_outbox_contract import feed_of
    from tests.support.channels import RecordingEmail, RecordingSms

    clock = ManualClock(START + timedelta(minutes=minutes))
    deps = NotificationsDeps(
        uow=uow_factory, feed=feed_of(uow_factory), clock=clock,
        email=RecordingEmail(), sms=RecordingSms(), renderer=None,  # type: ignore[arg-type]
        retries=None,  # type: ignore[arg-type]
        app_url="https://app.example", mail_domain="inkslot.test", sms_reports=Reports(),
    )  # fmt: skip
    return RecordSmsDelivery(deps)


async def stored(uow_factory: AnyUnitOfWorkFactory, n: Notification) -> Notification:
    async with uow_factory(read_only=True) as uow:
        found = await uow.notifications.get(n.id)
    assert found is not None
    return found


async def test_a_sent_text_is_found_by_its_reference_and_its_delivery_is_stored(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    text, other = await sent_texts(uow_factory, "SM-one", "SM-two")
    [email] = await sent_texts(uow_factory, "SM-three", channel=Channel.EMAIL)
    async with uow_factory() as uow:
        found = await uow.notifications.lock_sms_by_reference("SM-one")
        assert found == text
        assert await uow.notifications.lock_sms_by_reference("SM-none") is None
        assert await uow.notifications.lock_sms_by_reference("SM-three") is None  # an email
        assert found is not None
        reported = found.reported(
            DeliveryReport("SM-one", DeliveryStatus.UNDELIVERED, "30003"), START
        )
        await uow.notifications.update(reported)
        await uow.commit()

    after = await stored(uow_factory, text)
    assert after == reported
    assert (after.delivery_status, after.delivery_error, after.delivery_reported_at) == (
        DeliveryStatus.UNDELIVERED, "30003", START,
    )  # fmt: skip
    assert await stored(uow_factory, other) == other
    assert await stored(uow_factory, email) == email


async def test_the_delivery_status_survives_update_many(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    [text] = await sent_texts(uow_factory, "SM-many")
    reported = text.reported(DeliveryReport("SM-many", DeliveryStatus.SENT), START)
    async with uow_factory() as uow:
        await uow.notifications.update_many([reported])
        await uow.commit()

    assert (await stored(uow_factory, text)).delivery_status is DeliveryStatus.SENT


async def test_a_status_only_moves_forward(uow_factory: AnyUnitOfWorkFactory) -> None:
    [text] = await sent_texts(uow_factory, "SM-forward")

    async def report(status: str, minutes: int, code: str | None = None) -> bool:
        params = {"sid": "SM-forward", "status": status, **({"code": code} if code else {})}
        return await record(uow_factory, minutes)(params, SIGNED)

    assert await report("sent", 1)
    assert not await report("queued", 2)  # late news of an earlier stage
    assert not await report("sent", 3)  # the same again
    assert await report("delivered", 4)
    assert not await report("failed", 5, "30008")  # a final status stays
    assert not await report("undelivered", 6, "30003")

    after = await stored(uow_factory, text)
    assert after.delivery_status is DeliveryStatus.DELIVERED and after.delivery_error is None
    assert after.delivery_reported_at == START + timedelta(minutes=4)
    assert (after.status, after.attempts) == (NotificationStatus.SENT, 1)  # the send's own


async def test_reports_of_unknown_texts_are_ignored_and_unsigned_ones_refused(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    [text] = await sent_texts(uow_factory, "SM-mine")
    use_case = record(uow_factory)

    assert not await use_case({"sid": "SM-not-ours", "status": "delivered"}, SIGNED)
    with pytest.raises(UnsignedDeliveryReportError):
        await use_case({"sid": "SM-mine", "status": "delivered"}, "forged")
    unconfigured = RecordSmsDelivery(dataclasses.replace(use_case._deps, sms_reports=None))
    with pytest.raises(UnsignedDeliveryReportError):
        await unconfigured({"sid": "SM-mine", "status": "delivered"}, SIGNED)

    assert await stored(uow_factory, text) == text
