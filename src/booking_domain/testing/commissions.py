"""Hypothesis strategies and builders for tattoo requests (needs the ``testing`` extra).

- ``drafts(today)``: details as a client may send them, valid or not (``valid_drafts`` only
  valid ones), shrinking towards a short idea, no dates and a zero budget;
- ``a_public_artist()``: an approved artist profile of ``builders.ARTIST_USER``;
- ``a_request(now)``: a request just sent by ``builders.customer()`` to that artist;
- ``actions``: the steps a party may try on a request, with good and bad text;
- ``an_accepted_request(now)``: that request, accepted by the artist;
- ``draft_terms(now)``: quote terms as a client may send them, valid or not
  (``valid_terms(now)`` only valid ones).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import strategies as st

from booking_domain.catalog import ArtistProfile, ArtistStatus
from booking_domain.commissions import (
    DATES_AHEAD,
    MAX_DATES,
    MAX_GAP_DAYS,
    MAX_IDEA,
    MAX_SESSION_MINUTES,
    MAX_SESSIONS,
    MAX_SIZE_CM,
    MAX_VALID,
    Accept,
    Action,
    BodyArea,
    ColourMode,
    Decline,
    DraftDetails,
    DraftTerms,
    Leave,
    PostMessage,
    TattooRequest,
    Withdraw,
    apply,
    check_details,
    local_today,
    send_request,
)
from booking_domain.testing.builders import (
    ARTIST_ID,
    ARTIST_USER,
    artist,
    customer,
    make_policy,
)

TEXTS = st.sampled_from(["A fox on the forearm", "Yes!", "", "   ", "bad\x00text", "x" * 4001])
GOOD_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=60
).filter(lambda t: t.strip() != "")


def valid_drafts(today: date) -> st.SearchStrategy[DraftDetails]:
    amounts = st.integers(0, 10**9)
    return st.builds(
        _draft,
        idea=GOOD_TEXT,
        area=st.sampled_from(BodyArea),
        size_cm=st.integers(1, MAX_SIZE_CM),
        colour=st.sampled_from(ColourMode),
        budget=st.tuples(amounts, amounts).map(sorted),
        currency=st.sampled_from(["MNT", "USD", "EUR"]),
        dates=st.sets(st.dates(today, today + DATES_AHEAD), max_size=MAX_DATES).map(
            lambda found: tuple(sorted(found))
        ),
        first=st.booleans(),
    )


def drafts(today: date) -> st.SearchStrategy[DraftDetails]:
    """Valid details, and details breaking one or more rules."""
    return st.builds(
        _draft,
        idea=st.one_of(GOOD_TEXT, TEXTS, st.just("y" * (MAX_IDEA + 1))),
        area=st.sampled_from(BodyArea),
        size_cm=st.integers(-5, MAX_SIZE_CM + 5),
        colour=st.sampled_from(ColourMode),
        budget=st.lists(st.integers(-10, 10**13), min_size=2, max_size=2),
        currency=st.sampled_from(["MNT", "USD", "XXX", "ABC"]),
        dates=st.lists(
            st.dates(today - timedelta(days=3), today + DATES_AHEAD + timedelta(days=3)),
            max_size=MAX_DATES + 1,
        ).map(tuple),
        first=st.booleans(),
    )


def _draft(
    idea: str,
    area: BodyArea,
    size_cm: int,
    colour: ColourMode,
    budget: list[int],
    currency: str,
    dates: tuple[date, ...],
    first: bool,
) -> DraftDetails:
    low, high = budget
    return DraftDetails(idea, area, "", size_cm, colour, low, high, currency, dates, first)


def a_public_artist(now: datetime, time_zone: str = "Asia/Ulaanbaatar") -> ArtistProfile:
    return ArtistProfile(
        id=ARTIST_ID,
        user_id=ARTIST_USER,
        display_name="Bold Ink",
        time_zone=time_zone,
        policy=make_policy(time_zone),
        created_at=now,
        updated_at=now,
        status=ArtistStatus.APPROVED,
    )


def a_request(now: datetime) -> TattooRequest:
    """A request just sent by ``customer()`` to ``a_public_artist``, with no pictures."""
    artist = a_public_artist(now)
    today = local_today(now, artist.time_zone)
    details = check_details(
        DraftDetails(
            "A fox", BodyArea.FOREARM, "inside", 12, ColourMode.BLACK_AND_GREY,
            100_000, 300_000, "MNT", (today,), True,
        ),
        today,
    )  # fmt: skip
    return send_request(customer(), artist, details, (), now, adult=True).request


actions: st.SearchStrategy[Action] = st.one_of(
    st.builds(Accept, TEXTS),
    st.builds(Decline, TEXTS),
    st.builds(Withdraw, st.one_of(st.none(), TEXTS)),
    st.builds(PostMessage, TEXTS),
    st.just(Leave()),
)


def an_accepted_request(now: datetime) -> TattooRequest:
    """``a_request(now)``, accepted by its artist at ``now``."""
    return apply(a_request(now), Accept("Let's do it"), artist(), now).request


def valid_terms(now: datetime) -> st.SearchStrategy[DraftTerms]:
    """Terms that keep every rule of ``check_terms`` at ``now``."""
    return st.builds(
        _terms,
        sessions=st.integers(1, MAX_SESSIONS),
        minutes=st.integers(2, MAX_SESSION_MINUTES // 15).map(lambda q: q * 15),
        prices=st.lists(st.integers(1, 10**7), min_size=2, max_size=2).map(sorted),
        deposit_part=st.floats(0, 1),
        currency=st.sampled_from(["MNT", "USD"]),
        gap_days=st.integers(0, MAX_GAP_DAYS),
        valid_for=st.integers(1, int(MAX_VALID.total_seconds())).map(
            lambda s: timedelta(seconds=s)
        ),
        now=st.just(now),
    )


def _terms(
    sessions: int,
    minutes: int,
    prices: list[int],
    deposit_part: float,
    currency: str,
    gap_days: int,
    valid_for: timedelta,
    now: datetime,
) -> DraftTerms:
    low, high = (p * 100 for p in prices)
    share = low // sessions // 100
    deposit = int(share * deposit_part) * 100
    return DraftTerms(
        sessions, minutes, low, high, deposit, currency, gap_days, now + valid_for, "See you"
    )


def draft_terms(now: datetime) -> st.SearchStrategy[DraftTerms]:
    """Valid terms, and terms breaking one or more rules."""
    return st.one_of(
        valid_terms(now),
        st.builds(
            DraftTerms,
            sessions=st.integers(-1, MAX_SESSIONS + 2),
            session_minutes=st.integers(0, MAX_SESSION_MINUTES + 30),
            price_min=st.integers(-100, 10**13),
            price_max=st.integers(-100, 10**13),
            deposit=st.integers(-100, 10**8),
            currency=st.sampled_from(["MNT", "USD", "XXX"]),
            gap_days=st.integers(-2, MAX_GAP_DAYS + 2),
            expires_at=st.sampled_from(
                [
                    now - timedelta(seconds=1),
                    now,
                    now + timedelta(days=1),
                    now + MAX_VALID * 2,
                    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),  # before year 1 in UTC
                    datetime(2026, 3, 3),  # naive
                ]
            ),
            note=TEXTS,
        ),
    )
