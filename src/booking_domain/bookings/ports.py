"""What the bookings context needs from the outside world.

Every adapter passes the contract suite in ``tests/contract/bookings``.

Two knobs exist only here, for the booking-creation path (``use_cases/create.py``): the
factory's ``autocommit`` (a creation without an Idempotency-Key is one write of its own) and
the repository's ``hold_calendar`` (writers of one artist's bookings queue one after
another). No other context's unit of work offers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.accounts import HasUsers
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.clients import BookedFor, Client, ClientId
from booking_domain.bookings.consent_gate import HasConsentGate
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.ideas import Idea, IdeaId
from booking_domain.bookings.names import NamedBooking
from booking_domain.bookings.roster import RosterEntry, RosterSearch
from booking_domain.bookings.status import BookingStatus, PaymentStatus
from booking_domain.catalog import (
    HasAftercare,
    HasArtists,
    HasBookingLinks,
    HasFlash,
    HasStudios,
)
from booking_domain.media import HasUploads
from booking_domain.scheduling import HasSchedulingReader
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork
from booking_domain.shared.time import Interval


@dataclass(frozen=True, slots=True)
class BookingFilter:
    """Which bookings a list shows. ``customer_id`` / ``artist_user_id`` narrow to one party
    (the use case sets them from the actor), ``client_id`` to one client record's bookings;
    ``starts_from`` / ``starts_before`` bound
    ``start``. Newest start first, or with ``soonest_first`` the earliest first (what comes
    next: the Telegram bot's ``/bookings``)."""

    customer_id: UserId | None = None
    artist_user_id: UserId | None = None
    artist_id: ArtistId | None = None
    statuses: tuple[BookingStatus, ...] = ()
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    payment_statuses: tuple[PaymentStatus, ...] = ()
    soonest_first: bool = False
    client_id: ClientId | None = None


class BookingRepository(Protocol):
    async def add(self, booking: Booking, entry: HistoryEntry) -> None:
        """Store a new booking and its first history entry, with what the unit of work
        holds for the change (its outbox event and audit entry, recorded before it:
        ``bookings.record_new``), together (one write). Raises ``SlotTakenError`` when its
        blocked time overlaps another pending or confirmed booking of the artist (the
        storage's own check, which holds under any concurrency). The write queues on the
        artist's calendar first (see ``hold_calendar``), so concurrent inserts of one artist
        never wait on each other's unfinished rows. Raises ``BookingReferenceTakenError``
        when another booking has its reference."""
        ...

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Booking | None:
        """``for_update`` holds the booking until the unit of work ends, so concurrent
        transitions of one booking are serialised."""
        ...

    async def get_by_reference(self, reference: str) -> Booking | None:
        """The booking whose reference is exactly ``reference`` (its stored form,
        ``INK-7K3M9Q``: ``references.read_booking_reference`` makes it from what was typed)."""
        ...

    async def save(self, booking: Booking, entry: HistoryEntry) -> None:
        """Store a changed booking (version ``entry.version``) and its history entry, with
        what the unit of work holds for the change (``bookings.record_change``), together
        (one write). Raises ``ConcurrentUpdateError`` when the stored version is not
        ``entry.version - 1`` and ``SlotTakenError`` when a new time overlaps another active
        booking."""
        ...

    async def hold_calendar(self, artist_id: ArtistId) -> None:
        """Queue this unit of work behind any other that holds the artist's calendar, until
        it ends. Units of work that write bookings of one artist (creations, reschedules)
        take it, so they run one after another instead of waiting on each other's
        uncommitted rows (a deadlock). Overlaps are still refused by the storage's own
        check."""
        ...

    async def holding(self, artist_id: ArtistId, span: Interval) -> tuple[Booking, ...]:
        """Pending and confirmed bookings of the artist whose blocked time overlaps ``span``,
        including pending ones whose hold has run out (the caller expires those)."""
        ...

    async def expired_holds(self, now: datetime, *, limit: int) -> tuple[Booking, ...]:
        """Pending bookings whose hold ran out by ``now``, oldest first, locked for this unit
        of work; rows another worker holds are skipped."""
        ...

    async def history(self, booking_id: BookingId) -> tuple[HistoryEntry, ...]:
        """The booking's history, by version."""
        ...

    async def list(self, where: BookingFilter, page: PageRequest) -> Page[Booking]:
        """Newest start first; the total counted as ``Page.counted`` says."""
        ...

    async def list_named(self, where: BookingFilter, page: PageRequest) -> Page[NamedBooking]:
        """As ``list``, each booking with its names (its customer's, by account or client
        record, and its service's), read by the same query: no read per booking."""
        ...

    async def get_named(self, booking_id: BookingId) -> NamedBooking | None:
        """As ``get``, with the booking's names as ``list_named`` gives them, in one read."""
        ...

    async def list_named_upto(self, where: BookingFilter, limit: int) -> tuple[NamedBooking, ...]:
        """The first ``limit`` bookings matching ``where`` in its order, with their names as
        ``list_named`` gives them: one read and nothing counted (a span a page shows whole,
        such as the console's week: paging it by 100 read it in several statements, each
        with its count)."""
        ...

    async def touch_up_of(self, original_id: BookingId) -> Booking | None:
        """The touch-up of ``original_id`` that is not cancelled, if any (at most one:
        ``add`` raises ``TouchUpTakenError`` for a second, whatever the concurrency)."""
        ...


class HasBookings(Protocol):
    @property
    def bookings(self) -> BookingRepository: ...


@dataclass(frozen=True, slots=True)
class IdempotencyRecord:
    user_id: UserId
    key: str
    fingerprint: str
    booking_id: BookingId
    expires_at: datetime


class IdempotencyRepository(Protocol):
    async def get(self, user_id: UserId, key: str, now: datetime) -> IdempotencyRecord | None:
        """The unexpired record of this key, if any."""
        ...

    async def claim(self, record: IdempotencyRecord, now: datetime) -> IdempotencyRecord | None:
        """Store the record unless an unexpired one holds the key; return that one instead
        (None when the claim succeeded). A concurrent claim of the same key waits for the
        first unit of work to end."""
        ...

    async def purge_expired(self, now: datetime, *, limit: int) -> int:
        """Delete up to ``limit`` records that expired by ``now``; return how many went."""
        ...


class HasIdempotencyKeys(Protocol):
    @property
    def idempotency(self) -> IdempotencyRepository: ...


class IdeaRepository(Protocol):
    async def add(self, idea: Idea) -> None: ...

    async def get(self, idea_id: IdeaId) -> Idea | None: ...

    async def update(self, idea: Idea) -> None: ...

    async def remove(self, idea_id: IdeaId) -> None: ...

    async def for_booking(self, booking_id: BookingId) -> tuple[Idea, ...]:
        """The booking's ideas, oldest first."""
        ...


class HasIdeas(Protocol):
    @property
    def ideas(self) -> IdeaRepository: ...


class ClientRepository(Protocol):
    """An artist's client records (``clients.py``): one per phone number of an artist."""

    async def add(self, client: Client) -> Client:
        """Store ``client`` unless its artist already has a record with its phone number;
        return the stored record (the earlier one when there was one, unchanged). Two
        concurrent units of work adding one number store one record."""
        ...

    async def get(self, client_id: ClientId) -> Client | None: ...


class HasClients(Protocol):
    @property
    def clients(self) -> ClientRepository: ...


class ClientRosterRepository(Protocol):
    """An artist's roster (``roster.py``): the people an artist's bookings are for, each
    with their figures over that artist's bookings only."""

    async def roster(
        self, artist_user_id: UserId, search: RosterSearch, page: PageRequest
    ) -> Page[RosterEntry]:
        """The people the artist (by account) has booked who match ``search``, in
        ``roster_order``, with the exact total of matches."""
        ...

    async def entry(self, artist_user_id: UserId, person: BookedFor) -> RosterEntry | None:
        """``person`` as the artist's roster shows them; None when the artist has no
        booking of them (someone else's client, or nobody)."""
        ...


class HasClientRoster(Protocol):
    @property
    def client_roster(self) -> ClientRosterRepository: ...


class CustomerLookupRepository(Protocol):
    """How many customers each artist account looked up, per window (``lookups``)."""

    async def count(self, user_id: UserId, window: datetime) -> int:
        """One more lookup of ``user_id`` in the window starting at ``window``: how many
        the window holds with it. Windows before ``window`` are forgotten (one row per
        account at most). Counted in an ``autocommit`` unit of work, so the count stays
        whatever the booking then does."""
        ...


class HasCustomerLookups(Protocol):
    @property
    def customer_lookups(self) -> CustomerLookupRepository: ...


class BookingsUnitOfWork(
    UnitOfWork,
    HasUsers,
    HasBookings,
    HasClients,
    HasClientRoster,
    HasIdempotencyKeys,
    HasCustomerLookups,
    HasArtists,
    HasBookingLinks,
    HasFlash,
    HasSchedulingReader,
    HasIdeas,
    HasUploads,
    HasOutbox,
    HasAudit,
    HasAftercare,
    HasConsentGate,
    HasStudios,
    Protocol,
):
    """What booking use cases open: bookings, the artists' client records and rosters,
    idempotency keys, the artists whose policy they apply (and whose suspension cancels
    bookings: the outbox takes the artist's event), the scheduling reader, ideas (with the
    uploads their images come from), and the users, read for what a party is shown of the
    other (the customer's name and phone) and to find the customer an artist books (by email
    or phone); the artists' aftercare settings (the touch-up window); and the consent gate a
    completion asks (served by the consent context's adapters); the artists' customer
    lookups per hour."""


class BookingsUnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False, autocommit: bool = False) -> BookingsUnitOfWork:
        """A new unit of work.

        - By default one transaction: nothing is durable before ``commit()``.
        - ``read_only=True`` promises no writes and no commit, which lets an adapter skip the
          transaction (each query then sees its own consistent snapshot).
        - ``autocommit=True`` runs each read and each write on its own: a write is durable
          when it returns (with the outbox event and audit entry it carries), whatever
          happens later in the block; what was recorded and no write carried is written when
          the block ends without an error. Only for a change that is a single write: a new
          booking with its first history entry (``CreateBooking``).
        """
        ...
