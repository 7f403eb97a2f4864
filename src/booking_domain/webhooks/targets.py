"""Where a webhook may be sent: the URL rule and the address rule (SSRF).

An endpoint's URL is ``https`` with a host name or public address, no credentials, no
fragment, at most ``MAX_URL_LENGTH`` characters. An IPv4 address is written in dotted
decimal: a host whose last label is a number (``0177.0.0.1``, ``0x7f.1``, ``2130706433``)
is an address in a form resolvers read differently, and is refused. Outside local use
(``allow_private`` false) a delivery must never reach the sender's own network: an address
in any block of IANA's special-purpose registries (``special_addresses.py``: loopback,
private, link-local, shared, site-local, documentation, multicast, reserved ...) is
refused, and so is ``http``.

This rule is the first filter; the sender has the last word on the same URL, at
registration and again at each delivery (``WebhookSender.refusal``): it parses the URL as
it will send it and resolves the host, since a URL its parser cannot read could never be
delivered and DNS answers change.
"""

from __future__ import annotations

import ipaddress
import string
from urllib.parse import SplitResult, urlsplit

from booking_domain.shared.errors import FieldError
from booking_domain.shared.text import is_clean_text
from booking_domain.webhooks.errors import InvalidWebhookError
from booking_domain.webhooks.special_addresses import special_purpose_block

MAX_URL_LENGTH = 2000
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def is_public_address(address: IpAddress) -> bool:
    """Whether a delivery may reach ``address`` when private targets are not allowed: it
    lies in no block of IANA's special-purpose registries."""
    return special_purpose_block(address) is None


def refused_url(reason: str) -> InvalidWebhookError:
    """The refusal of an endpoint's URL, with the reason on its ``url`` field."""
    return InvalidWebhookError(errors=(FieldError("url", reason),))


def _numeric_label(label: str) -> bool:
    """A label an IPv4 parser reads as a number (decimal, octal or hex); no DNS name ends in
    one, since top-level domains are never numeric."""
    label = label.lower()
    if label.startswith("0x"):
        return all(c in string.hexdigits for c in label[2:])
    return label.isascii() and label.isdigit()


def _refuse_odd_address(host: str, address: IpAddress | None) -> None:
    if address is None and _numeric_label(host.rstrip(".").rsplit(".", 1)[-1]):
        raise refused_url("Write an IPv4 address in dotted decimal, without leading zeros.")


def _literal_address(host: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_endpoint_url(url: str, *, allow_private: bool) -> str:
    """The URL as given when it passes the rule, else ``InvalidWebhookError``. Host names
    are not resolved here (the sender resolves them: ``WebhookSender.refusal``); literal
    addresses and ``localhost`` are judged at once."""
    if len(url) > MAX_URL_LENGTH or not is_clean_text(url) or url != url.strip():
        raise refused_url(f"An absolute URL of at most {MAX_URL_LENGTH} characters.")
    try:
        parts: SplitResult = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (a malformed port raises here)
    except ValueError:
        raise refused_url("Not a valid URL.") from None
    allowed_schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in allowed_schemes:
        raise refused_url(f"The scheme must be {' or '.join(allowed_schemes)}.")
    if not host:
        raise refused_url("The URL needs a host.")
    if parts.username is not None or parts.password is not None:
        raise refused_url("No credentials in the URL: verify deliveries by their signature.")
    if parts.fragment:
        raise refused_url("No fragment in the URL.")
    address = _literal_address(host)
    _refuse_odd_address(host, address)
    if not allow_private:
        if host.lower().rstrip(".") in _LOCAL_NAMES or host.lower().endswith(".localhost"):
            raise refused_url("Local addresses are not allowed.")
        if address is not None and not is_public_address(address):
            raise refused_url("Private, loopback and link-local addresses are not allowed.")
    return url
