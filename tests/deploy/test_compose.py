"""The compose stack as written (``compose.yaml``, its proxy's nginx.conf; docs/containers.md
and docs/deployment.md), read without Docker: the rules its runs under Docker showed.

- Every network is pinned outside Docker's own address pools, so a network Docker numbers
  itself can never be handed a range that overlaps one of the stack's.
- Every long-running process that uses PostgreSQL or Redis depends on it directly: ``down``
  stops a service before what it depends on, so the API and the worker stop while the
  database still answers (a worker that loses its database mid-stop exits 1).
- The proxy reaches the replicas at fixed addresses, passes a refused request to the other
  replica and marks a failed one for a second only (a rolling restart loses no request).
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[2]
# Docker's default address pools (daemon.json's default-address-pools when unset): the
# bridge networks it numbers itself come from these.
DOCKER_POOLS = [ipaddress.ip_network("172.17.0.0/16").supernet(new_prefix=12)]
DOCKER_POOLS += [ipaddress.ip_network("192.168.0.0/16")]
LONG_RUNNING_USERS = {"INKSLOT_DATABASE_URL": "postgres", "INKSLOT_REDIS_URL": "redis"}
_VARIABLE = re.compile(r"\$\{(\w+)(?::?-([^}]*))?\}")


def interpolated(value: Any, environ: dict[str, str]) -> Any:
    """Compose's ``${NAME:-default}``, with ``environ`` over the defaults."""
    if isinstance(value, str):
        return _VARIABLE.sub(lambda m: environ.get(m.group(1)) or (m.group(2) or ""), value)
    if isinstance(value, dict):
        return {k: interpolated(v, environ) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolated(v, environ) for v in value]
    return value


def compose_file(environ: dict[str, str] | None = None) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return dict(interpolated(loaded, environ or {}))


def subnets(compose: dict[str, Any]) -> dict[str, ipaddress.IPv4Network]:
    found = {}
    for name, network in compose["networks"].items():
        config = ((network or {}).get("ipam") or {}).get("config") or []
        assert config, f"network {name} takes whatever range Docker hands out"
        (entry,) = config
        found[name] = ipaddress.IPv4Network(entry["subnet"])
    return found


def test_every_network_is_pinned_outside_dockers_own_pools() -> None:
    pinned = subnets(compose_file())
    for name, subnet in pinned.items():
        for pool in DOCKER_POOLS:
            assert not subnet.overlaps(pool), f"{name} ({subnet}) lies in Docker's pool {pool}"
    ranges = list(pinned.values())
    for i, one in enumerate(ranges):
        assert not any(one.overlaps(other) for other in ranges[i + 1 :]), pinned


def test_one_setting_moves_every_network_and_fixed_address_together() -> None:
    moved = compose_file({"INKSLOT_NETWORK_PREFIX": "10.77"})
    pinned = subnets(moved)
    assert all(s.subnet_of(ipaddress.IPv4Network("10.77.0.0/16")) for s in pinned.values())
    for name, service in moved["services"].items():
        for network, attached in fixed_addresses(service).items():
            assert ipaddress.IPv4Address(attached) in pinned[network], name
    trusted = moved["services"]["api-1"]["environment"]["INKSLOT_TRUSTED_PROXIES"]
    assert trusted == fixed_addresses(moved["services"]["proxy"])["edge"]


def fixed_addresses(service: dict[str, Any]) -> dict[str, str]:
    networks = service.get("networks") or {}
    if isinstance(networks, list):
        return {}
    return {n: a["ipv4_address"] for n, a in networks.items() if a and "ipv4_address" in a}


def test_long_running_services_depend_directly_on_the_stores_they_use() -> None:
    compose = compose_file()
    checked = []
    for name, service in compose["services"].items():
        if service.get("restart", "no") == "no":
            continue  # the one-shot migrate and seed are done before the rest start
        environment = service.get("environment") or {}
        depends_on = service.get("depends_on") or {}
        for variable, store in LONG_RUNNING_USERS.items():
            if environment.get(variable):
                assert store in depends_on, f"{name} uses {store} but does not depend on it"
                assert depends_on[store]["condition"] == "service_healthy", name
                checked.append(name)
    assert {"api-1", "api-2", "worker"} <= set(checked)


def nginx_conf() -> str:
    return (ROOT / "deploy" / "compose" / "proxy" / "nginx.conf").read_text()


def test_the_proxy_reaches_each_replica_at_its_fixed_address() -> None:
    compose = compose_file()
    upstreams = re.findall(r"^\s*server (\S+):8000\b", nginx_conf(), re.M)
    assert upstreams == ["api-1", "api-2"]
    for name in upstreams:
        assert "edge" in fixed_addresses(compose["services"][name]), name


def test_the_proxy_retries_the_other_replica_and_forgets_a_failure_quickly() -> None:
    conf = nginx_conf()
    marks = re.findall(r"fail_timeout=(\d+)s", conf)
    assert marks and all(int(m) <= 1 for m in marks), marks
    for location in re.split(r"\blocation\b", conf)[1:]:
        if "proxy_pass" not in location:
            continue
        retried = re.search(r"proxy_next_upstream ([^;]+);", location)
        assert retried and {"error", "timeout"} <= set(retried.group(1).split()), location
        assert re.search(r"proxy_next_upstream_tries [2-9];", location), location
        connect = re.search(r"proxy_connect_timeout (\d+)s;", location)
        assert connect and int(connect.group(1)) <= 1, location


def test_the_api_drains_before_it_stops() -> None:
    for name in ("api-1", "api-2"):
        environment = compose_file()["services"][name]["environment"]
        assert float(environment["INKSLOT_SHUTDOWN_DRAIN_SECONDS"]) > 0, name
