"""The issued invoice as payment_invoices.issued holds it: rows already stored in this form
must keep reading, and new ones are written in it (the column has its own codec, apart from
the payment edge's wire)."""

from __future__ import annotations

from adapters.postgres.payments import issued_json, issued_of
from booking_domain.payments import DeepLink, IssuedInvoice

ISSUED = IssuedInvoice(
    invoice_id="inv-1",
    qr_text="0002010102121531",
    qr_image="iVBORw0KGgo=",
    short_url="https://s.qpay.mn/abc",
    deep_links=(DeepLink("Khan bank", "Khan bank app", "https://logo/khan.png", "khanbank://q"),),
    raw='{"invoice_id": "inv-1"}',
)
STORED = {
    "invoiceId": "inv-1",
    "qrText": "0002010102121531",
    "qrImage": "iVBORw0KGgo=",
    "shortUrl": "https://s.qpay.mn/abc",
    "raw": '{"invoice_id": "inv-1"}',
    "deepLinks": [
        {
            "name": "Khan bank",
            "description": "Khan bank app",
            "logo": "https://logo/khan.png",
            "link": "khanbank://q",
        }
    ],
}


def test_an_issued_invoice_is_stored_in_the_form_rows_hold() -> None:
    assert issued_json(ISSUED) == STORED


def test_a_stored_invoice_reads_back() -> None:
    assert issued_of(STORED) == ISSUED


def test_a_row_stored_without_the_raw_answer_still_reads() -> None:
    older = {key: value for key, value in STORED.items() if key != "raw"}
    assert issued_of(older).raw == ""
