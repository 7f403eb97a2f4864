"""The address rule against IANA's special-purpose registries, block by block, and the
URLs the sender cannot read: refused at registration, and recorded as a failed attempt
(never left pending) when one was stored before the rule."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.system.clock import ManualClock
from adapters.webhooks.http import HttpWebhookSender, IpAddress
from booking_domain.shared import EventId, OutboxEvent, Role
from booking_domain.webhooks import (
    AttemptOutcome,
    Delivery,
    DeliveryStatus,
    InvalidWebhookError,
    RetrySchedule,
    WebhookEndpoint,
    check_endpoint_url,
    is_public_address,
)
from booking_domain.webhooks.special_addresses import IPV4_SPECIAL_PURPOSE, IPV6_SPECIAL_PURPOSE
from booking_domain.webhooks.use_cases import WebhooksDeps, WebhookUseCases
from tests.contract.outbox.test_outbox_contract import feed_of
from tests.support.builders import START
from tests.support.catalog import add_user
from tests.support.storage import MemoryUnits, memory_units

BLOCKS = [block for block, _ in IPV4_SPECIAL_PURPOSE + IPV6_SPECIAL_PURPOSE]
UNREADABLE = [
    "https://0177.0.0.1/in",  # octal-looking: resolvers read 127.0.0.1
    "https://" + "a" * 64 + ".example.com/in",  # a label the resolver cannot encode
    "https://hooks..example.com/in",
    "https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/in",  # full-width digits
    "https://\uff10.\uff10.\uff10.\uff10/in",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_no_address_of_a_special_purpose_block_is_public(block: str) -> None:
    net = ipaddress.ip_network(block)
    for address in (net[0], net[-1], net[net.num_addresses // 2]):
        assert not is_public_address(address), address


@given(st.ip_addresses())
def test_whatever_python_calls_not_global_is_refused_too(address: IpAddress) -> None:
    if not address.is_global:
        assert not is_public_address(address)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("fec0::1", False),  # site-local: Python 3.11 calls it global
        ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8: judged by the IPv4 address
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("::ffff:8.8.8.8", False),  # IPv4-mapped: never a receiver's address
        ("2606:4700:4700::1111", True),
        ("8.8.8.8", True),
    ],
)
def test_translated_and_deprecated_addresses(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize(
    "url",
    [
        "https://[fec0::1]/in", "https://[fec0::1%25eth0]/in", "https://0177.0.0.1/in",
        "https://0x7f.1/in", "https://2130706433/in", "https://127.1/in",
        "https://127.0.0.1./in", "https://[64:ff9b::7f00:1]/in",
    ],
)  # fmt: skip
def test_special_and_odd_addresses_are_refused_outside_local_use(url: str) -> None:
    with pytest.raises(InvalidWebhookError):
        check_endpoint_url(url, allow_private=False)


@pytest.mark.parametrize("url", ["https://0177.0.0.1/in", "https://0x7f.1/in"])
def test_odd_address_forms_are_refused_even_in_local_use(url: str) -> None:
    with pytest.raises(InvalidWebhookError):
        check_endpoint_url(url, allow_private=True)


def resolving_to(*addresses: str) -> HttpWebhookSender:
    async def resolve(host: str, port: int) -> list[IpAddress]:
        return [ipaddress.ip_address(a) for a in addresses]

    return HttpWebhookSender(allow_private_targets=False, resolve=resolve)


pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("url", UNREADABLE)
@pytest.mark.parametrize("allow_private", [True, False])
async def test_the_sender_refuses_what_it_cannot_read(url: str, allow_private: bool) -> None:
    sender = HttpWebhookSender(allow_private_targets=allow_private)
    try:
        assert await sender.refusal(url) is not None
        outcome = await sender.send(url, secret=SECRET, message_id="m", body={})
        assert outcome.permanent and outcome.error and outcome.status_code is None
    finally:
        await sender.close()


async def test_the_sender_refuses_a_name_resolving_to_a_private_address() -> None:
    for addresses, refused in ((["203.0.114.1", "fec0::1"], True), (["8.8.8.8"], False)):
        sender = resolving_to(*addresses)
        try:
            assert (await sender.refusal("https://hooks.example.com/in") is not None) is refused
        finally:
            await sender.close()


SECRET = "whsec_" + "QUJD" * 11


@dataclass
class BrokenSender:
    """A sender that fails in a way nobody foresaw."""

    async def refusal(self, url: str) -> str | None:
        return None

    async def send(self, *_: object, **__: object) -> AttemptOutcome:
        raise RuntimeError("unforeseen")


def use_cases(
    uow: MemoryUnits, sender: HttpWebhookSender | BrokenSender, private: bool
) -> WebhookUseCases:
    deps = WebhooksDeps(
        uow=uow, feed=feed_of(uow), webhook_sender=sender, clock=ManualClock(START),
        allow_private_targets=private, retries=RetrySchedule(),
    )  # fmt: skip
    return WebhookUseCases.build(deps)


@pytest.mark.parametrize("url", UNREADABLE)
async def test_registration_refuses_what_the_sender_cannot_read(url: str) -> None:
    uow = memory_units()
    sender = HttpWebhookSender(allow_private_targets=True)
    hooks = use_cases(uow, sender, private=True)
    admin = await add_user(uow, Role.ADMIN)
    with pytest.raises(InvalidWebhookError):
        await hooks.register_webhook(admin, url, ["*"])
    assert await hooks.list_webhooks(admin) == []
    await sender.close()


async def stored_delivery(uow: MemoryUnits, url: str) -> Delivery:
    """An endpoint stored as it was before the rule, with one delivery due."""
    admin = await add_user(uow, Role.ADMIN)
    endpoint = WebhookEndpoint.register(admin, url, ["*"], START)
    event = OutboxEvent(
        id=EventId(uuid4()),
        type="booking.requested", occurred_at=START, subject="booking/x", sequence=1,
        data={}, audience=(),
    )  # fmt: skip
    delivery = Delivery.of(endpoint, event, START)
    async with uow() as unit:
        await unit.webhooks.add(endpoint)
        await unit.deliveries.add_many([delivery])
        await unit.commit()
    return delivery


@pytest.mark.parametrize("url", UNREADABLE)
async def test_a_stored_unreadable_url_fails_its_delivery_on_the_record(url: str) -> None:
    uow = memory_units()
    sender = HttpWebhookSender(allow_private_targets=True)
    delivery = await stored_delivery(uow, url)
    recorded = await use_cases(uow, sender, private=True).deliver_webhook(delivery.id)
    await sender.close()
    assert recorded is not None
    assert (recorded.status, recorded.attempts) == (DeliveryStatus.FAILED, 1)
    assert recorded.last_error and "refused" in recorded.last_error


async def test_any_failure_of_an_attempt_is_recorded_with_its_error() -> None:
    uow = memory_units()
    delivery = await stored_delivery(uow, "https://hooks.example.com/in")
    recorded = await use_cases(uow, BrokenSender(), private=False).deliver_webhook(delivery.id)
    assert recorded is not None
    assert (recorded.status, recorded.attempts) == (DeliveryStatus.PENDING, 1)
    assert recorded.last_error == "the attempt failed (RuntimeError)"
    assert recorded.next_attempt_at is not None
