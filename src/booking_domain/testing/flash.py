"""Hypothesis strategies for flash designs (needs the ``testing`` extra): tags as people type
them, and a design's sizes as an artist prices them (some of them refused)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

# Words with the case, spaces, underscores and dashes people put in tags.
_WORD = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)
_GAP = st.sampled_from([" ", "  ", "_", "-", " - ", "__"])


@st.composite
def typed_tags(draw: st.DrawFn) -> str:
    """A tag as typed: words joined by spaces, underscores or dashes, maybe padded."""
    words = draw(st.lists(_WORD, min_size=1, max_size=3))
    text = words[0]
    for word in words[1:]:
        text += draw(_GAP) + word
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", " ", "_"]))


@dataclass(frozen=True, slots=True)
class DrawnSize:
    """One size as asked for: minor units, a fixed deposit or a whole percent (or none)."""

    label: str
    minutes: int
    price: int
    deposit_amount: int | None = None
    deposit_percent: int | None = None


@st.composite
def sizes(draw: st.DrawFn, label: str = "M") -> DrawnSize:
    price = draw(st.integers(0, 5_000_000))
    kind = draw(st.sampled_from(["none", "amount", "percent"]))
    minutes = draw(st.integers(1, 24 * 12)) * 5
    if kind == "amount":
        # Mostly within the price; sometimes above it (refused).
        amount = draw(st.integers(1, max(1, price)) | st.integers(price + 1, price + 10_000))
        return DrawnSize(label, minutes, price, deposit_amount=amount)
    if kind == "percent":
        return DrawnSize(label, minutes, price, deposit_percent=draw(st.integers(1, 100)))
    return DrawnSize(label, minutes, price)
