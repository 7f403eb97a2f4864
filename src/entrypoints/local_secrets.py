"""The secrets tokens are signed and stored secrets sealed with: the settings' own, or, in
the local profile only, ones made once and kept in ``data_dir`` (mode 600) so that they
survive a restart of ``make run``. Production never makes one up.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from entrypoints.setting_values import PREFIX
from entrypoints.settings import Settings, SettingsError


def jwt_secret_for(settings: Settings) -> str:
    """The secret access tokens are signed with: the setting, else (local profile only) the
    one kept in ``data_dir``."""
    if settings.jwt_secret:
        return settings.jwt_secret
    if settings.is_local:
        return local_jwt_secret(settings.data_dir)
    raise ValueError("INKSLOT_JWT_SECRET is required outside the local profile")


def local_jwt_secret(data_dir: Path) -> str:
    """The local profile's signing secret: made once, kept in ``data_dir`` (mode 600) so that
    tokens survive a restart of ``make run``."""
    path = data_dir / "jwt-secret"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    path.touch(mode=0o600)
    path.write_text(secret)
    return secret


def encryption_keys_for(settings: Settings) -> tuple[str, ...]:
    """The keys that seal stored secrets: ``INKSLOT_ENCRYPTION_KEY``, else (local profile
    only) the key kept in ``data_dir``. Production never makes one up: without the setting
    it refuses to start (``load_settings`` names it; this guards ``Settings`` built in code)."""
    if settings.encryption_keys:
        return settings.encryption_keys
    if not settings.is_local:
        raise SettingsError(f"missing required settings for production: {PREFIX}ENCRYPTION_KEY")
    return (local_encryption_key(settings.data_dir),)


def local_encryption_key(data_dir: Path) -> str:
    """The local profile's key: made once and kept in ``data_dir`` (created with mode 600,
    so no other user can read it), so sealed secrets open after a restart of ``make run``.
    Processes starting together agree: the key is written whole to a file of this process's
    own, then linked into place, which only one of them can do; the others read it."""
    path = data_dir / "encryption-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        draft = data_dir / f".encryption-key.{os.getpid()}.{secrets.token_hex(8)}"
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass  # another process made it first: its key is the one
        finally:
            draft.unlink()
    return path.read_text().strip()
