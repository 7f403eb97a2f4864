"""The waitlist: a customer waits for a freed time of an artist's service within a range
of dates (``entries.py``, one ``apply``; ``ranges.py``), and when a booking gives time back
(cancelled, expired, moved away) the first waiting customer it fits is offered it, held as
a booking of theirs for the artist's hold (``offering.py``; the reader in
``use_cases/reader.py``), then the next when the hold runs out. The artist's settings
(``settings.py``) and figures (``figures.py``). Each entry's change goes out as a
``waitlist.*`` event (``published.py``). Storage in ``ports.py``; docs/waitlist.md."""

from booking_domain.waitlist.entries import (
    LIVE,
    Action,
    Answer,
    EntryId,
    EntryState,
    EntryStatus,
    Leave,
    MakeOffer,
    Offer,
    Settle,
    WaitlistChange,
    WaitlistEntry,
    apply,
    join,
)
from booking_domain.waitlist.errors import (
    InvalidWaitlistEntryError,
    InvalidWaitlistSettingsError,
    OfferNotFoundError,
    TooManyWaitlistEntriesError,
    WaitlistActionNotAllowedError,
    WaitlistClosedError,
    WaitlistEntryClosedError,
    WaitlistEntryExistsError,
    WaitlistEntryNotFoundError,
)
from booking_domain.waitlist.figures import PERIODS, WaitlistFigures, period_start
from booking_domain.waitlist.offering import FreedTime, freed_time, offer_start, settlement
from booking_domain.waitlist.ports import (
    HasWaitlist,
    ReaderTurn,
    WaitlistFeedPosition,
    WaitlistRepository,
    WaitlistSettingsRepository,
    WaitlistUnitOfWork,
    WaitlistUnitOfWorkFactory,
)
from booking_domain.waitlist.published import (
    WAITLIST_EVENT_TYPES,
    entry_data,
    waitlist_outbox_event,
)
from booking_domain.waitlist.ranges import MAX_DAYS, DateRange, check_range, local_today
from booking_domain.waitlist.settings import (
    DEFAULT_HOLD,
    MAX_HOLD,
    MIN_HOLD,
    WaitlistSettings,
    check_hold_minutes,
)

__all__ = [
    "DEFAULT_HOLD",
    "LIVE",
    "MAX_DAYS",
    "MAX_HOLD",
    "MIN_HOLD",
    "PERIODS",
    "WAITLIST_EVENT_TYPES",
    "Action",
    "Answer",
    "DateRange",
    "EntryId",
    "EntryState",
    "EntryStatus",
    "FreedTime",
    "HasWaitlist",
    "InvalidWaitlistEntryError",
    "InvalidWaitlistSettingsError",
    "Leave",
    "MakeOffer",
    "Offer",
    "OfferAnswered",
    "OfferNotFoundError",
    "ReaderTurn",
    "Settle",
    "TooManyWaitlistEntriesError",
    "WaitlistActionNotAllowedError",
    "WaitlistChange",
    "WaitlistClosedError",
    "WaitlistEntry",
    "WaitlistEntryClosedError",
    "WaitlistEntryExistsError",
    "WaitlistEntryNotFoundError",
    "WaitlistFeedPosition",
    "WaitlistFigures",
    "WaitlistRepository",
    "WaitlistSettings",
    "WaitlistSettingsRepository",
    "WaitlistUnitOfWork",
    "WaitlistUnitOfWorkFactory",
    "answer_offer",
    "apply",
    "check_answer",
    "check_hold_minutes",
    "check_range",
    "entry_data",
    "freed_time",
    "join",
    "local_today",
    "offer_start",
    "period_start",
    "settlement",
    "waitlist_outbox_event",
]

# Last: the use cases' modules read this package's names above. An offer answered in
# another context's unit of work (the Telegram bot's buttons).
from booking_domain.waitlist.use_cases.answers import (
    OfferAnswered,
    answer_offer,
    check_answer,
)
