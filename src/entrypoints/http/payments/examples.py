"""The balance invoice the OpenAPI document shows (``POST /bookings/{id}/balance-invoice``):
written out, not generated (entrypoints.http.response_docs says why).

A session priced 400,000 MNT whose 100,000 deposit was paid by the bank app; the artist adds
50,000 for extra shading, so 350,000 is left (amounts in minor units, as on the wire).
QPay's fields are shaped as QPay sends them: an EMVCo text, its PNG, a short link and one
deep link per bank app.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from entrypoints.http.payments.dto import DeepLinkView, InvoiceView, ReceivedPaymentView

_QR_TEXT = "0002010102121531279404962794049600000000KKTQPAY52046010530349654033500005802MN6304A1F3"

BALANCE_INVOICE = InvoiceView(
    invoice_id="7c1e4b9a-2f63-4d85-b0a7-91d3e6c25f48",
    number="INK7K3M9Q02",
    booking_id=UUID("5e8d2a71-9c4b-4f06-a3e2-7b1f0d9c6e85"),
    booking_reference="INK-7K3M9Q",
    amount=35_000_000,
    currency="MNT",
    status="open",
    expires_at=datetime(2026, 4, 12, 9, 30, tzinfo=UTC),
    qr_text=_QR_TEXT,
    qr_image="iVBORw0KGgoAAAANSUhEUgAAASwAAAEsCAYAAAB5fY51AAAAAXNSR0IArs4c6QAA",
    short_url="https://s.qpay.mn/Xy12AbCd",
    deep_links=[
        DeepLinkView(
            name="Khan bank",
            description="Khan Bank",
            logo="https://qpay.mn/q/logo/khanbank.png",
            link=f"khanbank://q?qPay_QRcode={_QR_TEXT}",
        )
    ],
    payments=[
        ReceivedPaymentView(
            payment_id="593712046158",
            amount=10_000_000,
            currency="MNT",
            method="p2p",
            outcome="confirmed",
            received_at=datetime(2026, 3, 2, 4, 17, 51, tzinfo=UTC),
        )
    ],
    refunds=[],
    booking_status="completed",
    payment_status="paid",
    created_at=datetime(2026, 3, 13, 9, 30, tzinfo=UTC),
    paid_at=None,
    kind="balance",
    price=40_000_000,
    credit=10_000_000,
    adjustment=5_000_000,
    adjustment_reason="Extra shading on the sleeve",
)
