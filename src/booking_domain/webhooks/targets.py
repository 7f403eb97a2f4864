"""Where a webhook may be sent: the URL rule and the address rule (SSRF).

An endpoint's URL is ``https`` with a host name or public address, no credentials, no
fragment, at most ``MAX_URL_LENGTH`` characters. Outside local use (``allow_private``
false) a delivery must never reach the sender's own network: an address that is loopback,
private, link-local, shared (CGNAT), multicast, reserved or unspecified is refused, and so
is ``http``. The host's addresses are checked again when each delivery is sent (the
adapter resolves the name and connects to an address it checked), since DNS answers change.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import SplitResult, urlsplit

from booking_domain.shared.errors import FieldError
from booking_domain.shared.text import is_clean_text
from booking_domain.webhooks.errors import InvalidWebhookError

MAX_URL_LENGTH = 2000
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_LOCAL_NAMES = ("localhost", "localhost.localdomain")


def is_public_address(address: IpAddress) -> bool:
    """Whether a delivery may reach ``address`` when private targets are not allowed."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public_address(mapped)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def _refuse(reason: str) -> InvalidWebhookError:
    return InvalidWebhookError(errors=(FieldError("url", reason),))


def _literal_address(host: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_endpoint_url(url: str, *, allow_private: bool) -> str:
    """The URL as given when it is acceptable, else ``InvalidWebhookError``. Host names are
    not resolved here (``is_public_address`` is applied to what they resolve to at each
    delivery); literal addresses and ``localhost`` are judged at once."""
    if len(url) > MAX_URL_LENGTH or not is_clean_text(url) or url != url.strip():
        raise _refuse(f"An absolute URL of at most {MAX_URL_LENGTH} characters.")
    try:
        parts: SplitResult = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (a malformed port raises here)
    except ValueError:
        raise _refuse("Not a valid URL.") from None
    allowed_schemes = ("https", "http") if allow_private else ("https",)
    if parts.scheme not in allowed_schemes:
        raise _refuse(f"The scheme must be {' or '.join(allowed_schemes)}.")
    if not host:
        raise _refuse("The URL needs a host.")
    if parts.username is not None or parts.password is not None:
        raise _refuse("No credentials in the URL: verify deliveries by their signature.")
    if parts.fragment:
        raise _refuse("No fragment in the URL.")
    if not allow_private:
        address = _literal_address(host)
        if host.lower().rstrip(".") in _LOCAL_NAMES or host.lower().endswith(".localhost"):
            raise _refuse("Local addresses are not allowed.")
        if address is not None and not is_public_address(address):
            raise _refuse("Private, loopback and link-local addresses are not allowed.")
    return url
