"""Secrets sealed with Fernet (the ``cryptography`` package): AES-128-CBC with an
HMAC-SHA256, a timestamp and a random IV per token; keys rotate through ``MultiFernet``.

The keys come from ``INKSLOT_ENCRYPTION_KEY``: one or more Fernet keys (each the urlsafe
base64 of 32 random bytes, as ``Fernet.generate_key()`` makes them), separated by commas,
the newest first. The first seals; every one opens. To rotate: put a new key first, keep
the old ones after it, run ``inkslot rotate-secrets``, then drop the old keys.

A sealed value is stored as ``sealed:v1:`` followed by the Fernet token. A value without
that marker is one written in the clear before sealing existed: it is opened as it is and
re-sealed by ``inkslot rotate-secrets`` (no stored secret ever starts with the marker by
chance: signing secrets start ``whsec_``, provider tokens are JWTs or opaque tokens).
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from booking_domain.shared import SecretBox, SecretUnreadableError

SEALED_MARKER = "sealed:v1:"


def new_key() -> str:
    """A fresh key, in the form ``INKSLOT_ENCRYPTION_KEY`` takes."""
    return Fernet.generate_key().decode()


def parse_keys(raw: str) -> tuple[str, ...]:
    """The keys of a comma-separated list, each checked; raises ``ValueError`` naming the
    position of a bad one (never the key itself)."""
    keys = tuple(part.strip() for part in raw.split(",") if part.strip())
    if not keys:
        raise ValueError("expected one or more Fernet keys, separated by commas")
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ValueError(
                f"key {position} is not a Fernet key (urlsafe base64 of 32 bytes)"
            ) from None
    return keys


class FernetSecretBox(SecretBox):
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("a secret box needs at least one key")
        self._newest = Fernet(keys[0])
        self._all = MultiFernet([Fernet(k) for k in keys])

    def __repr__(self) -> str:
        return "FernetSecretBox(<keys hidden>)"

    def seal(self, secret: str) -> str:
        return SEALED_MARKER + self._newest.encrypt(secret.encode()).decode()

    def open(self, stored: str) -> str:
        if not stored.startswith(SEALED_MARKER):
            return stored
        try:
            return self._all.decrypt(_token(stored)).decode()
        except InvalidToken:
            raise SecretUnreadableError() from None

    def reseal(self, stored: str) -> str | None:
        if not stored.startswith(SEALED_MARKER):
            return self.seal(stored)
        token = _token(stored)
        try:
            self._newest.decrypt(token)
        except InvalidToken:
            try:
                return SEALED_MARKER + self._all.rotate(token).decode()
            except InvalidToken:
                raise SecretUnreadableError() from None
        return None


def _token(stored: str) -> bytes:
    return stored.removeprefix(SEALED_MARKER).encode()
