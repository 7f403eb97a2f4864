"""The ledger's rules on any stream of payments collected and refunds paid back, with payouts
between them: every balance is the sum of its entries, a booking never gives back more than
it collected, its fee never comes back twice, and a booking refunded in full leaves nothing
on the account; a payout pays at most what is owed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.payouts import (
    Account,
    BookingMoney,
    Collected,
    Entry,
    EntryKind,
    FeeRule,
    NothingToPayOutError,
    PaidBack,
    PayoutExceedsBalanceError,
    PayoutOrder,
    apply,
    collection_entries,
    enter,
    payout_entry,
    refund_entries,
)
from booking_domain.shared import ArtistId, BookingId, EventId, InvalidInputError, Money, UserId

NOW = datetime(2026, 11, 28, 9, tzinfo=UTC)
ARTIST = ArtistId(uuid4())
ADMIN = UserId(uuid4())
BOOKINGS = [BookingId(uuid4()) for _ in range(3)]


@dataclass
class Books:
    """One artist's MNT account, kept by the rules alone."""

    rule: FeeRule
    account: Account = field(default_factory=lambda: Account(ARTIST, "MNT"))
    entries: list[Entry] = field(default_factory=list)

    def of_booking(self, booking: BookingId) -> BookingMoney:
        sums: dict[EntryKind, int] = defaultdict(int)
        for e in self.entries:
            if e.booking_id == booking:
                sums[e.kind] += e.amount.amount
        return BookingMoney(
            sums[EntryKind.COLLECTED], sums[EntryKind.FEE], sums[EntryKind.REFUNDED],
            sums[EntryKind.FEE_RETURNED], sums[EntryKind.TRANSFERRED],
            sums[EntryKind.TRANSFER_REVERSED],
        )  # fmt: skip

    def enter(self, entries: list[Entry]) -> None:
        self.account, numbered = enter(self.account, entries)
        self.entries.extend(numbered)


def _collected(booking: BookingId, amount: int) -> Collected:
    return Collected(EventId(uuid4()), booking, uuid4().hex, Money(amount, "MNT"), "qpay")


def _paid_back(booking: BookingId, amount: int) -> PaidBack:
    return PaidBack(EventId(uuid4()), booking, str(uuid4()), Money(amount, "MNT"))


steps = st.lists(
    st.tuples(
        st.sampled_from(["collect", "refund", "payout"]),
        st.sampled_from(BOOKINGS),
        st.integers(min_value=1, max_value=10**9),
    ),
    max_size=25,
)
rules = st.builds(FeeRule, st.integers(min_value=0, max_value=3_000), st.just({"MNT": 50_000}))


@given(rules, steps)
def test_every_balance_is_the_sum_of_its_entries_and_refunds_never_overdraw(
    rule: FeeRule, script: list[tuple[str, BookingId, int]]
) -> None:
    books = Books(rule)
    for n, (what, booking, amount) in enumerate(script):
        now = NOW + timedelta(minutes=n)
        if what == "collect":
            books.enter(collection_entries(_collected(booking, amount), ARTIST, rule, now))
        elif what == "refund":
            held = books.of_booking(booking)
            books.enter(refund_entries(_paid_back(booking, amount), ARTIST, held, now))
        elif books.account.balance > 0:
            order = PayoutOrder("MNT", "Khan 7781", min(amount, books.account.balance))
            books.enter([payout_entry(books.account, order, ADMIN, now)])
        assert books.account.balance == sum(e.signed for e in books.entries)
        assert books.account.version == len(books.entries)
        assert [e.sequence for e in books.entries] == list(range(1, len(books.entries) + 1))
        for each in BOOKINGS:
            held = books.of_booking(each)
            assert 0 <= held.refunded <= held.collected
            assert 0 <= held.fees_returned <= held.fees <= held.collected
            if held.collected and held.refunded == held.collected:
                assert held.fees_returned == held.fees  # refunded in full: no fee kept
    assert len({e.key for e in books.entries}) == len(books.entries)


def test_a_payment_and_its_refund_in_full_leave_nothing_on_the_account() -> None:
    books = Books(FeeRule(500))  # 5 %
    books.enter(collection_entries(_collected(BOOKINGS[0], 100_000), ARTIST, books.rule, NOW))
    assert books.account.balance == 95_000
    half = refund_entries(
        _paid_back(BOOKINGS[0], 40_000), ARTIST, books.of_booking(BOOKINGS[0]), NOW
    )
    assert [(e.kind, e.amount.amount) for e in half] == [
        (EntryKind.REFUNDED, 40_000), (EntryKind.FEE_RETURNED, 2_000),
    ]  # fmt: skip
    books.enter(half)
    rest = refund_entries(
        _paid_back(BOOKINGS[0], 90_000), ARTIST, books.of_booking(BOOKINGS[0]), NOW
    )
    assert [(e.kind, e.amount.amount) for e in rest] == [
        (EntryKind.REFUNDED, 60_000), (EntryKind.FEE_RETURNED, 3_000),
    ]  # capped at what was collected  # fmt: skip
    books.enter(rest)
    assert books.account.balance == 0
    # A refund of money the ledger never collected (before it began) is not entered.
    assert refund_entries(_paid_back(BOOKINGS[1], 5_000), ARTIST, BookingMoney(), NOW) == []


def _destination_charge(booking: BookingId, amount: int, fee: int) -> Collected:
    """A card payment Stripe paid straight to the artist's own account, keeping ``fee``."""
    return Collected(
        EventId(uuid4()), booking, "pi_" + uuid4().hex, Money(amount, "MNT"), "stripe",
        transferred=Money(amount - fee, "MNT"), fee=Money(fee, "MNT"),
    )  # fmt: skip


charges = st.integers(min_value=50, max_value=10**9).flatmap(
    lambda amount: st.tuples(st.just(amount), st.integers(min_value=0, max_value=amount))
)


@given(charges, st.lists(st.integers(min_value=1, max_value=10**9), max_size=6), rules)
def test_money_the_gateway_paid_the_artist_is_never_owed_whatever_is_refunded(
    charge: tuple[int, int], refunds: list[int], rule: FeeRule
) -> None:
    """A destination charge enters the gateway's own fee (whatever the rule says) and what
    it paid the artist's account: the account owes nothing for it. The gateway's refunds of
    it, in any number and size, take back the transfer and the fee in proportion: it still
    owes nothing, and nothing comes back twice or beyond what was taken."""
    amount, fee = charge
    booking = BOOKINGS[0]
    books = Books(rule)
    entries = collection_entries(_destination_charge(booking, amount, fee), ARTIST, rule, NOW)
    books.enter(entries)
    assert {e.kind: e.amount.amount for e in entries}.get(EntryKind.FEE, 0) == fee
    assert books.account.balance == 0
    for back in refunds:
        before = books.of_booking(booking)
        by_gateway = refund_entries(
            _paid_back(booking, back), ARTIST, before, NOW, transfer=(amount - fee, amount)
        )
        books.enter(by_gateway)
        held = books.of_booking(booking)
        assert books.account.balance == sum(e.signed for e in books.entries)
        # The fee's and the transfer's shares round each to a minor unit, half up.
        assert abs(books.account.balance) <= 1
        assert 0 <= held.transfers_reversed <= held.transferred
        assert 0 <= held.fees_returned <= held.fees
        if held.refunded == held.collected:
            assert (held.fees_returned, held.transfers_reversed) == (held.fees, held.transferred)
            assert books.account.balance == 0


def test_a_destination_charge_refunded_by_hand_leaves_the_artist_owing_it() -> None:
    """The gateway paid the artist 90 of 100 (fee 10); an admin pays the customer back by
    hand, so nothing is reversed at the gateway: the artist owes the platform the 90."""
    books = Books(FeeRule(1_000))
    books.enter(
        collection_entries(_destination_charge(BOOKINGS[0], 100, 10), ARTIST, books.rule, NOW)
    )
    by_hand = refund_entries(
        _paid_back(BOOKINGS[0], 100), ARTIST, books.of_booking(BOOKINGS[0]), NOW
    )
    assert [(e.kind, e.amount.amount) for e in by_hand] == [
        (EntryKind.REFUNDED, 100), (EntryKind.FEE_RETURNED, 10),
    ]  # fmt: skip
    books.enter(by_hand)
    assert books.account.balance == -90


def test_a_payout_pays_what_is_owed_and_no_more() -> None:
    owed = Account(ARTIST, "MNT", balance=95_000, version=2)
    entry = payout_entry(owed, PayoutOrder("MNT", " Khan 7781 "), ADMIN, NOW)
    assert (entry.kind, entry.amount, entry.reference) == (
        EntryKind.PAYOUT, Money(95_000, "MNT"), "Khan 7781",
    )  # fmt: skip
    assert enter(owed, [entry])[0].balance == 0
    part = payout_entry(owed, PayoutOrder("MNT", "Khan 7782", 5_000), ADMIN, NOW)
    after, (numbered,) = enter(owed, [part])
    assert (after.balance, after.version, numbered.sequence) == (90_000, 3, 3)
    with pytest.raises(ValueError, match="numbered"):  # only in its turn
        apply(owed, part)
    with pytest.raises(PayoutExceedsBalanceError):
        payout_entry(owed, PayoutOrder("MNT", "Khan", 95_001), ADMIN, NOW)
    for nothing in (Account(ARTIST, "MNT"), Account(ARTIST, "MNT", balance=-3, version=3)):
        with pytest.raises(NothingToPayOutError):
            payout_entry(nothing, PayoutOrder("MNT", "Khan"), ADMIN, NOW)


@pytest.mark.parametrize(
    "order",
    [
        PayoutOrder("MNT", ""),
        PayoutOrder("MNT", "   "),
        PayoutOrder("MNT", "x" * 101),
        PayoutOrder("MNT", "Khan\x00"),
        PayoutOrder("MNT", "Khan\n7781"),
        PayoutOrder("MNT", "Khan", note="n" * 501),
        PayoutOrder("MNT", "Khan", amount=0),
        PayoutOrder("MNT", "Khan", idempotency_key="é"),
        PayoutOrder("usd", "Khan"),
        PayoutOrder("US1", "Khan"),
        PayoutOrder("USD\n", "Khan"),
        PayoutOrder("\uff35\uff33\uff24", "Khan"),  # full-width look-alikes
    ],
)
def test_a_payout_order_out_of_bounds_is_refused(order: PayoutOrder) -> None:
    owed = Account(ARTIST, "MNT", balance=95_000, version=2)
    with pytest.raises(InvalidInputError):
        payout_entry(owed, order, ADMIN, NOW)


def test_a_payout_under_a_key_is_keyed_by_the_admin_and_matches_only_its_own_order() -> None:
    owed = Account(ARTIST, "MNT", balance=95_000, version=2)
    order = PayoutOrder("MNT", "Khan", 5_000, idempotency_key="k-1")
    entry = payout_entry(owed, order, ADMIN, NOW)
    assert entry.key == f"payout/{ADMIN}/k-1" == order.retry_key(ADMIN)
    assert order.asked_for(entry, ARTIST)
    assert PayoutOrder("MNT", "Khan", idempotency_key="k-1").asked_for(entry, ARTIST)
    assert not PayoutOrder("MNT", "Khan", 6_000, idempotency_key="k-1").asked_for(entry, ARTIST)
    assert not PayoutOrder("USD", "Khan", idempotency_key="k-1").asked_for(entry, ARTIST)
    assert not order.asked_for(entry, ArtistId(uuid4()))
    assert PayoutOrder("MNT", "Khan").retry_key(ADMIN) is None


def test_a_second_payment_of_one_invoice_is_entered_without_its_discount_again() -> None:
    """The platform's points paid part of an invoice paid twice (a duplicate payment): the
    second payment's money is entered, the discount credited once."""
    cue = Collected(
        EventId(uuid4()), BOOKINGS[0], "pay-2", Money(15_000, "MNT"), "qpay",
        platform_discount=Money(15_000, "MNT"), invoice_ref=str(uuid4()), points=150,
    )  # fmt: skip
    first = collection_entries(cue, ARTIST, FeeRule(), NOW)
    again = collection_entries(cue, ARTIST, FeeRule(), NOW, credit_discount=False)
    assert [(e.kind, e.note) for e in first] == [
        (EntryKind.COLLECTED, None), (EntryKind.DISCOUNT_CREDITED, "150 points"),
    ]  # fmt: skip
    assert [e.kind for e in again] == [EntryKind.COLLECTED]
