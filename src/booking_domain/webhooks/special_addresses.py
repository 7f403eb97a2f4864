"""The address blocks a webhook delivery never reaches, from IANA's registries.

Sources (the blocks below are copied from them, each with the name the registry gives it):

- IANA IPv4 Special-Purpose Address Registry,
  https://www.iana.org/assignments/iana-ipv4-special-registry/ (RFC 6890 and its updates);
- IANA IPv6 Special-Purpose Address Registry,
  https://www.iana.org/assignments/iana-ipv6-special-registry/ (RFC 6890 and its updates);
- IANA IPv4 Address Space Registry (``224.0.0.0/4`` multicast) and IANA IPv6 Address Space
  Registry (only ``2000::/3`` is allocated as global unicast; ``fec0::/10`` is the
  deprecated site-local block, RFC 3879), for what the special-purpose registries leave out.

Every special-purpose block is refused, including the few the registry marks globally
reachable (anycast service addresses, AS112, AMT, ORCHIDv2, DETs): no webhook receiver
lives there, and one rule with no exceptions is easier to trust. Python's
``ipaddress.is_global`` is not used alone: in Python 3.11 it calls ``fec0::1`` (site-local)
and several newer blocks global. The one exception is the IPv4/IPv6 translation prefix
``64:ff9b::/96`` (NAT64, RFC 6052): an address there is judged by the IPv4 address it
carries, since that is where a NAT64 gateway connects.
"""

from __future__ import annotations

import ipaddress

IPV4_SPECIAL_PURPOSE: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "This network"),
    ("0.0.0.0/32", "This host on this network"),
    ("10.0.0.0/8", "Private-Use"),
    ("100.64.0.0/10", "Shared Address Space"),
    ("127.0.0.0/8", "Loopback"),
    ("169.254.0.0/16", "Link Local"),
    ("172.16.0.0/12", "Private-Use"),
    ("192.0.0.0/24", "IETF Protocol Assignments"),
    ("192.0.0.0/29", "IPv4 Service Continuity Prefix"),
    ("192.0.0.8/32", "IPv4 dummy address"),
    ("192.0.0.9/32", "Port Control Protocol Anycast"),
    ("192.0.0.10/32", "Traversal Using Relays around NAT Anycast"),
    ("192.0.0.170/32", "NAT64/DNS64 Discovery"),
    ("192.0.0.171/32", "NAT64/DNS64 Discovery"),
    ("192.0.2.0/24", "Documentation (TEST-NET-1)"),
    ("192.31.196.0/24", "AS112-v4"),
    ("192.52.193.0/24", "AMT"),
    ("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)"),
    ("192.168.0.0/16", "Private-Use"),
    ("192.175.48.0/24", "Direct Delegation AS112 Service"),
    ("198.18.0.0/15", "Benchmarking"),
    ("198.51.100.0/24", "Documentation (TEST-NET-2)"),
    ("203.0.113.0/24", "Documentation (TEST-NET-3)"),
    ("240.0.0.0/4", "Reserved"),
    ("255.255.255.255/32", "Limited Broadcast"),
    # IPv4 Address Space Registry:
    ("224.0.0.0/4", "Multicast"),
)

IPV6_SPECIAL_PURPOSE: tuple[tuple[str, str], ...] = (
    ("::1/128", "Loopback Address"),
    ("::/128", "Unspecified Address"),
    ("::ffff:0:0/96", "IPv4-mapped Address"),
    ("64:ff9b:1::/48", "IPv4-IPv6 Translat. (local use)"),
    ("100::/64", "Discard-Only Address Block"),
    ("100:0:0:1::/64", "Dummy IPv6 Prefix"),
    ("2001::/23", "IETF Protocol Assignments"),
    ("2001::/32", "TEREDO"),
    ("2001:1::1/128", "Port Control Protocol Anycast"),
    ("2001:1::2/128", "Traversal Using Relays around NAT Anycast"),
    ("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast"),
    ("2001:2::/48", "Benchmarking"),
    ("2001:3::/32", "AMT"),
    ("2001:4:112::/48", "AS112-v6"),
    ("2001:10::/28", "Deprecated (previously ORCHID)"),
    ("2001:20::/28", "ORCHIDv2"),
    ("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix"),
    ("2001:db8::/32", "Documentation"),
    ("2002::/16", "6to4"),
    ("2620:4f:8000::/48", "Direct Delegation AS112 Service"),
    ("3fff::/20", "Documentation"),
    ("5f00::/16", "Segment Routing (SRv6) SIDs"),
    ("fc00::/7", "Unique-Local"),
    ("fe80::/10", "Link-Local Unicast"),
    # IPv6 Address Space Registry (all of these lie outside 2000::/3 as well):
    ("fec0::/10", "Reserved by IETF (deprecated site-local)"),
    ("ff00::/8", "Multicast"),
)

GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")  # IPv6 Address Space Registry
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052, judged by its IPv4 part

_V4_BLOCKS = tuple(ipaddress.IPv4Network(block) for block, _ in IPV4_SPECIAL_PURPOSE)
_V6_BLOCKS = tuple(ipaddress.IPv6Network(block) for block, _ in IPV6_SPECIAL_PURPOSE)


def special_purpose_block(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> str | None:
    """The registry's name of a block ``address`` lies in (or of the reason it is not a
    public address), None when it is an ordinary public unicast address."""
    if isinstance(address, ipaddress.IPv4Address):
        return next(
            (name for (_, name), net in zip(IPV4_SPECIAL_PURPOSE, _V4_BLOCKS, strict=True)
             if address in net),
            None,
        )  # fmt: skip
    if address in NAT64_PREFIX:
        return special_purpose_block(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    named = next(
        (name for (_, name), net in zip(IPV6_SPECIAL_PURPOSE, _V6_BLOCKS, strict=True)
         if address in net),
        None,
    )  # fmt: skip
    if named is None and address not in GLOBAL_UNICAST_V6:
        return "Not global unicast (outside 2000::/3)"
    return named
