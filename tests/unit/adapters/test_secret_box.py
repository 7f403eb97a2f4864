"""The Fernet secret box: what it seals opens again under any key of the list and only
there, reveals nothing of the secret, moves to the newest key when resealed, and takes a
value stored in the clear before sealing as it is."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from hypothesis import given
from hypothesis import strategies as st

from adapters.security.secret_box import SEALED_MARKER, FernetSecretBox
from booking_domain.shared import SecretUnreadableError

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
secrets_ = st.text(min_size=1, max_size=200)


@given(secrets_)
def test_what_is_sealed_opens_and_shows_nothing_of_the_secret(secret: str) -> None:
    box = FernetSecretBox([NEW])
    sealed = box.seal(secret)
    assert sealed.startswith(SEALED_MARKER)
    assert box.open(sealed) == secret
    if len(secret) >= 4:
        assert secret not in sealed
    assert box.seal(secret) != sealed  # a fresh IV each time


@given(secrets_)
def test_rotation_old_keys_still_open_and_reseal_moves_to_the_newest(secret: str) -> None:
    sealed_before = FernetSecretBox([OLD]).seal(secret)
    rotated = FernetSecretBox([NEW, OLD])
    assert rotated.open(sealed_before) == secret
    moved = rotated.reseal(sealed_before)
    assert moved is not None
    assert FernetSecretBox([NEW]).open(moved) == secret  # the old key is no longer needed
    assert rotated.reseal(moved) is None  # already under the newest key: nothing to write


def test_a_value_stored_in_the_clear_opens_as_it_is_and_reseals() -> None:
    box = FernetSecretBox([NEW])
    assert box.open("whsec_plain") == "whsec_plain"
    sealed = box.reseal("whsec_plain")
    assert sealed is not None and sealed.startswith(SEALED_MARKER)
    assert box.open(sealed) == "whsec_plain"


def test_a_dropped_key_or_an_altered_text_is_unreadable() -> None:
    sealed = FernetSecretBox([OLD]).seal("whsec_x")
    with pytest.raises(SecretUnreadableError):
        FernetSecretBox([NEW]).open(sealed)
    with pytest.raises(SecretUnreadableError):
        FernetSecretBox([NEW]).reseal(sealed)
    altered = sealed[:-6] + ("A" if sealed[-6] != "A" else "B") + sealed[-5:]
    with pytest.raises(SecretUnreadableError):
        FernetSecretBox([OLD]).open(altered)


def test_the_keys_never_show() -> None:
    box = FernetSecretBox([NEW, OLD])
    assert NEW not in repr(box) and OLD not in repr(box) and NEW not in str(box)
