"""Ports: what the core needs from the outside world, as ``typing.Protocol`` classes.

Adapters implement these (``adapters.memory``, ``adapters.postgres``, ``adapters.security``).
Every adapter of a port passes the same contract suite in ``tests/contract``.

Repositories are only reachable through a :class:`UnitOfWork`; nothing they write is visible
to anyone else until ``commit()``. Leaving the unit of work without committing rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from booking_domain.accounts import Role, User
from booking_domain.artists import ArtistProfile, StoredOverride, StoredRule, Studio
from booking_domain.availability import Schedule
from booking_domain.bookings import Booking
from booking_domain.events import BookingEvent
from booking_domain.ids import ArtistId, BookingId, ServiceId, StudioId, UserId
from booking_domain.pages import Page, PageRequest
from booking_domain.services import Service
from booking_domain.sessions import RefreshToken, SessionFamilyId
from booking_domain.slots import Interval
from booking_domain.status import BookingStatus
from booking_domain.timeline import BusyTimeline


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Store a new user. Raises ``EmailAlreadyRegisteredError`` if the email is taken."""
        ...

    async def get(self, user_id: UserId) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Look up by normalised email (see ``accounts.normalize_email``)."""
        ...

    async def update(self, user: User) -> None:
        """Replace the stored user with this value. Raises ``UserNotFoundError`` if absent."""
        ...

    async def count(self) -> int: ...

    async def list(self, request: PageRequest, *, role: Role | None = None) -> Page[User]:
        """Users, oldest first (ties broken by id), optionally of one role."""
        ...


class RefreshTokenRepository(Protocol):
    async def add(self, token: RefreshToken) -> None: ...

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        """Find a token and hold it until the unit of work ends, so that two concurrent
        rotations of one token are serialised (the second sees it spent)."""
        ...

    async def update(self, token: RefreshToken) -> None: ...

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        """Revoke every token of a family; return how many were newly revoked."""
        ...

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        """Revoke every family of a user except ``keep``; return how many tokens changed."""
        ...


class ArtistRepository(Protocol):
    async def add(self, artist: ArtistProfile) -> None:
        """Raises ``ArtistProfileExistsError`` when the user already has a profile."""
        ...

    async def get(self, artist_id: ArtistId) -> ArtistProfile | None: ...

    async def get_by_user(self, user_id: UserId) -> ArtistProfile | None: ...

    async def update(self, artist: ArtistProfile) -> None: ...


class StudioRepository(Protocol):
    async def add(self, studio: Studio) -> None: ...

    async def get(self, studio_id: StudioId) -> Studio | None: ...

    async def update(self, studio: Studio) -> None: ...


class ServiceRepository(Protocol):
    async def add(self, service: Service) -> None: ...

    async def get(self, service_id: ServiceId) -> Service | None: ...

    async def update(self, service: Service) -> None: ...

    async def list_for_artist(
        self, artist_id: ArtistId, *, include_inactive: bool
    ) -> tuple[Service, ...]:
        """An artist's services, by name."""
        ...


class AvailabilityRepository(Protocol):
    """Weekly rules and date overrides of artists."""

    async def rules(self, artist_id: ArtistId) -> tuple[StoredRule, ...]:
        """By day, then start."""
        ...

    async def get_rule(self, rule_id: UUID) -> StoredRule | None: ...

    async def add_rule(self, rule: StoredRule) -> None: ...

    async def delete_rule(self, rule_id: UUID) -> None: ...

    async def overrides(
        self, artist_id: ArtistId, first: date | None = None, last: date | None = None
    ) -> tuple[StoredOverride, ...]:
        """By date; limited to ``first .. last`` (inclusive) when given."""
        ...

    async def get_override(self, override_id: UUID) -> StoredOverride | None: ...

    async def put_override(self, override: StoredOverride) -> StoredOverride:
        """Store it, replacing the artist's override of the same date; returns what is stored."""
        ...

    async def delete_override(self, override_id: UUID) -> None: ...


@dataclass(frozen=True, slots=True)
class BookingFilter:
    """Which bookings a list shows. ``customer_id`` / ``artist_user_id`` narrow to one party
    (the use case sets them from the actor); ``starts_from`` / ``starts_before`` bound
    ``start``."""

    customer_id: UserId | None = None
    artist_user_id: UserId | None = None
    artist_id: ArtistId | None = None
    statuses: tuple[BookingStatus, ...] = ()
    starts_from: datetime | None = None
    starts_before: datetime | None = None


class BookingRepository(Protocol):
    async def add(self, booking: Booking, event: BookingEvent) -> None:
        """Store a new booking and its first event, together (one write). Raises
        ``SlotTakenError`` when its blocked time overlaps another pending or confirmed
        booking of the artist (the storage's own check, which holds under any concurrency).
        The write queues on the artist's calendar first (see ``hold_calendar``), so
        concurrent inserts of one artist never wait on each other's unfinished rows.
        Raises ``BookingReferenceTakenError`` when another booking has its reference."""
        ...

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Booking | None:
        """``for_update`` holds the booking until the unit of work ends, so concurrent
        transitions of one booking are serialised."""
        ...

    async def save(self, booking: Booking, event: BookingEvent) -> None:
        """Store a changed booking (version ``event.version``) and its event. Raises
        ``ConcurrentUpdateError`` when the stored version is not ``event.version - 1`` and
        ``SlotTakenError`` when a new time overlaps another active booking."""
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

    async def events(self, booking_id: BookingId) -> tuple[BookingEvent, ...]:
        """The audit trail, by version."""
        ...

    async def list(self, where: BookingFilter, page: PageRequest) -> Page[Booking]:
        """Newest start first."""
        ...


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


@dataclass(frozen=True, slots=True)
class SchedulingContext:
    """Everything the domain needs to offer or check slots of one artist and service."""

    artist: ArtistProfile
    service: Service
    schedule: Schedule
    busy: BusyTimeline
    # Whether a pending booking whose hold has run out still overlaps the window: only then
    # is there anything to expire before writing.
    has_expired_holds: bool = False


class SchedulingReader(Protocol):
    async def context(
        self, artist_id: ArtistId, service_id: ServiceId, window: Interval, now: datetime
    ) -> SchedulingContext | None:
        """The artist, the service (None overall if either is unknown or they do not belong
        together), the schedule (rules, and overrides of the dates around ``window``) and
        the blocked time of bookings active at ``now`` overlapping ``window``: in one round
        trip where the adapter can."""
        ...


class UnitOfWork(Protocol):
    """One transaction (unless opened read-only or autocommit: see ``UnitOfWorkFactory``).
    ``async with uow:`` opens it; ``commit()`` makes it durable; leaving the block without
    a commit rolls it back."""

    users: UserRepository
    refresh_tokens: RefreshTokenRepository
    artists: ArtistRepository
    studios: StudioRepository
    services: ServiceRepository
    availability: AvailabilityRepository
    bookings: BookingRepository
    idempotency: IdempotencyRepository
    scheduling: SchedulingReader

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False, autocommit: bool = False) -> UnitOfWork:
        """A new unit of work.

        - By default one transaction: nothing is durable before ``commit()``.
        - ``read_only=True`` promises no writes and no commit, which lets an adapter skip the
          transaction (each query then sees its own consistent snapshot).
        - ``autocommit=True`` runs each read and each write on its own: a write is durable
          when it returns, whatever happens later in the block, and ``commit()`` has nothing
          left to do. For a change that is a single write (a new booking with its first
          event is one), it saves the transaction's own round trips.
        """
        ...


class PasswordHasher(Protocol):
    """Slow, salted password hashing. Async because hashing is deliberately CPU-heavy and
    must not block an event loop."""

    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; False (never an exception) otherwise."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than the current ones."""
        ...


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token asserts."""

    user_id: UserId
    role: Role
    session_id: SessionFamilyId
    token_id: str
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedAccessToken:
    token: str
    expires_at: datetime


class TokenService(Protocol):
    """Access tokens (signed, short-lived) and refresh-token secrets (opaque, hashed)."""

    def issue_access_token(
        self, user_id: UserId, role: Role, session_id: SessionFamilyId, now: datetime
    ) -> IssuedAccessToken:
        """A signed token naming the user, their role and the session family it belongs to."""
        ...

    def verify_access_token(self, token: str, now: datetime) -> AccessClaims:
        """Raise ``InvalidTokenError`` for anything but a valid, unexpired token."""
        ...

    def new_refresh_secret(self) -> str:
        """A fresh random opaque refresh token, given to the client once."""
        ...

    def hash_refresh_secret(self, secret: str) -> str:
        """The stable digest under which a refresh token is stored and looked up."""
        ...


class HealthProbe(Protocol):
    async def check(self) -> None:
        """Return when the backing store answers; raise ``ServiceUnavailableError`` if not."""
        ...
