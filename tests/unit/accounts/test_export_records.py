"""``privacy.records``: the export's JSON never carries a secret, however deep."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.privacy import is_secret, record

names = st.from_regex(r"[a-z]{1,8}(_[a-z]{1,8}){0,2}", fullmatch=True)
leaves = st.none() | st.booleans() | st.integers() | st.text(max_size=10)
trees = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=4),
    max_leaves=20,
)


def _keys(value: object) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


@given(trees, st.sampled_from(["password_hash", "token_hash", "callback_token_hash", "secret"]))
def test_no_secret_field_survives(tree: object, secret: str) -> None:
    written = record({"outer": tree, secret: "s3cret", "nested": [{secret: "s3cret"}]})
    assert not any(is_secret(k) for k in _keys(written))
    assert "s3cret" not in repr(written)
