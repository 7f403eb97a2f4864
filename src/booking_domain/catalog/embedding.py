"""Where an artist's booking page may be embedded: the origins of the artist's own website.

Rules (docs/booking-page.md, "Embedding the page"):
- an origin is ``https://`` and a host name, with a port when it is not 443; no path (a
  lone ``/`` is dropped), no query, no fragment, no credentials; an artist lists at most
  ``MAX_EMBED_ORIGINS``, each once (kept in the order given);
- a host is a domain name of at least two labels whose last label is not a number; no IP
  address (an artist's site has a name), no ``localhost``, no wildcard;
- what the artist types is read as the house reads an email address
  (``accounts.emails``): NFKC-normalised and lower-cased (full-width letters are the
  letters), invisible characters refused, and letters of more than one script inside one
  label refused (``example`` spelt with a Cyrillic U+0430 is a look-alike, not a typo);
- an international name is kept in its ASCII form (IDNA, ``xn--``): what the
  Content-Security-Policy names and what the console shows back, so a look-alike wholly in
  another script is seen for what it is.

The page's ``frame-ancestors`` is then ``'self'`` and exactly these origins; with none it
stays ``'none'``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.text import is_clean_text

MAX_EMBED_ORIGINS = 5
MAX_ORIGIN_LENGTH = 200  # as typed
_MAX_HOST_LENGTH = 253
FIELD = "embedOrigins"
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_ORIGIN = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*)://(?P<rest>.*)", re.DOTALL)
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u180e")
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK"}
_HTTPS_PORT = 443
_NOT_A_HOST = "Write a host name such as studio.example."
_TOO_MANY = "List at most 5 addresses."  # MAX_EMBED_ORIGINS
_MAX_PORT = 65535


class OriginRefusedError(ValueError):
    """Why one origin is refused (its words are the field error's message)."""


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cf", "Cc", "Cs", "Co", "Cn") or ch in _INVISIBLE_LETTERS


def _scripts(label: str) -> set[str]:
    scripts = set()
    for ch in label:
        if unicodedata.category(ch).startswith("L"):
            script = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
            scripts.add(_SCRIPT_FAMILIES.get(script, script))
    return scripts


def _ascii_label(label: str) -> str:
    """One label in its ASCII form (punycode for a non-ASCII one), or refused."""
    if not label:
        raise OriginRefusedError(_NOT_A_HOST)
    try:
        if label.isascii():  # an ``xn--`` label is read back to judge its letters
            shown, label = label.encode("ascii").decode("idna"), label
        else:
            shown, label = label, label.encode("idna").decode("ascii")
    except UnicodeError:
        raise OriginRefusedError(_NOT_A_HOST) from None
    if len(_scripts(shown)) > 1 or any(_invisible(ch) for ch in shown):
        raise OriginRefusedError("Use letters of one script in each part of the address.")
    if not _LABEL.fullmatch(label):
        raise OriginRefusedError(_NOT_A_HOST)
    return label


def _host(raw: str) -> str:
    labels = raw.removesuffix(".").split(".")
    if len(labels) < 2:
        raise OriginRefusedError(_NOT_A_HOST)
    if labels[-1].isascii() and labels[-1].isdigit():
        raise OriginRefusedError("Use your site's name, not an IP address.")
    host = ".".join(_ascii_label(label) for label in labels)
    if len(host) > _MAX_HOST_LENGTH:
        raise OriginRefusedError(_NOT_A_HOST)
    return host


def _port(raw: str) -> str:
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= _MAX_PORT:
        raise OriginRefusedError("Write a port as a number from 1 to 65535.")
    return "" if int(raw) == _HTTPS_PORT else f":{int(raw)}"


def embed_origin(raw: str) -> str:
    """``raw`` as an origin the page may be framed by (``https://host[:port]``, the host in
    its ASCII form); ``OriginRefusedError`` with the reason when it is none."""
    if len(raw) > MAX_ORIGIN_LENGTH or not is_clean_text(raw):
        raise OriginRefusedError("Write an address such as https://studio.example.")
    typed = unicodedata.normalize("NFKC", raw).strip().casefold().lower()
    if any(_invisible(ch) for ch in typed):
        raise OriginRefusedError("Remove invisible characters from the address.")
    found = _ORIGIN.fullmatch(typed)
    if found is None:
        raise OriginRefusedError("Write an address such as https://studio.example.")
    if found["scheme"] != "https":
        raise OriginRefusedError("Only https addresses can embed your page.")
    rest = found["rest"].removesuffix("/")
    if any(ch in rest for ch in "/?#\\"):
        raise OriginRefusedError("Write only the site's address, without a path.")
    if "@" in rest:
        raise OriginRefusedError("Write the address without a user name or password.")
    if "*" in rest:
        raise OriginRefusedError("List each address in full, without wildcards.")
    if rest.startswith("["):
        raise OriginRefusedError("Use your site's name, not an IP address.")
    host, colon, port = rest.partition(":")
    if host.removesuffix(".") == "localhost" or host.endswith(".localhost"):
        raise OriginRefusedError("Use your site's public address.")
    return "https://" + _host(host) + (_port(port) if colon else "")


def embed_origins(raw: Iterable[str]) -> tuple[str, ...]:
    """Every origin of ``raw`` (blank lines skipped), each once, in the order given; all
    refusals at once as ``InvalidInputError`` on ``embedOrigins``."""
    kept: dict[str, None] = {}
    errors: list[FieldError] = []
    for typed in raw:
        if not typed.strip():
            continue
        try:
            kept[embed_origin(typed)] = None
        except OriginRefusedError as refused:
            errors.append(FieldError(FIELD, str(refused), "invalid_origin"))
    if len(kept) > MAX_EMBED_ORIGINS:
        errors.append(FieldError(FIELD, _TOO_MANY, "too_many"))
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return tuple(kept)


def frame_ancestors(origins: Iterable[str]) -> str:
    """The ``frame-ancestors`` sources for a page embeddable by ``origins``: ``'none'``
    without any, else ``'self'`` and exactly them."""
    listed = tuple(origins)
    return " ".join(("'self'", *listed)) if listed else "'none'"
