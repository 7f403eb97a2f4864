"""Field errors in our own words: msgspec's text ("Expected `int`, got `str` - at `$.a`")
never reaches a client; each refusal says what the value must be, by the field's name, and
every such sentence has a Mongolian entry."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Literal

import msgspec
import pytest

from entrypoints.http.field_errors import field_error
from entrypoints.http.translations import translate


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Window(msgspec.Struct, rename="camel"):
    start_time: str
    colour: Colour | None = None


class Body(msgspec.Struct, rename="camel", forbid_unknown_fields=True):
    slot_step_minutes: Annotated[int, msgspec.Meta(ge=1, le=1440)]
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=3)]
    day: dt.date
    at: Annotated[dt.datetime, msgspec.Meta(tz=True)]
    kind: Literal["customer", "artist"]
    windows: Annotated[list[Window], msgspec.Meta(max_length=2)]


VALID: dict[str, Any] = {
    "slotStepMinutes": 15, "name": "Ada", "day": "2026-03-01", "at": "2026-03-01T10:00:00Z",
    "kind": "artist", "windows": [{"startTime": "09:00"}],
}  # fmt: skip


def _refusal(change: dict[str, Any], *, drop: str = "") -> tuple[str, str, str]:
    body = {k: v for k, v in {**VALID, **change}.items() if k != drop}
    with pytest.raises(msgspec.ValidationError) as caught:
        msgspec.convert(body, Body, strict=True)
    error = field_error(str(caught.value), "data", Body)
    return error.field, error.message, error.code


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"slotStepMinutes": "x"}, ("slotStepMinutes", "must be a whole number", "invalid")),
        ({"slotStepMinutes": 0}, ("slotStepMinutes", "must be at least 1", "invalid")),
        ({"slotStepMinutes": 2000}, ("slotStepMinutes", "must be at most 1440", "invalid")),
        ({"name": 5}, ("name", "must be text", "invalid")),
        ({"name": "Adelaide"}, ("name", "must be at most 3 characters", "invalid")),
        ({"day": "2026-13-01"}, ("day", "must be a date like 2026-03-01", "invalid")),
        ({"at": "2026-03-01T10:00:00"},
         ("at", "must include a UTC offset, like +08:00", "invalid")),
        ({"kind": "wizard"}, ("kind", "must be one of: artist, customer", "invalid")),
        ({"kind": 1}, ("kind", "must be one of: artist, customer", "invalid")),
        ({"windows": [{}]}, ("windows[0].startTime", "is required", "required")),
        ({"windows": [{"startTime": "9", "colour": "green"}]},
         ("windows[0].colour", "must be one of: red, blue", "invalid")),
        ({"windows": [{"startTime": "9"}] * 3},
         ("windows", "must have at most 2 items", "invalid")),
        ({"windows": {}}, ("windows", "must be a list", "invalid")),
        ({"extra": 1}, ("extra", "is not a field of this request", "unknown_field")),
    ],
)  # fmt: skip
def test_a_refused_field_is_told_in_our_words(
    change: dict[str, Any], expected: tuple[str, str, str]
) -> None:
    field, message, code = _refusal(change)
    assert (field, message, code) == expected
    assert "`" not in message and "Expected" not in message
    assert translate("mn", message) != message, f"add {message!r} to the shared problems.po"


def test_a_missing_field_and_a_text_we_have_no_words_for() -> None:
    assert _refusal({}, drop="day") == ("day", "is required", "required")
    assert field_error("Something new from the parser", "limit").message == "is not valid"
    assert field_error("Expected `int | str`, got `float`", "q").message == "has the wrong type"
