# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""The console's booking page, "Messages sent": what the platform sent about the booking
(``ListBookingMessages``), after a real sending round, in English and Mongolian; the
addresses masked and nothing of the messages themselves; before any round, said so."""

from __future__ import annotations

import html

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, sign_in
from tests.api.notifications.delivery import deliver, prove_phone

pytestmark = pytest.mark.anyio


async def test_the_booking_page_lists_the_messages_sent_masked(api: Api) -> None:
    desk = await open_desk(api)
    await prove_phone(api, desk.customer["user"]["id"], "+97688112233")
    booking_id = await desk.booked()
    email = email_of(desk.customer)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        before = await client.get(f"/console/bookings/{booking_id}")
        assert before.status_code == 200
        assert "Messages sent" in before.text
        assert "Nothing has been sent about this booking yet." in before.text
        await deliver(api)
        page = await client.get(f"/console/bookings/{booking_id}")
        text = html.unescape(page.text)
        start = text.index('id="messages-title"')
        section = text[start : text.index("</section>", start)]
        assert "Confirmed" in section and "to the customer" in section and "to you" in section
        assert f"{email[0]}***@example.com" in section and "+976 ** ** 33" in section
        assert "Email" in section and "In the app" in section and "Sent" in section
        # The page shows the customer's contacts elsewhere; the messages only masked.
        assert email not in section and "88112233" not in section
        mongolian = html.unescape(
            (await client.get(f"/console/bookings/{booking_id}?lang=mn")).text
        )
        assert "Илгээсэн мэдэгдлүүд" in mongolian and "үйлчлүүлэгч рүү" in mongolian
        assert "Апп дотор" in mongolian
