# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The origins that may embed an artist's booking page (``catalog.embedding``): only
``https`` origins with a host name, kept in one ASCII form (an international name as
``xn--``), each once, at most five; look-alikes and invisible characters refused; whatever
is kept is safe to write into a Content-Security-Policy as it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from booking_domain.catalog import MAX_EMBED_ORIGINS, embed_origin, embed_origins, frame_ancestors
from booking_domain.catalog.embedding import OriginRefusedError
from booking_domain.shared import InvalidInputError

# What a kept origin looks like: nothing a policy could read as another directive or source.
KEPT = re.compile(
    r"https://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]*[a-z][a-z0-9-]*(?::\d{1,5})?"
)
label = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?", fullmatch=True)
tld = st.from_regex(r"[a-z]{2,10}", fullmatch=True)
hosts = st.builds(lambda ls, t: ".".join([*ls, t]), st.lists(label, min_size=1, max_size=3), tld)
ports = st.one_of(st.none(), st.integers(1, 65535))


def _typed(host: str, port: int | None) -> str:
    return f"https://{host}" + ("" if port is None else f":{port}")


@given(hosts, ports, st.booleans(), st.booleans())
def test_an_ascii_origin_is_kept_in_lower_case_without_its_slash_and_port_443(
    host: str, port: int | None, shout: bool, slash: bool
) -> None:
    typed = _typed(host.upper() if shout else host, port) + ("/" if slash else "")
    kept = embed_origin(typed)
    assert kept == _typed(host, None if port == 443 else port)
    assert KEPT.fullmatch(kept)


@given(st.text(max_size=80))
def test_whatever_is_typed_is_refused_or_kept_safe_for_a_policy(typed: str) -> None:
    try:
        kept = embed_origin(typed)
    except OriginRefusedError:
        return
    assert KEPT.fullmatch(kept), kept
    assert embed_origin(kept) == kept  # its own form


@given(st.text(st.characters(categories=["Ll", "Lo"]), min_size=1, max_size=12), tld)
def test_an_international_name_is_kept_in_its_ascii_form(name: str, top: str) -> None:
    try:
        kept = embed_origin(f"https://{name}.{top}")
    except OriginRefusedError:
        return  # mixed scripts, or no name IDNA can write
    assert kept.isascii() and KEPT.fullmatch(kept)
    assert embed_origin(kept) == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("https://bücher.example", "https://xn--bcher-kva.example"),
        ("https://пример.мн", "https://xn--e1afmkfd.xn--l1ac"),
        ("ｈｔｔｐｓ://ｓｔｕｄｉｏ．ｅｘａｍｐｌｅ", "https://studio.example"),  # full-width
        ("HTTPS://Studio.Example:443/", "https://studio.example"),
        ("https://studio.example:8443", "https://studio.example:8443"),
    ],
)
def test_typed_forms_and_their_kept_form(typed: str, kept: str) -> None:
    assert embed_origin(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "http://studio.example",  # https only
        "studio.example",
        "https://studio.example/book",  # no path
        "https://studio.example?x=1",
        "https://studio.example#top",
        "https://user:pw@studio.example",
        "https://*.studio.example",
        "https://10.0.0.1",
        "https://[::1]",
        "https://localhost",
        "https://shop.localhost",
        "https://studio",  # one label
        "https://studio.example:0",
        "https://studio.example:65536",
        "https://exаmple.com",  # a Cyrillic U+0430 among Latin letters
        "https://xn--exmple-4nf.com",  # the same look-alike, typed as punycode
        "https://stu\u200bdio.example",  # a zero-width space
        "https://studio.example\u202e",  # a direction mark
        "https://studio\x00.example",
        "https://-studio.example",
        "https://" + "a" * 64 + ".example",
        "https://studio.example; script-src *",
        "https://studio.example 'unsafe-inline'",
    ],
)
def test_what_is_no_origin_of_a_site_is_refused(typed: str) -> None:
    with pytest.raises(OriginRefusedError):
        embed_origin(typed)


@given(st.lists(st.tuples(hosts, ports), max_size=8), st.integers(0, 3))
def test_a_list_is_kept_once_each_in_order_and_at_most_five(
    given_origins: list[tuple[str, int | None]], blanks: int
) -> None:
    typed = [_typed(h, p) for h, p in given_origins] + [" "] * blanks
    distinct = list(dict.fromkeys(embed_origin(t) for t in typed if t.strip()))
    if len(distinct) > MAX_EMBED_ORIGINS:
        with pytest.raises(InvalidInputError) as refused:
            embed_origins(typed)
        assert [e.code for e in refused.value.errors] == ["too_many"]
        return
    assert list(embed_origins(typed)) == distinct
    assert embed_origins(embed_origins(typed)) == embed_origins(typed)


def test_every_refusal_of_a_list_is_said_at_once() -> None:
    with pytest.raises(InvalidInputError) as refused:
        embed_origins(["http://a.example", "https://ok.example", "https://b.example/x"])
    assert [(e.field, e.code) for e in refused.value.errors] == [
        ("embedOrigins", "invalid_origin"),
        ("embedOrigins", "invalid_origin"),
    ]


@given(st.lists(st.tuples(hosts, ports), max_size=5))
def test_frame_ancestors_are_none_or_self_and_exactly_the_origins(
    given_origins: list[tuple[str, int | None]],
) -> None:
    origins = embed_origins([_typed(h, p) for h, p in given_origins])
    sources = frame_ancestors(origins)
    if not origins:
        assert sources == "'none'"
        return
    assume(origins)
    assert sources.split(" ") == ["'self'", *origins]
    assert ";" not in sources and "," not in sources
