"""Secrets kept at rest: the ``SecretBox`` port.

Some values Inkslot stores are credentials that must be read back (a webhook endpoint's
signing secret, a payment provider's tokens, a one-time code's secret): they cannot be
hashed, so they are sealed (encrypted and authenticated) before they are written and
opened when read. The storage adapters do it, so the domain handles them in the clear and
a database dump holds none of them.

Keys rotate: a box holds a list of keys, seals with the first, opens with any. A value
sealed under an older key is re-sealed under the newest by ``reseal`` (``inkslot
rotate-secrets`` walks every stored secret); a value stored before sealing existed (in the
clear, without the box's marker) is opened as it is, and re-sealed by the same walk.
"""

from __future__ import annotations

from typing import Protocol

from booking_domain.shared.errors import ServiceUnavailableError


class SecretUnreadableError(ServiceUnavailableError):
    """A stored secret was sealed under a key this deployment no longer has (a key dropped
    from the list too early), or was altered: it cannot be opened. Clients are told only
    that a service is unavailable (503); the operator's fix is the key list."""

    code = "secret_unreadable"


class SecretBox(Protocol):
    """Seals secrets for storage and opens them again. Sealing the same secret twice gives
    different texts; a sealed text reveals nothing of the secret but its rough length."""

    def seal(self, secret: str) -> str:
        """The secret as it is stored: sealed under the newest key, marked as sealed."""
        ...

    def open(self, stored: str) -> str:
        """The secret ``seal`` made ``stored`` of under any of the keys; a value without the
        sealed marker (stored in the clear before sealing) as it is. Raises
        ``SecretUnreadableError`` when no key opens it."""
        ...

    def reseal(self, stored: str) -> str | None:
        """``stored`` sealed under the newest key, or None when it already is (so a walk
        over every stored secret writes only what changes). Raises like ``open``."""
        ...
