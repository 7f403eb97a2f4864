"""How adapters read stored pictures back: the typed JSON decoding search uses agrees with
the dictionary reader every other repository uses, and the remembered URL path of a public
key still refuses a bad key every time."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.postgres.media import variants_from_json, variants_json, variants_of
from adapters.storage.public_keys import url_path
from booking_domain.media import Variant
from booking_domain.media.errors import InvalidKeyError

_variants = st.lists(
    st.builds(
        Variant,
        name=st.sampled_from(["large", "small"]),
        key=st.text(min_size=1, max_size=40),
        width=st.integers(1, 10_000),
        height=st.integers(1, 10_000),
        size=st.integers(0, 2**40),
        content_type=st.sampled_from(["image/webp", "image/jpeg", "image/png"]),
    ),
    max_size=4,
)


@given(_variants)
def test_typed_decoding_reads_what_the_dictionary_reader_reads(variants: list[Variant]) -> None:
    stored = json.dumps(variants_json(variants).obj)
    assert variants_from_json(stored) == variants_of(json.loads(stored)) == tuple(variants)


def test_a_bad_key_is_refused_every_time_and_a_good_one_is_quoted() -> None:
    key = "portfolio/0193/large.webp"
    assert url_path(key) == quote(key)
    assert url_path(key) == quote(key)  # remembered: the same answer
    for _ in range(2):
        with pytest.raises(InvalidKeyError):
            url_path("../secrets")
