"""The webhook rules: which addresses a delivery may reach, which URLs an endpoint may
have, which events it hears, and how attempts are retried."""

from __future__ import annotations

import ipaddress
from datetime import timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.shared import Actor, EventId, OutboxEvent, Role, UserId
from booking_domain.webhooks import (
    DEFAULT_RETRY_DELAYS,
    EVENT_TYPES,
    AttemptOutcome,
    Delivery,
    DeliveryStatus,
    InvalidWebhookError,
    RetrySchedule,
    WebhookEndpoint,
    check_endpoint_url,
    is_public_address,
)
from tests.support.builders import START

PRIVATE_NETWORKS = [
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
    "100.64.0.0/10", "0.0.0.0/8", "224.0.0.0/4", "::1/128", "fc00::/7", "fe80::/10",
]  # fmt: skip


@given(st.sampled_from(PRIVATE_NETWORKS), st.integers(min_value=0))
def test_no_address_of_a_private_network_is_public(network: str, offset: int) -> None:
    net = ipaddress.ip_network(network)
    address = net[offset % net.num_addresses]
    assert not is_public_address(address)
    if isinstance(address, ipaddress.IPv4Address):  # nor disguised as IPv6
        assert not is_public_address(ipaddress.IPv6Address(f"::ffff:{address}"))


@pytest.mark.parametrize("address", ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
def test_addresses_on_the_internet_are_public(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.com/in", "https://127.0.0.1/in", "https://[::1]/in",
        "https://localhost/in", "https://10.1.2.3/in", "https://169.254.169.254/latest",
        "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "https:///nohost",
        "https://hooks.example.com/in#frag", "https://hooks.example.com:99999/",
        "https://hooks.example.com/\x00", " https://hooks.example.com/",
        "https://" + "a" * 2000 + ".com/",
    ],
)  # fmt: skip
def test_urls_refused_outside_local_use(url: str) -> None:
    with pytest.raises(InvalidWebhookError):
        check_endpoint_url(url, allow_private=False)


def test_local_use_allows_loopback_and_http() -> None:
    assert check_endpoint_url("http://127.0.0.1:9000/in", allow_private=True)
    assert check_endpoint_url("https://hooks.example.com/in", allow_private=False)


def an_event(type_: str, audience: tuple[UserId, ...], when: timedelta) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(uuid4()), type=type_, occurred_at=START + when, subject=f"booking/{uuid4()}",
        sequence=1, data={}, audience=audience,
    )  # fmt: skip


@given(
    chosen=st.sets(st.sampled_from(sorted(EVENT_TYPES)), min_size=1) | st.just({"*"}),
    type_=st.sampled_from(sorted(EVENT_TYPES)),
    role=st.sampled_from([Role.ARTIST, Role.ADMIN]),
    in_audience=st.booleans(),
    minutes=st.integers(min_value=-60, max_value=60),
    active=st.booleans(),
)
def test_an_endpoint_hears_exactly_the_chosen_events_its_owner_may_see_since_it_exists(
    chosen: set[str], type_: str, role: Role, in_audience: bool, minutes: int, active: bool
) -> None:
    owner = Actor(UserId(uuid4()), role)
    endpoint = WebhookEndpoint.register(owner, "https://h.example/", chosen, START)
    endpoint = endpoint.changed(START, active=active)
    audience = (owner.user_id,) if in_audience else (UserId(uuid4()),)
    event = an_event(type_, audience, timedelta(minutes=minutes))
    expected = (
        active
        and ("*" in chosen or type_ in chosen)
        and (role is Role.ADMIN or in_audience)
        and minutes >= 0
    )
    assert endpoint.wants(event) is expected


def test_unknown_or_no_event_types_are_refused() -> None:
    owner = Actor(UserId(uuid4()), Role.ARTIST)
    for events in ([], ["booking.exploded"]):
        with pytest.raises(InvalidWebhookError):
            WebhookEndpoint.register(owner, "https://h.example/", events, START)


def test_the_default_schedule_retries_for_a_day() -> None:
    assert sum(DEFAULT_RETRY_DELAYS, timedelta()) >= timedelta(hours=24)


@given(st.lists(st.sampled_from([500, 404, 302, None, 200, 204]), min_size=1, max_size=15))
def test_attempts_follow_the_schedule_until_success_or_give_up(statuses: list[int | None]) -> None:
    schedule = RetrySchedule()
    owner = Actor(UserId(uuid4()), Role.ADMIN)
    endpoint = WebhookEndpoint.register(owner, "https://h.example/", ["*"], START)
    delivery = Delivery.of(endpoint, an_event("booking.requested", (), timedelta()), START)
    now = START
    for n, status in enumerate(statuses, start=1):
        if not delivery.due:
            break
        delivery = delivery.attempted(AttemptOutcome(status), now, schedule)
        assert delivery.attempts == n
        if status is not None and 200 <= status < 300:
            assert delivery.status is DeliveryStatus.DELIVERED
        elif n > len(schedule.delays):
            assert delivery.status is DeliveryStatus.FAILED
        else:
            assert delivery.next_attempt_at == now + schedule.delays[n - 1]
        now = delivery.next_attempt_at or now


def test_a_refused_target_fails_at_once_and_redelivery_starts_afresh() -> None:
    owner = Actor(UserId(uuid4()), Role.ADMIN)
    endpoint = WebhookEndpoint.register(owner, "https://h.example/", ["*"], START)
    delivery = Delivery.of(endpoint, an_event("booking.requested", (), timedelta()), START)
    refused = delivery.attempted(
        AttemptOutcome(None, "refused", permanent=True), START, RetrySchedule()
    )
    assert refused.status is DeliveryStatus.FAILED
    again = refused.redelivered(START)
    assert again.due and again.attempts == 0


def test_an_endpoints_repr_never_shows_its_secret() -> None:
    endpoint = WebhookEndpoint.register(
        Actor(UserId(uuid4()), Role.ADMIN), "https://h.example/", ["*"], START
    )
    assert endpoint.secret not in repr(endpoint) and endpoint.secret not in str(endpoint)
