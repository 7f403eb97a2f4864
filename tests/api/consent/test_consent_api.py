# ruff: noqa: RUF001 (Mongolian Cyrillic in the texts)
"""Consent forms over HTTP on PostgreSQL: the artist writes and requires a form, the
customer reads and signs it, completion waits for the signature and the ID check, the
copies download as a real PDF and an HTML page that hostile answers cannot break, and
strangers learn nothing (docs/consent.md)."""

from __future__ import annotations

import re
import zlib
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
HOSTILE = '</p><script>alert("x")</script><img src=x onerror=alert(1)>'
FORM = {
    "title": "Шивээс хийлгэх зөвшөөрөл",
    "locale": "mn",
    "statement": "Шивээс бол насан туршийн.",
    "questions": [
        {"kind": "health", "disclosure": "latex"},
        {"kind": "date", "prompt": "Төрсөн огноо", "dates": "past"},
        {"kind": "text", "prompt": "Anything else?", "required": False},
    ],
}


async def _required(desk: Desk) -> str:
    made = await desk.api.client.post(
        f"/api/v1/artists/{desk.artist.id}/consent-forms", json=FORM,
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert made.status_code == 201, made.text
    form_id = str(made.json()["id"])
    required = await desk.api.client.put(
        f"/api/v1/artists/{desk.artist.id}/consent-requirement", json={"formId": form_id},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert required.status_code == 200 and required.json()["required"] is True
    return form_id


def _signature(form_id: str, **changes: Any) -> dict[str, Any]:
    return {
        "formId": form_id, "formVersion": 1, "signedName": "Саруул Бат",
        "adultConfirmed": True, "accepted": True,
        "answers": [
            {"key": "q1", "value": True, "details": HOSTILE},
            {"key": "q2", "value": "1990-04-30"}, {"key": "q3", "value": HOSTILE},
        ],
        **changes,
    }  # fmt: skip


async def _sign_in_again(desk: Desk) -> None:
    for session in (desk.customer, desk.artist.session):
        fresh = await desk.api.login(session["user"]["email"])
        session["tokens"] = fresh.json()["tokens"]


async def _complete(desk: Desk, booking_id: str) -> Any:
    return await desk.api.client.patch(
        f"{BOOKINGS}/{booking_id}", json={"status": "completed"},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip


async def test_a_booking_is_completed_only_once_signed_and_the_id_checked(api: Api) -> None:
    desk = await open_desk(api)
    form_id = await _required(desk)
    booking_id = await desk.booked()
    consent = f"{BOOKINGS}/{booking_id}/consent"
    shown = await api.client.get(consent, headers=desk.auth(desk.customer))
    body = shown.json()
    assert (body["standing"], body["canSign"], body["viewerRole"]) == ("unsigned", True, "customer")
    assert body["form"]["content"]["questions"][0]["prompt"] == "Та латекст харшилтай юу?"

    api.clock.set(datetime.fromisoformat(SLOT) + timedelta(minutes=1))
    await _sign_in_again(desk)  # the access tokens lived 15 minutes
    refused = await _complete(desk, booking_id)
    assert (refused.status_code, refused.json()["code"]) == (409, "consent_not_signed")
    assert refused.headers["content-type"].startswith("application/problem+json")

    wrong = await api.client.post(
        consent, json=_signature(form_id, adultConfirmed=False, signedName="bad\u0000name"),
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert (wrong.status_code, wrong.json()["code"]) == (422, "invalid_consent")
    fields = {e["field"] for e in wrong.json()["errors"]}
    assert {"adultConfirmed", "signedName"} <= fields
    by_artist = await api.client.post(
        consent, json=_signature(form_id), headers=desk.auth(desk.artist.session)
    )
    assert by_artist.status_code == 403
    signed = await api.client.post(
        consent, json=_signature(form_id), headers={**desk.auth(desk.customer), "User-Agent": "T"}
    )
    assert signed.status_code == 201, signed.text
    assert signed.json()["signature"]["userAgent"] == "T"
    again = await api.client.post(
        consent, json=_signature(form_id), headers=desk.auth(desk.customer)
    )
    assert (again.status_code, again.json()["code"]) == (409, "consent_already_signed")

    not_yet = await _complete(desk, booking_id)
    assert (not_yet.status_code, not_yet.json()["code"]) == (409, "id_not_checked")
    checked = await api.client.post(
        f"{consent}/id-check", json={"documentType": "passport", "showsAdult": True},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert checked.status_code == 200 and checked.json()["status"] == "id_checked"
    done = await _complete(desk, booking_id)
    assert done.status_code == 200 and done.json()["status"] == "completed"


async def test_the_copies_are_real_and_hostile_answers_stay_text(api: Api) -> None:
    desk = await open_desk(api)
    form_id = await _required(desk)
    booking_id = await desk.booked()
    consent = f"{BOOKINGS}/{booking_id}/consent"
    early = await api.client.get(f"{consent}.pdf", headers=desk.auth(desk.customer))
    assert (early.status_code, early.json()["code"]) == (404, "consent_not_found")
    signed = await api.client.post(
        consent, json=_signature(form_id), headers=desk.auth(desk.customer)
    )
    assert signed.status_code == 201, signed.text

    page = await api.client.get(f"{consent}.html", headers=desk.auth(desk.customer))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text and "&lt;script&gt;" in page.text
    assert "Саруул Бат" in page.text and "Та латекст харшилтай юу?" in page.text

    pdf = await api.client.get(f"{consent}.pdf", headers=desk.auth(desk.artist.session))
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and pdf.content.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf.content)
    assert "Саруул Бат" in text  # the signed name, drawn in the embedded font
    assert "Та латекст харшилтай юу?" in text and "Гарын үсэг" in text

    stranger = await desk.customer_named("Eve")
    for path in (consent, f"{consent}.pdf", f"{consent}.html"):
        hidden = await api.client.get(path, headers=desk.auth(stranger))
        assert (hidden.status_code, hidden.json()["code"]) == (404, "booking_not_found")


def pdf_text(pdf: bytes) -> str:
    """The text a PDF shows, read with nothing but its own structure: the font's
    ``ToUnicode`` map turns the two-byte glyph ids of the content streams' strings back
    into text. Enough for fpdf2's output (literal strings shown with ``Tj``)."""
    contents = [zlib.decompress(s) for s in _streams(pdf)]
    glyphs: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", pdf + b"".join(contents), re.S):
        for glyph, code in re.findall(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", block):
            glyphs[bytes.fromhex(glyph.decode())] = bytes.fromhex(code.decode()).decode("utf-16-be")
    shown = []
    for content in (c for c in contents if b"BT" in c and b"Tj" in c):  # pages, not fonts
        for raw in _literal_strings(content):
            shown.append("".join(glyphs.get(raw[i : i + 2], "") for i in range(0, len(raw), 2)))
    return " ".join(" ".join(shown).split())


_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal_strings(content: bytes) -> list[bytes]:
    """Each ``(...)`` string of a content stream, its escapes undone (PDF 32000, 7.3.4.2)."""
    found, i = [], 0
    while (i := content.find(b"(", i)) != -1:
        out, i, depth = bytearray(), i + 1, 1
        while depth:
            c = content[i]
            if c == 0x5C:  # backslash
                nxt = content[i + 1]
                digits = re.match(rb"[0-7]{1,3}", content[i + 1 : i + 4])
                if digits:
                    out.append(int(digits.group(), 8) & 0xFF)
                    i += 1 + len(digits.group())
                    continue
                out += _ESCAPES.get(nxt, bytes([nxt]))
                i += 2
                continue
            depth += (c == 0x28) - (c == 0x29)
            if depth:
                out.append(c)
            i += 1
        found.append(bytes(out))
    return found


def _streams(pdf: bytes) -> list[bytes]:
    """The deflated streams (content and font files; the caller keeps what decompresses)."""
    found = []
    for match in re.finditer(rb"stream\r?\n", pdf):
        data = pdf[match.end() : pdf.find(b"endstream", match.end())]
        try:
            zlib.decompress(data)
        except zlib.error:
            continue
        found.append(data)
    return found


async def test_forms_are_the_artists_and_admins_only_read(api: Api) -> None:
    desk = await open_desk(api)
    form_id = await _required(desk)
    form = f"/api/v1/consent-forms/{form_id}"
    as_admin = await api.client.put(form, json=FORM, headers=desk.auth(desk.admin))
    assert (as_admin.status_code, as_admin.json()["code"]) == (403, "consent_action_not_allowed")
    assert (await api.client.get(form, headers=desk.auth(desk.admin))).status_code == 200
    hidden = await api.client.get(form, headers=desk.auth(desk.customer))
    assert (hidden.status_code, hidden.json()["code"]) == (404, "consent_form_not_found")
    revised = await api.client.put(form, json=FORM, headers=desk.auth(desk.artist.session))
    assert revised.json()["versions"] == [1, 2]
    in_use = await api.client.delete(form, headers=desk.auth(desk.artist.session))
    assert (in_use.status_code, in_use.json()["code"]) == (409, "consent_form_in_use")
    first = await api.client.get(f"{form}/versions/1", headers=desk.auth(desk.artist.session))
    assert first.json()["content"]["title"] == FORM["title"]
    assert datetime.fromisoformat(first.json()["publishedAt"]).tzinfo is not None
