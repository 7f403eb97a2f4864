"""The availability page's values and its forms' fields: the week by day (Monday first),
the date overrides and the settings in the form's units (minutes; the horizon in days), and
the forms read back into the use cases' fields (``BadFieldError`` for a number out of the
bounds the API's settings take)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Final

from booking_domain.catalog import SchedulingPolicy
from booking_domain.scheduling import StoredOverride, StoredRule, format_clock
from booking_domain.scheduling.use_cases import POLICY_BOUNDS, OverrideFields, PolicyFields
from entrypoints.web.shared.console_forms import optional_number

# The settings' bounds, as the API's settings take them (minutes; the horizon in days).
SETTING_BOUNDS: Final = POLICY_BOUNDS
WEEK: Final = (1, 2, 3, 4, 5, 6, 0)  # Monday first; the rules' day 0 is Sunday
CLOCK_LENGTH: Final = 5  # HH:MM


def window_text(start: int, end: int) -> str:
    return f"{format_clock(start)}\u2013{format_clock(end)}"  # an en dash, as the day shows


def week_of(rules: tuple[StoredRule, ...]) -> list[dict[str, Any]]:
    """The weekly hours by day, Monday first, each day's windows in order."""
    return [
        {
            "day": day,
            "windows": [
                {"id": str(r.id), "text": window_text(r.rule.start_minute, r.rule.end_minute)}
                for r in sorted(rules, key=lambda r: r.rule.start_minute)
                if r.rule.day == day
            ],
        }
        for day in WEEK
    ]


def override_of(stored: StoredOverride) -> dict[str, Any]:
    override = stored.override
    return {
        "id": str(stored.id),
        "date": override.on.isoformat(),
        "weekday": override.on.isoweekday() % 7,
        "closed": override.closed,
        "windows": ", ".join(window_text(w.start_minute, w.end_minute) for w in override.windows),
    }


def settings_of(policy: SchedulingPolicy) -> dict[str, int]:
    """The policy in the form's units: minutes, the horizon in days, no cap as 0."""
    minutes = timedelta(minutes=1)
    return {
        "slot_step": policy.slot_step // minutes,
        "minimum_notice": policy.minimum_notice // minutes,
        "horizon": policy.horizon // timedelta(days=1),
        "deposit_hold": policy.deposit_hold // minutes,
        "approval_hold": policy.approval_hold // minutes,
        "free_cancellation_notice": policy.free_cancellation_notice // minutes,
        "daily_cap": policy.daily_cap or 0,
    }


def clock_of(text: str | None) -> str:
    """A local time as a time field sends it (``HH:MM``); the rule checks the rest."""
    return (text or "").strip()[:CLOCK_LENGTH]


def override_fields(form: dict[str, str]) -> OverrideFields | None:
    """The form's date override: closed all day, or open in one window; None when the date
    is no date."""
    try:
        on = date.fromisoformat(form.get("date", "").strip()[:10])
    except ValueError:
        return None
    if form.get("kind") == "open":
        window = (clock_of(form.get("start")), clock_of(form.get("end")))
        return OverrideFields(on, windows=(window,))
    return OverrideFields(on, closed=True)


def policy_fields(form: dict[str, str]) -> PolicyFields:
    """The settings the form gives (``BadFieldError`` for one out of its bounds)."""
    given = {
        name: optional_number(form.get(name), *SETTING_BOUNDS[name]) for name in SETTING_BOUNDS
    }

    def minutes(name: str, unit: timedelta = timedelta(minutes=1)) -> timedelta | None:
        value = given[name]
        return None if value is None else value * unit

    return PolicyFields(
        slot_step=minutes("slot_step"),
        minimum_notice=minutes("minimum_notice"),
        horizon=minutes("horizon", timedelta(days=1)),
        deposit_hold=minutes("deposit_hold"),
        approval_hold=minutes("approval_hold"),
        free_cancellation_notice=minutes("free_cancellation_notice"),
        daily_cap=given["daily_cap"],
    )
