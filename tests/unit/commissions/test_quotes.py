"""Quotes: the terms' rules against an independent reading of them, the shares of a price,
and a hypothesis state machine in which the parties (and strangers, an impostor and an
admin) offer, revise and accept quotes in any order and at any time: a request only ever
has one live quote, at most one accepted, and an expired or superseded quote is never
accepted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from booking_domain.commissions import (
    MAX_GAP_DAYS,
    MAX_NOTE,
    MAX_SESSION_MINUTES,
    MAX_SESSIONS,
    MAX_VALID,
    MIN_SESSION_MINUTES,
    DraftTerms,
    InvalidQuoteError,
    Quote,
    QuoteAlreadyAcceptedError,
    QuoteExpiredError,
    QuoteNotOfferedError,
    QuoteState,
    QuoteStatus,
    QuoteSupersededError,
    RequestActionNotAllowedError,
    RequestNotAcceptedError,
    RequestNotFoundError,
    TattooRequest,
    accept_quote,
    check_terms,
    offer_quote,
    session_prices,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.shared.money import Money
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import SERVICE_ID
from booking_domain.testing.commissions import (
    a_request,
    an_accepted_request,
    draft_terms,
    valid_terms,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STRANGER = Actor(UserId(UUID(int=77)), Role.ARTIST)
IMPOSTOR = Actor(artist().user_id, Role.CUSTOMER)
actors = st.sampled_from([customer(), artist(), admin(), STRANGER, IMPOSTOR])


def keeps_the_rules(d: DraftTerms, now: datetime) -> bool:
    """The rules of ``quotes.py`` read independently of ``check_terms``."""
    if not (1 <= d.sessions <= MAX_SESSIONS):
        return False
    minutes_ok = MIN_SESSION_MINUTES <= d.session_minutes <= MAX_SESSION_MINUTES
    if not (minutes_ok and d.session_minutes % 15 == 0):
        return False
    if d.currency not in {"MNT", "USD"}:
        return False
    prices_ok = all(1 <= p <= 10**12 and p % 100 == 0 for p in (d.price_min, d.price_max))
    if not (prices_ok and 0 <= d.deposit <= 10**12 and d.deposit % 100 == 0):
        return False
    if d.price_min > d.price_max:
        return False
    # the deposit is at most one session's share, in whole units, of the lower price
    if d.deposit > (d.price_min // 100 // d.sessions) * 100:
        return False
    if not (0 <= d.gap_days <= MAX_GAP_DAYS):
        return False
    if d.expires_at.tzinfo is None or d.expires_at.year < 1900:
        return False
    if not (now < d.expires_at <= now + MAX_VALID):
        return False
    return "\x00" not in d.note and len(d.note.strip()) <= MAX_NOTE


@given(draft_terms(T0))
def test_terms_are_taken_exactly_when_they_keep_the_rules(draft: DraftTerms) -> None:
    if keeps_the_rules(draft, T0):
        terms = check_terms(draft, T0)
        assert terms.sessions == draft.sessions
        assert terms.session_length == timedelta(minutes=draft.session_minutes)
        assert terms.price_min.amount == draft.price_min
        assert terms.deposit.amount == draft.deposit
        assert terms.gap == timedelta(days=draft.gap_days)
    else:
        with pytest.raises(InvalidQuoteError) as refused:
            check_terms(draft, T0)
        assert refused.value.errors  # every refusal names its fields


@given(st.integers(1, MAX_SESSIONS), st.integers(1, 10**10))
def test_shares_are_whole_and_add_up_to_the_price(sessions: int, units: int) -> None:
    price = Money(units * 100, "MNT")
    shares = session_prices(sessions, price)
    assert len(shares) == sessions
    assert sum(s.amount for s in shares) == price.amount
    assert all(s.amount % 100 == 0 for s in shares)
    assert all(s == shares[0] for s in shares[:-1])
    assert shares[-1].amount >= shares[0].amount


def test_quoting_waits_for_the_request_to_be_accepted() -> None:
    terms = check_terms(DraftTerms(2, 180, 600_000_00, 600_000_00, 100_000_00, "MNT", 14,
                                   T0 + timedelta(days=7)), T0)  # fmt: skip
    with pytest.raises(RequestNotAcceptedError):
        offer_quote(a_request(T0), (), artist(), terms, T0, service_id=SERVICE_ID)
    with pytest.raises(RequestNotFoundError):
        offer_quote(an_accepted_request(T0), (), STRANGER, terms, T0, service_id=SERVICE_ID)


class QuoteMachine(RuleBasedStateMachine):
    request: TattooRequest
    now: datetime
    quotes: dict[UUID, Quote]
    accepted_at: dict[UUID, datetime]

    @initialize()
    def start(self) -> None:
        self.now = T0
        self.request = an_accepted_request(T0)
        self.quotes = {}
        self.accepted_at = {}

    @rule(hours=st.integers(0, 24 * 40))
    def time_passes(self, hours: int) -> None:
        self.now += timedelta(hours=hours)

    @rule(by=actors, terms=valid_terms(T0))
    def offer(self, by: Actor, terms: DraftTerms) -> None:
        try:
            checked = check_terms(terms, self.now)
        except InvalidQuoteError:
            assert terms.expires_at <= self.now  # drawn for T0: only time can break them
            return
        before = tuple(self.quotes.values())
        try:
            offered = offer_quote(
                self.request, before, by, checked, self.now, service_id=SERVICE_ID
            )
        except RequestNotFoundError:
            assert by in (STRANGER, IMPOSTOR)
            return
        except RequestActionNotAllowedError:
            assert by in (customer(), admin())
            return
        except QuoteAlreadyAcceptedError:
            assert any(q.status is QuoteStatus.ACCEPTED for q in before)
            return
        assert by == artist()
        assert offered.quote.revision == len(before) + 1
        live = [q for q in before if q.status is QuoteStatus.OFFERED]
        assert (offered.superseded.id if offered.superseded else None) == (
            live[0].id if live else None
        )
        if offered.superseded is not None:
            assert offered.superseded.status is QuoteStatus.SUPERSEDED
            self.quotes[offered.superseded.id] = offered.superseded
        self.quotes[offered.quote.id] = offered.quote

    @rule(by=actors, pick=st.integers(0, 40))
    def accept(self, by: Actor, pick: int) -> None:
        if not self.quotes:
            return
        quote = list(self.quotes.values())[pick % len(self.quotes)]
        state = quote.state_at(self.now)
        try:
            accepted = accept_quote(self.request, quote, by, self.now)
        except RequestNotFoundError:
            assert by in (STRANGER, IMPOSTOR)
            return
        except RequestActionNotAllowedError:
            assert by in (artist(), admin())
            return
        except QuoteSupersededError:
            assert state is QuoteState.SUPERSEDED
            return
        except QuoteExpiredError:
            assert state is QuoteState.EXPIRED
            assert self.now >= quote.terms.expires_at
            return
        except QuoteNotOfferedError:
            assert state is QuoteState.ACCEPTED
            return
        assert by == customer()
        assert state is QuoteState.OFFERED and self.now < quote.terms.expires_at
        assert accepted.status is QuoteStatus.ACCEPTED
        self.quotes[quote.id] = accepted
        self.accepted_at[quote.id] = self.now

    @invariant()
    def one_live_at_most_one_accepted(self) -> None:
        statuses = [q.status for q in self.quotes.values()]
        assert statuses.count(QuoteStatus.OFFERED) <= 1
        assert statuses.count(QuoteStatus.ACCEPTED) <= 1
        if QuoteStatus.ACCEPTED in statuses:
            # the accepted one was the latest revision when it was accepted, and nothing
            # was offered after it
            accepted = next(q for q in self.quotes.values() if q.status is QuoteStatus.ACCEPTED)
            assert accepted.revision == max(q.revision for q in self.quotes.values())

    @invariant()
    def revisions_number_the_quotes(self) -> None:
        revisions = sorted(q.revision for q in self.quotes.values())
        assert revisions == list(range(1, len(revisions) + 1))


TestQuoteMachine = QuoteMachine.TestCase
