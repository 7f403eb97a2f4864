"""What a studio needs on its first day: the artist sees who booked (the customer's name and
phone, nothing more), and anyone may find a booking they may see by its reference as they
type it. Both answer strangers as an unknown booking does (404)."""

from __future__ import annotations

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_the_artist_sees_the_customers_name_and_phone_only(api: Api) -> None:
    desk = await open_desk(api)
    phone = await api.client.patch(
        "/api/v1/me", json={"phone": "8811 2233"}, headers=desk.auth(desk.customer)
    )
    assert phone.status_code == 200, phone.text
    booking_id = await desk.booked()
    for session in (desk.artist.session, desk.admin, desk.customer):
        answer = await desk.get(f"/{booking_id}/customer", session)
        assert answer.status_code == 200, answer.text
        assert answer.json() == {"name": "Ada", "phone": "+97688112233"}
    # A customer without a phone: null, and still nothing else.
    other = await desk.customer_named("Bold")
    second = await desk.booked("2026-03-05T12:00:00Z", other)
    answer = await desk.get(f"/{second}/customer", desk.artist.session)
    assert answer.json() == {"name": "Bold", "phone": None}


async def test_strangers_never_see_a_customer(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    another_artist = (await open_desk(api, admin=desk.admin)).artist.session
    another_customer = await desk.customer_named("Eve")
    for session in (another_artist, another_customer):
        answer = await desk.get(f"/{booking_id}/customer", session)
        assert (answer.status_code, answer.json()["code"]) == (404, "booking_not_found")
        assert "Ada" not in answer.text
    missing = await desk.get("/018f0000-0000-7000-8000-000000000000/customer", desk.admin)
    assert missing.status_code == 404
    assert (await desk.get(f"/{booking_id}/customer", None)).status_code == 401


async def test_a_booking_is_found_by_its_reference_as_typed(api: Api) -> None:
    desk = await open_desk(api)
    created = await desk.book()
    booking = created.json()
    reference: str = booking["reference"]
    symbols = reference.removeprefix("INK-")
    # The Cyrillic capitals drawn like these Latin ones (A V S E N K M R T H).
    twins = "\u0410\u0412\u0421\u0415\u041d\u041a\u041c\u0420\u0422\u0425"
    cyrillic = symbols.translate(str.maketrans("ABCEHKMPTX", twins))
    typed = (
        reference,
        reference.lower(),
        f" ink {symbols.lower()} ",
        symbols,
        f"INK\u2013{cyrillic}",  # an en dash, and Cyrillic look-alikes from a Mongolian keyboard
        "".join(chr(ord(c) + 0xFEE0) for c in reference),  # full-width forms
    )
    for session in (desk.customer, desk.artist.session, desk.admin):
        for text in typed:
            answer = await desk.get(f"/by-reference/{text}", session)
            assert answer.status_code == 200, (text, answer.text)
            assert answer.json()["id"] == booking["id"]


async def test_a_reference_strangers_may_not_see_is_a_404_and_nonsense_a_422(api: Api) -> None:
    desk = await open_desk(api)
    reference = (await desk.book()).json()["reference"]
    another_artist = (await open_desk(api, admin=desk.admin)).artist.session
    for session in (another_artist, await desk.customer_named("Eve")):
        answer = await desk.get(f"/by-reference/{reference}", session)
        assert (answer.status_code, answer.json()["code"]) == (404, "booking_not_found")
    unused = "INK-" + ("22222" + "3" if not reference.endswith("3") else "22222" + "4")
    if unused != reference:
        assert (await desk.get(f"/by-reference/{unused}", desk.admin)).status_code == 404
    oe = "\u04e8"  # Mongolian OE: no Latin twin
    for nonsense in ("INK-0O1IL", f"INK-{oe * 6}", "x" * 41, "INK-22222", "%00", "INK-2222222"):
        answer = await desk.get(f"/by-reference/{nonsense}", desk.admin)
        assert answer.status_code in (404, 422), (nonsense, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
    answer = await desk.get("/by-reference/INK-0O1ILU", desk.admin)
    assert (answer.status_code, answer.json()["errors"][0]["field"]) == (422, "reference")
    assert (await desk.get(f"/by-reference/{reference}", None)).status_code == 401
