"""Counting a booking link's page as people load it: once per visitor, link and day.

Rules (docs/booking-page.md, "What is counted"):
- a **visitor** is a keyed digest (the server's ``KeyedDigest``) of the UTC day, the client's
  address and its user agent: nothing that names a person is stored, a copy of the database
  cannot be searched for an address without the key, and since the day is in the digest a
  visitor is not followed from one day to the next;
- a **visit** is counted when the page itself is rendered for a visitor (a ``HEAD`` renders
  nothing and counts nothing), at most once per visitor, link and day;
- a **slot view** needs the **ticket** the rendered page carries: the day it was issued, the
  visitor, and a keyed digest binding both to the link. A ticket is good on its day and the
  next (a page left open over midnight) and for its own link only; anything else is refused
  (``invalid_visit`` on ``visit``) and counts nothing. A slot view also counts at most once
  per visitor, link and day, so nobody adds slot views without loading the page, nor more
  than one a page load;
- a visitor counted is needed only while its day can still be counted: the visitors of
  days before yesterday (UTC) are forgotten (``forget_visitors_before``, the worker's
  hourly purge); the counts stay.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date, timedelta

from booking_domain.accounts import KeyedDigest
from booking_domain.shared.errors import FieldError, InvalidInputError

# The digests' purpose strings: the same server key digests other things (tokens, codes).
VISITOR_PURPOSE = "booking-link-visitor"
TICKET_PURPOSE = "booking-link-visit"
# How long a ticket is good: the day it was issued and the next.
TICKET_DAYS = 2
# A user agent longer than this is cut before it is digested: it only tells visitors apart.
MAX_USER_AGENT = 512
_BAD_TICKET = "Load the booking page again: this visit is unknown or too old."


def forget_visitors_before(today: date) -> date:
    """The first day whose visitors are kept: yesterday (a slot view counts on the day it is
    made, so an older day's visitors are never asked about again; yesterday's are kept for a
    clock a little behind)."""
    return today - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class VisitorFacts:
    """What the server sees of whoever loads the page: the client's address and user agent
    (never stored as they are)."""

    address: str
    user_agent: str


def visitor_of(digest: KeyedDigest, facts: VisitorFacts, day: date) -> str:
    """The visitor ``facts`` make on ``day``: a keyed digest, the same all day long."""
    agent = facts.user_agent[:MAX_USER_AGENT]
    return digest.digest(VISITOR_PURPOSE, day.isoformat(), facts.address, agent)


def _seal(digest: KeyedDigest, link_key: str, day: date, visitor: str) -> str:
    return digest.digest(TICKET_PURPOSE, link_key, day.isoformat(), visitor)


def visit_ticket(digest: KeyedDigest, link_key: str, visitor: str, day: date) -> str:
    """The ticket a page rendered for ``visitor`` on ``day`` carries (``link_key``: what
    names the link, its id)."""
    return f"{day.isoformat()}.{visitor}.{_seal(digest, link_key, day, visitor)}"


def visitor_of_ticket(digest: KeyedDigest, link_key: str, ticket: str, today: date) -> str:
    """The visitor a good ``ticket`` of the link was issued to, else ``InvalidInputError``
    (``invalid_visit`` on ``visit``): malformed, forged, another link's, or too old."""
    issued, visitor, seal = _parts(ticket)
    if issued is None or not timedelta(0) <= today - issued < timedelta(days=TICKET_DAYS):
        raise _refused()
    expected = _seal(digest, link_key, issued, visitor)
    # As bytes: compare_digest refuses str with non-ASCII characters (a TypeError, not a no).
    if not hmac.compare_digest(seal.encode(errors="replace"), expected.encode()):
        raise _refused()
    return visitor


def _parts(ticket: str) -> tuple[date | None, str, str]:
    parts = ticket.split(".")
    if len(parts) != 3 or len(ticket) > 256:
        return None, "", ""
    try:
        issued = date.fromisoformat(parts[0])
    except ValueError:
        return None, "", ""
    return issued, parts[1], parts[2]


def _refused() -> InvalidInputError:
    return InvalidInputError(errors=(FieldError("visit", _BAD_TICKET, "invalid_visit"),))
