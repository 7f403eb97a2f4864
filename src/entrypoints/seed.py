"""Demo data for the local profile: made once, when the database has no users at all.

An admin, a customer and an artist with fresh random passwords (printed once); the artist is
approved and bookable at once: a profile in Ulaanbaatar with her studio (address and map
point), two services, Tuesday-Saturday
hours, a portfolio of three generated pictures, and one confirmed booking by the demo
customer on the first free slot. Around her, a dozen more approved artists across
Ulaanbaatar (``seed_artists``: styles, places, prices, hours and a picture each), so that
search has something to find. Everything goes through the use cases, as a person using
the API would make it (the pictures through the same upload checks and processing).
"""

from __future__ import annotations

import dataclasses
import io
import secrets
from dataclasses import dataclass
from datetime import timedelta

from booking_domain.accounts import password_problems
from booking_domain.accounts.ports import AccountsUnitOfWorkFactory
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.catalog import ArtistProfile, Service
from booking_domain.catalog.use_cases import (
    DepositChoice,
    ProfileFields,
    ServiceFields,
    StudioFields,
)
from booking_domain.scheduling.use_cases import RuleFields
from booking_domain.shared import Actor, Clock, Money, Role
from entrypoints.bundles import Bundles

DEMO_TIME_ZONE = "Asia/Ulaanbaatar"
# Amounts are minor units (möngö, 1/100 of a tögrög): the prices below are written in whole
# tögrög, as a studio quotes them, and turned into minor units here (docs/payments.md).
MONGO_PER_TOGROG = 100


def tugrik(whole: int) -> Money:
    """``whole`` tögrög as money (minor units): ``tugrik(150_000)`` is MNT 150,000."""
    return Money(whole * MONGO_PER_TOGROG, "MNT")


@dataclass(frozen=True, slots=True)
class DemoAccount:
    role: str
    email: str
    password: str
    booking_link: str | None = None  # the artist's booking page (docs/booking-page.md)


async def seed_demo_data(
    use_cases: Bundles, accounts_storage: AccountsUnitOfWorkFactory, clock: Clock
) -> list[DemoAccount]:
    """Create the demo accounts, artist and booking; return the accounts (the only time the
    passwords exist in clear). Does nothing when any user exists."""
    async with accounts_storage(read_only=True) as uow:
        if await uow.users.count() > 0:
            return []
    accounts = [
        DemoAccount("admin", "admin@inkslot.local", _password("admin@inkslot.local", "Demo Admin")),
        DemoAccount(
            "customer",
            "customer@inkslot.local",
            _password("customer@inkslot.local", "Demo Customer"),
        ),
        DemoAccount(
            "artist", "artist@inkslot.local", _password("artist@inkslot.local", "Demo Artist")
        ),
    ]
    admin, customer, artist = accounts
    sign_up = use_cases.accounts
    admin_user = await sign_up.create_admin(
        email=admin.email, password=admin.password, name="Demo Admin"
    )
    customer_in = await sign_up.register_user(
        email=customer.email, password=customer.password, name="Demo Customer", role=Role.CUSTOMER
    )
    artist_in = await sign_up.register_user(
        email=artist.email, password=artist.password, name="Demo Artist", role=Role.ARTIST
    )
    profile = await _approved_artist(use_cases, artist_in.user.actor, admin_user.actor)
    small = (await _services(use_cases, artist_in.user.actor, profile))[0]
    await _hours(use_cases, artist_in.user.actor)
    await _portfolio(use_cases, artist_in.user.actor)
    await seed_artists(use_cases, admin_user.actor)
    now = clock.now()
    found = await use_cases.scheduling.find_free_slots(
        customer_in.user.actor, profile.id, small.id, now, now + timedelta(days=14)
    )
    if found.starts:
        request = BookingRequest(
            profile.id, small.id, found.starts[0], notes="A small swallow, wrist"
        )
        await use_cases.bookings.create_booking(customer_in.user.actor, request)
    (general,) = await use_cases.catalog.list_booking_links(artist_in.user.actor)
    return [admin, customer, dataclasses.replace(artist, booking_link=general.url)]


async def _approved_artist(use_cases: Bundles, artist: Actor, admin: Actor) -> ArtistProfile:
    catalog = use_cases.catalog
    # Her own studio on Peace Avenue: messages about her bookings carry its address and map.
    studio = await catalog.create_studio(
        artist,
        StudioFields(
            name="Saraa Ink Studio",
            address="Peace Avenue 17, 2nd floor, Sükhbaatar district",
            city="Ulaanbaatar",
            location=(47.918573, 106.917635),
        ),
    )
    profile = await catalog.create_artist(
        artist,
        ProfileFields(
            display_name="Saraa Ink",
            time_zone=DEMO_TIME_ZONE,
            bio="Fine line and botanical work. Walk-ins welcome on Saturdays.",
            styles=("fine line", "botanical", "blackwork"),
            city="Ulaanbaatar",
            instagram="saraa.ink",
            studio_id=studio.id,
        ),
    )
    await catalog.submit_artist(artist, profile.id)
    return await catalog.review_artist(admin, profile.id, approved=True, note=None)


async def _services(
    use_cases: Bundles, artist: Actor, profile: ArtistProfile
) -> tuple[Service, ...]:
    """A small piece booked at once (MNT 150,000), and a half-day session (MNT 600,000)
    with a MNT 100,000 deposit that the artist approves first: Ulaanbaatar studio prices."""
    offered = (
        ServiceFields(
            name="Small tattoo (up to 5 cm)",
            duration=timedelta(minutes=60),
            price=tugrik(150_000),
            buffer_after=timedelta(minutes=15),
        ),
        ServiceFields(
            name="Half-day session",
            duration=timedelta(hours=4),
            price=tugrik(600_000),
            deposit=DepositChoice(amount=tugrik(100_000).amount),
            buffer_before=timedelta(minutes=15),
            buffer_after=timedelta(minutes=30),
            needs_approval=True,
        ),
    )
    return tuple([await use_cases.catalog.add_service(artist, profile.id, s) for s in offered])


async def _hours(use_cases: Bundles, artist: Actor) -> None:
    """Tuesday to Friday 10:00-19:00, Saturday 11:00-17:00."""
    hours = [(day, "10:00", "19:00") for day in (2, 3, 4, 5)] + [(6, "11:00", "17:00")]
    for day, start, end in hours:
        await use_cases.scheduling.add_weekly_rule(artist, RuleFields(day, start, end))


# The demo portfolio: generated pictures (no binary files in the repository), described as
# an artist would.
_DEMO_PIECES = (
    ("Peony, forearm, healed", ("botanical", "fine-line"), (214, 96, 120)),
    ("Swallow pair, collarbone", ("fine-line",), (60, 90, 150)),
    ("Mountain band, calf", ("blackwork",), (40, 40, 40)),
)


async def _portfolio(use_cases: Bundles, artist: Actor) -> None:
    for number, (description, tags, colour) in enumerate(_DEMO_PIECES):
        finished = await use_cases.media.import_image(
            artist, purpose="portfolio", content_type="image/jpeg", data=_picture(number, colour)
        )
        await use_cases.catalog.add_portfolio_item(
            artist, finished.upload.id, description=description, style_tags=tags
        )


def _picture(number: int, colour: tuple[int, int, int]) -> bytes:
    """A 1200x1500 JPEG: skin tone, and a simple motif in ``colour``."""
    from PIL import Image, ImageDraw  # only the first start of a local profile draws these

    image = Image.new("RGB", (1200, 1500), (232, 200, 176))
    draw = ImageDraw.Draw(image)
    for ring in range(6 + number * 2):
        inset = 120 + ring * 40
        draw.ellipse((inset, inset + 150, 1200 - inset, 1350 - inset), outline=colour, width=8)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


# A dozen artists across Ulaanbaatar: (name, styles, district point, price of a two-hour
# session in whole tögrög, days, bio).
_CITY_ARTISTS = (
    ("Өлзий Бат", ("blackwork", "dotwork"), (47.9210, 106.9060), 120_000, (2, 3, 4),
     "Blackwork and dotwork mandalas, bold lines."),
    ("Tsetseg Art", ("fine line", "botanical"), (47.9135, 106.9350), 180_000, (1, 2, 3, 4, 5),
     "Delicate botanical pieces and fine-line lettering."),
    ("Khan Realism", ("realism", "portrait"), (47.8990, 106.9000), 450_000, (3, 4, 5, 6),
     "Black and grey realism, portraits of people and animals."),
    ("Бат-Эрдэнэ Ink", ("traditional", "mongolian"), (47.9290, 106.8850), 200_000, (1, 3, 5),
     "Mongolian ornament and traditional flash."),
    ("Naraa Lines", ("fine line", "minimal"), (47.9180, 106.9400), 90_000, (2, 4, 6),
     "Small minimal tattoos, single-needle work."),
    ("Steppe Tattoo", ("blackwork", "geometric"), (47.9050, 106.8700), 250_000, (1, 2, 3),
     "Geometric blackwork, sleeves and back pieces."),
    ("Золбоо Color", ("neo traditional", "color"), (47.9330, 106.9500), 300_000, (4, 5, 6),
     "Bright neo-traditional colour work."),
    ("Anu Dots", ("dotwork", "ornamental"), (47.9120, 106.8950), 160_000, (2, 5),
     "Ornamental dotwork, mandalas and jewellery pieces."),
    ("Bold Irezumi", ("japanese", "irezumi"), (47.8880, 106.9200), 500_000, (1, 2, 4, 5),
     "Japanese irezumi: koi, dragons, peonies."),
    ("Oyuka Script", ("lettering", "script"), (47.9250, 106.9150), 100_000, (3, 6),
     "Lettering in Mongolian script, Cyrillic and Latin."),
    ("Temuujin Trash", ("trash polka", "blackwork"), (47.9400, 106.9000), 280_000, (1, 4),
     "Trash polka collages in black and red."),
    ("Enkhjin Watercolor", ("watercolor", "botanical"), (47.9000, 106.9450), 220_000, (2, 3, 5),
     "Watercolour flowers and birds."),
)  # fmt: skip


async def seed_artists(use_cases: Bundles, admin: Actor) -> None:
    """A dozen approved artists with services, hours and one portfolio piece each."""
    for n, (name, styles, (lat, lng), price, days, bio) in enumerate(_CITY_ARTISTS):
        email = f"artist{n + 1}@inkslot.local"
        joined = await use_cases.accounts.register_user(
            email=email,
            password=_password(email, name),
            name=name,
            role=Role.ARTIST,
        )
        actor = joined.user.actor
        catalog = use_cases.catalog
        profile = await catalog.create_artist(
            actor,
            ProfileFields(
                display_name=name,
                time_zone=DEMO_TIME_ZONE,
                bio=bio,
                styles=styles,
                city="Ulaanbaatar",
                location=(lat, lng),
            ),
        )
        await catalog.add_service(
            actor,
            profile.id,
            ServiceFields(name="Session", duration=timedelta(hours=2), price=tugrik(price)),
        )
        for day in days:
            await use_cases.scheduling.add_weekly_rule(actor, RuleFields(day, "11:00", "19:00"))
        finished = await use_cases.media.import_image(
            actor,
            purpose="portfolio",
            content_type="image/jpeg",
            data=_picture(n % 4, (30 + 15 * n, 40, 60)),
        )
        await catalog.add_portfolio_item(
            actor,
            finished.upload.id,
            description=f"{bio.split(',')[0]}, healed",
            style_tags=tuple(s.replace(" ", "-") for s in styles),
        )
        await catalog.submit_artist(actor, profile.id)
        await catalog.review_artist(admin, profile.id, approved=True, note=None)


def _password(email: str, name: str) -> str:
    """A random password the sign-up rules accept for this account: a random draw can hold
    a part of the name or email ("ink", "art"), which those rules refuse, so draw again."""
    while True:
        password = secrets.token_urlsafe(12)
        if not password_problems(password, email=email, name=name):
            return password
