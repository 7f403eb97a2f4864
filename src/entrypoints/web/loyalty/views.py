"""The loyalty section's values and its form: the program's rates as the form shows them
(amounts in whole units, as the console writes money), the form read back into
``ProgramSettings`` within the domain's bounds (``RATE_BOUNDS``, ``TIER_BOUNDS``; a field
out of them raises ``FieldProblemError`` naming it), and the domain's explanation of what a
customer earns (``loyalty.explain``) in the page's words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from booking_domain.loyalty import (
    MAX_TIER_NAME,
    MAX_TIERS,
    RATE_BOUNDS,
    TIER_BOUNDS,
    Earning,
    Program,
    Rates,
    Tier,
)
from booking_domain.loyalty.use_cases import ProgramSettings
from booking_domain.shared import Money
from entrypoints.web.shared.console_forms import BadFieldError, minor_units, whole_units
from entrypoints.web.shared.money import money_text
from entrypoints.web.shared.settings_forms import FieldProblemError, bounded_number

MONEY_FIELDS: Final = ("spend_per_point", "point_value")
COUNT_FIELDS: Final = ("review_points", "max_share_percent", "expiry_days")
LABELS: Final = {
    "currency": "Currency",
    "spend_per_point": "Spending that earns one point",
    "point_value": "What one point takes off an invoice",
    "review_points": "Points for a published review",
    "max_share_percent": "Points pay at most (percent of an invoice)",
    "expiry_days": "Points expire after (days)",
}
API_FIELDS: Final = {
    "currency": "currency",
    "spendPerPoint": "spend_per_point",
    "pointValue": "point_value",
    "reviewPoints": "review_points",
    "maxSharePercent": "max_share_percent",
    "expiryDays": "expiry_days",
}
TIER_LABELS: Final = {
    "name": "Tier name",
    "threshold": "Points over 12 months to reach it",
    "multiplier_percent": "Earns (percent of the points)",
}
_API_TIER_FIELDS: Final = {
    "name": "name",
    "threshold": "threshold",
    "multiplierPercent": "multiplier_percent",
}
Translate = Callable[[str], str]


def form_values(program: Program | None) -> dict[str, Any]:
    """The form's fields: the program's rates (amounts in whole units), its tiers and empty
    rows up to ``MAX_TIERS``; the first time, the currency alone (MNT)."""
    if program is None:
        blank = {name: "" for name in (*MONEY_FIELDS, *COUNT_FIELDS)}
        return {"active": False, "currency": "MNT", **blank, "tiers": _rows(())}
    rates = program.rates
    return {
        "active": program.active,
        "currency": rates.currency,
        "spend_per_point": whole_units(rates.spend_per_point),
        "point_value": whole_units(rates.point_value),
        "review_points": rates.review_points,
        "max_share_percent": rates.max_share_percent,
        "expiry_days": rates.expiry_days,
        "tiers": _rows(rates.tiers),
    }


def _rows(tiers: tuple[Tier, ...]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"name": t.name, "threshold": t.threshold, "multiplier_percent": t.multiplier_percent}
        for t in tiers
    ]
    blank = {"name": "", "threshold": "", "multiplier_percent": ""}
    return rows + [dict(blank) for _ in range(MAX_TIERS - len(rows))]


def draft_values(form: Mapping[str, str]) -> dict[str, Any]:
    """What was typed, to show it again with a refusal."""
    values: dict[str, Any] = {
        name: form.get(name, "")[:40] for name in ("currency", *MONEY_FIELDS, *COUNT_FIELDS)
    }
    values["active"] = form.get("active") == "yes"
    values["tiers"] = [
        {field: form.get(f"tier{i}_{field}", "")[: MAX_TIER_NAME * 2] for field in TIER_LABELS}
        for i in range(MAX_TIERS)
    ]
    return values


def _money(form: Mapping[str, str], name: str) -> int:
    low, high = RATE_BOUNDS[name]
    try:
        value = minor_units(form.get(name), high)
    except BadFieldError:
        raise FieldProblemError(name) from None
    if value < low:
        raise FieldProblemError(name)
    return value


def _tiers(form: Mapping[str, str]) -> tuple[Tier, ...]:
    """The rows with anything typed in them, in order (an empty row is no tier); a field out
    of its bounds is named by its row (``tier<i>_<field>``)."""
    tiers = []
    for i in range(MAX_TIERS):
        typed = {field: form.get(f"tier{i}_{field}", "") for field in TIER_LABELS}
        if not any(value.strip() for value in typed.values()):
            continue
        try:
            threshold = bounded_number(typed, "threshold", TIER_BOUNDS["threshold"])
            multiplier = bounded_number(
                typed, "multiplier_percent", TIER_BOUNDS["multiplier_percent"]
            )
        except FieldProblemError as bad:
            raise FieldProblemError(f"tier{i}_{bad.field}") from None
        tiers.append(Tier(typed["name"][: MAX_TIER_NAME * 2], threshold, multiplier))
    return tuple(tiers)


def program_settings(form: Mapping[str, str]) -> ProgramSettings:
    """The form's program (``FieldProblemError`` naming a field out of its bounds; a tier's
    field is named ``tier<i>_<field>``)."""
    rates = Rates(
        currency=form.get("currency", "").strip().upper()[:3],
        spend_per_point=_money(form, "spend_per_point"),
        review_points=bounded_number(form, "review_points", RATE_BOUNDS["review_points"]),
        point_value=_money(form, "point_value"),
        max_share_percent=bounded_number(
            form, "max_share_percent", RATE_BOUNDS["max_share_percent"]
        ),
        expiry_days=bounded_number(form, "expiry_days", RATE_BOUNDS["expiry_days"]),
        tiers=_tiers(form),
    )
    return ProgramSettings(active=form.get("active") == "yes", rates=rates)


def field_label(field: str, translate: Translate) -> str:
    """A form field's label in the page's language (a tier's with its row's number)."""
    if field.startswith("tier") and "_" in field:
        row, _, name = field.partition("_")
        number = int(row.removeprefix("tier")) + 1
        return f"{translate('Tier')} {number}: {translate(TIER_LABELS[name])}"
    return translate(LABELS[field])


def api_labels(translate: Translate) -> dict[str, str]:
    """The API's field names (a refusal's) -> the form's labels in the page's language."""
    labels = {api: translate(LABELS[name]) for api, name in API_FIELDS.items()}
    for i in range(MAX_TIERS):
        for api, name in _API_TIER_FIELDS.items():
            labels[f"tiers[{i}].{api}"] = field_label(f"tier{i}_{name}", translate)
    labels["tiers"] = translate("Tiers")
    return labels


def bound_words(field: str) -> tuple[str, str]:
    """A field's bounds as the form takes them (amounts in whole units)."""
    name = field.partition("_")[2] if field.startswith("tier") else field
    if name in TIER_BOUNDS:
        low, high = TIER_BOUNDS[name]
        return f"{low:,}", f"{high:,}"
    if name in MONEY_FIELDS:
        low, high = RATE_BOUNDS[name]
        return whole_units(low), f"{high // 100:,}"
    if name in RATE_BOUNDS:
        low, high = RATE_BOUNDS[name]
        return f"{low:,}", f"{high:,}"
    return "AAA", "ZZZ"  # the currency: three letters


TIER_EARNS: Final = (
    "At {tier} ({threshold} points over 12 months) it earns {points} points, worth {worth}."
)
LIMITS: Final = (
    "Points pay at most {share}% of an invoice and expire {days} days after they are earned."
)


def earning_lines(earning: Earning, translate: Translate) -> list[str]:
    """The domain's explanation in plain sentences of the page's language."""

    def money(minor: int) -> str:
        return money_text(Money(minor, earning.currency))

    def said(text: str, **values: str) -> str:
        words = translate(text)
        for key, value in values.items():
            words = words.replace("{" + key + "}", value)
        return words

    lines = [
        said(
            "Every {spend} spent earns 1 point; a point takes {value} off a later invoice.",
            spend=money(earning.spend_per_point),
            value=money(earning.point_value),
        ),
        said(
            "A booking of {price} earns {points} points, worth {worth}.",
            price=money(earning.price),
            points=f"{earning.points:,}",
            worth=money(earning.worth),
        ),
    ]
    for tier in earning.tiers:
        lines.append(
            said(
                TIER_EARNS,
                tier=tier.name,
                threshold=f"{tier.threshold:,}",
                points=f"{tier.points:,}",
                worth=money(tier.worth),
            )
        )
    if earning.review_points:
        review = "A published review earns {points} points."
        lines.append(said(review, points=f"{earning.review_points:,}"))
    share, days = str(earning.max_share_percent), f"{earning.expiry_days:,}"
    lines.append(said(LIMITS, share=share, days=days))
    return lines
