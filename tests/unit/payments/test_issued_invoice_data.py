"""An issued invoice as JSON data, the form payment_invoices.issued holds and the payment
edge sends: rows already stored in it must keep reading, and new ones are written in it."""

from __future__ import annotations

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
    assert ISSUED.as_data() == STORED


def test_a_stored_invoice_reads_back() -> None:
    assert IssuedInvoice.of_data(STORED) == ISSUED


def test_a_row_stored_without_the_raw_answer_still_reads() -> None:
    older = {key: value for key, value in STORED.items() if key != "raw"}
    assert IssuedInvoice.of_data(older).raw == ""
