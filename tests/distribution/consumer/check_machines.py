"""The shipped booking state machine driving a consumer's own projection (needs the `testing`
extra: skipped, saying so, where Hypothesis is not installed)."""

from __future__ import annotations

import unittest

try:
    from hypothesis import settings
except ImportError as missing:  # the library alone: this part needs booking-domain[testing]
    raise unittest.SkipTest("Hypothesis is not installed (booking-domain[testing])") from missing

from booking_domain.bookings import Booking, HistoryEntry
from booking_domain.testing.machines import BookingLifecycle


class HistoryKeptElsewhere(BookingLifecycle):
    """A consumer's copy of each booking's history, held to every step the domain allows."""

    def __init__(self) -> None:
        super().__init__()
        self.copied: list[HistoryEntry] = []

    def observe(self, before: Booking, after: Booking, entry: HistoryEntry) -> None:
        self.copied.append(entry)
        assert [e.version for e in self.copied] == list(range(2, after.version + 1))


HistoryKeptElsewhere.TestCase.settings = settings(max_examples=25, stateful_step_count=15)


the_state_machine = HistoryKeptElsewhere.TestCase  # unittest finds the TestCase by its class


if __name__ == "__main__":
    unittest.main()
