"""The platform's fee as a deployment sets it: a percentage with at most two decimals (basis
points) and a least fee per currency in minor units; anything else is refused at start with
what to write, and the fee rule the ledger uses is made of them."""

from __future__ import annotations

import pytest

from booking_domain.payouts import FeeRule
from entrypoints.from_settings import fee_rule
from entrypoints.settings import SettingsError, load_settings


def test_no_fee_unless_set() -> None:
    assert fee_rule(load_settings({})) == FeeRule()


@pytest.mark.parametrize(
    ("percent", "basis_points"),
    [("0", 0), ("2.5", 250), (" 10 ", 1_000), ("2.05", 205), ("100", 10_000), ("12.34", 1_234)],
)
def test_a_percentage_is_read_as_basis_points(percent: str, basis_points: int) -> None:
    settings = load_settings({"INKSLOT_PLATFORM_FEE_PERCENT": percent})
    assert settings.platform_fee_basis_points == basis_points


def test_minimums_are_read_per_currency_in_minor_units() -> None:
    settings = load_settings({"INKSLOT_PLATFORM_FEE_MINIMUM": "MNT:50000, usd : 50"})
    assert fee_rule(settings).minimums == {"MNT": 50_000, "USD": 50}


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("INKSLOT_PLATFORM_FEE_PERCENT", "100.01", "from 0 to 100"),
        ("INKSLOT_PLATFORM_FEE_PERCENT", "2.555", "at most two decimals"),
        ("INKSLOT_PLATFORM_FEE_PERCENT", "-1", "from 0 to 100"),
        ("INKSLOT_PLATFORM_FEE_PERCENT", "\u0661\u0660", "from 0 to 100"),  # Arabic-Indic digits
        ("INKSLOT_PLATFORM_FEE_MINIMUM", "MNT=500", "CURRENCY:minor units"),
        ("INKSLOT_PLATFORM_FEE_MINIMUM", "MNT:5.5", "CURRENCY:minor units"),
        ("INKSLOT_PLATFORM_FEE_MINIMUM", "MNT:500, MNT:1", "MNT is given twice"),
    ],
)
def test_a_fee_setting_that_is_no_fee_is_refused_at_start(
    name: str, value: str, problem: str
) -> None:
    with pytest.raises(SettingsError, match=problem):
        load_settings({name: value})
