"""The key that seals stored secrets: required in production (start-up names it), made
once and kept private in the local profile, a list for rotation, never shown."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from adapters.security.secret_box import FernetSecretBox
from entrypoints.local_secrets import encryption_keys_for, local_encryption_key
from entrypoints.settings import Profile, Settings, SettingsError, load_settings
from tests.support.builders import TEST_ENCRYPTION_KEY


def test_production_without_the_key_refuses_to_start() -> None:
    with pytest.raises(SettingsError, match="INKSLOT_ENCRYPTION_KEY"):
        load_settings({"INKSLOT_PROFILE": "production"})
    built_in_code = Settings(profile=Profile.PRODUCTION, jwt_secret="s" * 40)
    with pytest.raises(SettingsError, match="INKSLOT_ENCRYPTION_KEY"):
        encryption_keys_for(built_in_code)


def test_the_key_is_a_list_newest_first_and_a_bad_one_is_named_not_shown() -> None:
    newest = Fernet.generate_key().decode()
    settings = load_settings({"INKSLOT_ENCRYPTION_KEY": f"{newest}, {TEST_ENCRYPTION_KEY}"})
    assert encryption_keys_for(settings) == (newest, TEST_ENCRYPTION_KEY)
    with pytest.raises(SettingsError, match="key 2 is not a Fernet key") as caught:
        load_settings({"INKSLOT_ENCRYPTION_KEY": f"{newest},not-a-key-at-all"})
    assert "not-a-key-at-all" not in str(caught.value)
    assert newest not in repr(settings) and TEST_ENCRYPTION_KEY not in repr(settings)


def test_the_local_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    settings = replace(Settings(), data_dir=tmp_path / "var")
    (first,) = encryption_keys_for(settings)
    assert encryption_keys_for(settings) == (first,)
    assert local_encryption_key(tmp_path / "var") == first
    assert (tmp_path / "var" / "encryption-key").stat().st_mode & 0o777 == 0o600
    box = FernetSecretBox([first])  # a key Fernet takes
    assert box.open(box.seal("whsec_x")) == "whsec_x"


def test_processes_starting_together_agree_on_the_local_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: local_encryption_key(tmp_path), range(16)))
    assert len(keys) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["encryption-key"]
