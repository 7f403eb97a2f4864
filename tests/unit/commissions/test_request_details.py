"""What a tattoo request must say: the rules of its details (each problem named by its
field), who may send one, the age confirmation, and the event it sends."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given

from booking_domain.catalog import ArtistNotFoundError, ArtistStatus
from booking_domain.commissions import (
    DATES_AHEAD,
    MAX_DATES,
    MAX_IDEA,
    MAX_SIZE_CM,
    AgeNotConfirmedError,
    BodyArea,
    ColourMode,
    DraftDetails,
    InvalidRequestError,
    RequestActionNotAllowedError,
    RequestStatus,
    Turn,
    check_details,
    local_today,
    request_outbox_event,
    send_request,
)
from booking_domain.shared.currencies import CIRCULATING_CURRENCIES
from booking_domain.testing import admin, artist, customer
from booking_domain.testing.builders import ARTIST_USER, CUSTOMER_USER
from booking_domain.testing.commissions import a_public_artist, drafts, valid_drafts

# 16:30 on 1 March in UTC is 00:30 on 2 March in Ulaanbaatar (UTC+8), where the artist works.
NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
TODAY = local_today(NOW, "Asia/Ulaanbaatar")


def draft(**changes: object) -> DraftDetails:
    base = DraftDetails(
        "A fox", BodyArea.FOREARM, " inside ", 12, ColourMode.COLOUR, 100, 200, "MNT", (), False
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def fields_of(error: InvalidRequestError) -> set[str]:
    return {e.field for e in error.errors}


def test_today_is_the_artists_local_date() -> None:
    assert TODAY.isoformat() == "2026-03-02"


@given(valid_drafts(TODAY))
def test_valid_details_are_kept_trimmed_with_dates_in_order(d: DraftDetails) -> None:
    details = check_details(d, TODAY)
    assert details.idea == d.idea.strip()
    assert details.budget.minimum <= details.budget.maximum
    assert list(details.preferred_dates) == sorted(d.preferred_dates)


@given(drafts(TODAY))
def test_details_pass_exactly_when_every_rule_holds(d: DraftDetails) -> None:
    rules = {
        "idea": 1 <= len(d.idea.strip()) <= MAX_IDEA and "\x00" not in d.idea,
        "sizeCm": 1 <= d.size_cm <= MAX_SIZE_CM,
        "budget.currency": d.currency in CIRCULATING_CURRENCIES,
        "budget": 0 <= d.budget_min <= d.budget_max <= 10**12,
        "preferredDates": len(d.preferred_dates) <= MAX_DATES
        and len(set(d.preferred_dates)) == len(d.preferred_dates)
        and all(TODAY <= x <= TODAY + DATES_AHEAD for x in d.preferred_dates),
    }
    try:
        check_details(d, TODAY)
    except InvalidRequestError as refused:
        broken = {f.split(".")[0] if f.startswith("budget.m") else f for f in fields_of(refused)}
        assert broken == {name for name, holds in rules.items() if not holds}
    else:
        assert all(rules.values())


def test_a_budget_upside_down_or_a_date_yesterday_is_named() -> None:
    with pytest.raises(InvalidRequestError) as refused:
        check_details(draft(budget_min=300, budget_max=200), TODAY)
    assert [(e.field, e.code) for e in refused.value.errors] == [("budget.min", "budget_range")]
    with pytest.raises(InvalidRequestError) as refused:
        check_details(draft(preferred_dates=(TODAY - timedelta(days=1),)), TODAY)
    assert [e.code for e in refused.value.errors] == ["date_in_past"]
    assert check_details(draft(preferred_dates=(TODAY,)), TODAY).preferred_dates == (TODAY,)


def test_only_a_customer_sends_to_a_public_artist_confirming_their_age() -> None:
    details = check_details(draft(), TODAY)
    public = a_public_artist(NOW)
    for who in (artist(), admin()):
        with pytest.raises(RequestActionNotAllowedError):
            send_request(who, public, details, (), NOW, adult=True)
    with pytest.raises(AgeNotConfirmedError):
        send_request(customer(), public, details, (), NOW, adult=False)
    for hidden in (
        dataclasses.replace(public, status=ArtistStatus.PENDING),
        dataclasses.replace(public, suspended=True),
    ):
        with pytest.raises(ArtistNotFoundError):
            send_request(customer(), hidden, details, (), NOW, adult=True)


def test_a_sent_request_waits_for_the_artist_and_tells_both_parties() -> None:
    sent = send_request(customer(), a_public_artist(NOW), check_details(draft(), TODAY), (), NOW,
                        adult=True)  # fmt: skip
    r = sent.request
    assert (r.status, r.turn, r.turn_since, r.version) == (RequestStatus.OPEN, Turn.ARTIST, NOW, 1)
    event = request_outbox_event(sent, customer_name="Ada", artist_name="Bold Ink")
    assert (event.type, event.subject, event.sequence) == ("request.sent", f"request/{r.id}", 1)
    assert event.audience == (CUSTOMER_USER, ARTIST_USER)
    data = event.data["request"]
    assert isinstance(data, dict)
    assert (data["customerName"], data["artistName"], data["status"]) == ("Ada", "Bold Ink", "open")
